"""Checks that need more than one value: totals, ratios, references, notes.

The schema checks each value alone. Here the build checks what the report
says *between* values (a total equals its parts, 27/393 is the stated 6,8%),
and that every reference between data files points somewhere. Where the
source itself is off, the data says so (`sai_lech_nguon`) and the build
accepts that one discrepancy knowingly.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from macros.errors import EditorError, did_you_mean
from macros.formatting import format_figure, format_number
from macros.models import (Count, EqualCheck, Money, NotAboveCheck, Percent, Ratio,
                           RatioCheck, Span, SumCheck, Year, YearsCheck)
from macros.written import decimals_of
from macros.site_data import PRESENTATION_FILE, REPORT_FILE, Place, YearData

class OperandError(Exception):
    """An operand of a check names no figure, or no usable number."""


class MissingValue(Exception):
    """An operand is a draft figure without a value yet: the check waits."""


def check_year(data: YearData) -> list[EditorError]:
    """Every cross-value problem of one year."""
    return [*_check_references(data), *_check_relations(data)]


def _check_references(data: YearData) -> list[EditorError]:
    errors: list[EditorError] = []
    notes = data.notes

    def need_note(key: str | None, place: Place, owner: str) -> None:
        if key is not None and key not in notes:
            errors.append(EditorError(place.file, place.line, owner,
                                      f'Ghi chú biên tập "{key}" không có trong {data.file("ghi-chu.yml")}.',
                                      "Sửa tên ghi chú, hoặc thêm ghi chú đó vào ghi-chu.yml."))

    for key, figure in data.figures.items():
        place = data.place("so_lieu", key)
        need_note(figure.ghi_chu, place, key)
        if data.published and figure.missing():
            errors.append(EditorError(place.file, place.line, key,
                                      f"Năm {data.year} đã công bố nhưng số liệu này chưa có giá trị.",
                                      "Điền giá trị theo bản báo cáo, hoặc chuyển năm về trang_thai: du_thao."))
        if not data.valid_section(figure.muc):
            errors.append(_bad_section(data, place, key, figure.muc))
        if figure.nguyen_van is not None and not figure.missing():
            if figure.ghi_chu is None:
                errors.append(EditorError(place.file, place.line, key,
                                          "Có \"nguyen_van\" (cách viết khác trong bản gốc) nhưng không có ghi chú "
                                          "biên tập giải thích cho người đọc.",
                                          "Thêm \"ghi_chu: <tên ghi chú>\" và viết ghi chú trong ghi-chu.yml."))
            if figure.nguyen_van == format_figure(figure):
                errors.append(EditorError(place.file, place.line, key,
                                          "\"nguyen_van\" giống hệt cách hiển thị thông thường nên không cần.",
                                          "Xóa dòng nguyen_van (và ghi chú nếu không còn cần)."))
    for kind, entries in (("van_ban", data.documents), ("ghi_chu", data.notes)):
        for key, entry in entries.items():
            if not data.valid_section(entry.muc):
                errors.append(_bad_section(data, data.place(kind, key), key, entry.muc))
    report_file = data.file(REPORT_FILE)
    need_note(data.report.so_hieu.ghi_chu, Place(report_file, None), "so_hieu.ghi_chu")
    need_note(data.report.ngay_ky.ghi_chu, Place(report_file, None), "ngay_ky.ghi_chu")
    pages = {entry.slug for entry in data.pages()} | {"index"}
    for erratum in data.errata:
        if erratum.trang not in pages:
            errors.append(EditorError(data.file("dinh-chinh.yml"), None, erratum.trang,
                                      f'Đính chính ngày {erratum.ngay} nói tới trang "{erratum.trang}" nhưng '
                                      "mục lục không có trang đó.",
                                      "Ghi đúng tên trang (tên tệp trong docs/<năm>/, không có .md)."))
    errors += _check_presentation(data)
    errors += _check_review(data)
    return errors


def _check_review(data: YearData) -> list[EditorError]:
    """A published year has worked through its review list."""
    open_items = [(entry, place) for entry, place in data.review if not entry.xong]
    if not data.published or not open_items:
        return []
    entry, place = open_items[0]
    return [EditorError(place.file, place.line, "viec",
                        f"Năm {data.year} đã chuyển sang công bố nhưng danh sách rà soát còn {len(open_items)} việc "
                        f"chưa xong (việc đầu tiên: {entry.noi_dung[:120]}).",
                        "Xem lại từng việc trong bản xem trước (make xem-truoc), sửa dữ liệu hoặc trang nếu cần, rồi ghi "
                        "\"xong: true\" cho việc đó. Chỉ công bố khi mọi việc đã xong.")]


CHART_KINDS = {"gia_tri": (Money, Count), "phan_tram": (Percent,), "ti_so": (Ratio,)}


def _check_presentation(data: YearData) -> list[EditorError]:
    """Cards and charts name existing figures, of a kind the chart can draw."""
    errors: list[EditorError] = []
    shown = data.file(PRESENTATION_FILE)
    pages = {entry.slug for entry in data.pages()}

    def need(key: str, where: str) -> bool:
        if key not in data.figures:
            errors.append(EditorError(shown, None, where, f'Không có số liệu "{key}" trong so-lieu.yml.'
                                      + did_you_mean(key, data.figures),
                                      "Sửa tên số liệu cho đúng với so-lieu.yml."))
            return False
        return True

    for card in data.presentation.the_so_lieu:
        for key in (card.khoa, *card.so_voi):
            need(key, f"the_so_lieu: {card.khoa}")
    for chart in data.presentation.bieu_do:
        where = f"bieu_do: {chart.ma}"
        if chart.trang not in pages:
            errors.append(EditorError(shown, None, where, f'Trang "{chart.trang}" không có trong mục lục.',
                                      "Ghi tên trang (tên tệp trong docs/<năm>/, không có .md)."))
        kinds = CHART_KINDS[chart.kieu]
        figures = [data.figures[bar.khoa] for bar in chart.cot if need(bar.khoa, where)]
        wrong = [bar.khoa for bar in chart.cot
                 if bar.khoa in data.figures and not isinstance(data.figures[bar.khoa], kinds)]
        if wrong:
            errors.append(EditorError(shown, None, where,
                                      f'Biểu đồ kiểu "{chart.kieu}" không vẽ được số liệu: {", ".join(wrong)}.',
                                      "gia_tri: tiền hoặc số lượng; phan_tram: tỷ lệ %; ti_so: dạng 25/35."))
        elif chart.kieu == "gia_tri" and len({figure.unit for figure in figures}) > 1:
            errors.append(EditorError(shown, None, where, "Các cột của biểu đồ có đơn vị khác nhau.",
                                      "Chỉ đặt cạnh nhau những số liệu cùng đơn vị."))
    return errors


def _bad_section(data: YearData, place: Place, key: str, muc: str) -> EditorError:
    known = ", ".join(sorted(data.section_numbers()))
    return EditorError(place.file, place.line, f"{key}.muc",
                       f'Mục "{muc}" không có trong mục lục của báo cáo năm {data.year}.',
                       f"Dùng số mục như trong bao-cao.yml ({known}), hoặc Mở đầu / Đầu văn bản / Kết thúc.")


RATIO_PARTS = ("tu_so", "mau_so")


def operand(data: YearData, ref: str) -> Decimal:
    """The number named by `ref`: "key", or "key.tu_so" / "key.mau_so" for a ratio's parts."""
    head, _, tail = ref.rpartition(".")
    key, part = (head, tail) if tail in RATIO_PARTS else (ref, "")
    figure = data.figures.get(key)
    if figure is None:
        raise OperandError(f'Không có số liệu "{key}".')
    if figure.missing():
        raise MissingValue(key)
    if isinstance(figure, Ratio):
        if not part:
            raise OperandError(f'"{key}" là tỷ số: ghi rõ "{key}.tu_so" hoặc "{key}.mau_so".')
        fraction = figure.gia_tri
        return (fraction.numerator if part == "tu_so" else fraction.denominator).value
    if part:
        raise OperandError(f'"{key}" không phải tỷ số nên không có ".{part}".')
    if isinstance(figure, (Money, Percent, Count, Year)):
        return figure.gia_tri.value
    raise OperandError(f'"{key}" không phải là một con số để cộng trừ, so sánh.')


def _shown(value: Decimal) -> str:
    return format_number(value, decimals=min(decimals_of(value), 6))


def evaluate(data: YearData, check) -> str | None:
    """What is wrong with one relation (a Vietnamese sentence), or None when it holds or cannot be judged yet."""
    try:
        return _evaluate(data, check)
    except (MissingValue, OperandError):
        return None


def _check_relations(data: YearData) -> list[EditorError]:
    errors: list[EditorError] = []
    for check, place in data.checks:
        try:
            problem = _evaluate(data, check)
        except MissingValue:
            continue
        except OperandError as error:
            errors.append(EditorError(place.file, place.line, "kiem_tra", str(error),
                                      "Sửa tên số liệu trong phần kiem_tra cho đúng với so_lieu."))
            continue
        accepted = check.sai_lech_nguon
        if problem and accepted is None:
            errors.append(EditorError(
                place.file, place.line, "kiem_tra", problem,
                "Kiểm tra lại các số với bản báo cáo. Nếu chính bản gốc sai, giữ số của bản gốc và "
                "thêm \"sai_lech_nguon: {ghi_chu: <tên ghi chú>}\" cùng một ghi chú biên tập."))
        elif not problem and accepted is not None:
            errors.append(EditorError(
                place.file, place.line, "kiem_tra.sai_lech_nguon",
                "Đã ghi nhận sai lệch của bản gốc nhưng các số hiện đã khớp nhau.",
                "Xóa phần sai_lech_nguon (và ghi chú biên tập nếu không còn cần)."))
        elif accepted is not None and accepted.ghi_chu not in data.notes:
            errors.append(EditorError(place.file, place.line, "kiem_tra.sai_lech_nguon.ghi_chu",
                                      f'Ghi chú biên tập "{accepted.ghi_chu}" không có.',
                                      "Thêm ghi chú đó vào ghi-chu.yml hoặc sửa tên."))
    return errors


def _evaluate(data: YearData, check) -> str | None:
    """None when the relation holds, else a Vietnamese sentence naming the figures."""
    match check:
        case SumCheck():
            total = operand(data, check.tong)
            parts = [operand(data, ref) for ref in check.cac_phan]
            if sum(parts) != total:
                listed = " + ".join(f"{ref} ({_shown(v)})" for ref, v in zip(check.cac_phan, parts))
                return (f"Tổng không khớp: {check.tong} = {_shown(total)}, nhưng {listed} = "
                        f"{_shown(sum(parts))}.")
        case RatioCheck():
            percent = data.figures.get(check.phan_tram)
            if not isinstance(percent, Percent):
                raise OperandError(f'"{check.phan_tram}" không phải là số phần trăm.')
            part, whole = operand(data, check.ti_so + ".tu_so"), operand(data, check.ti_so + ".mau_so")
            stated = operand(data, check.phan_tram)
            exact = part / whole * 100
            rounded = exact.quantize(Decimal(1).scaleb(-percent.gia_tri.number.decimals), rounding=ROUND_HALF_UP)
            if rounded != stated:
                return (f"Tỷ lệ không khớp: {check.ti_so} = {_shown(part)}/{_shown(whole)} = "
                        f"{_shown(exact.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))}%, làm tròn là "
                        f"{_shown(rounded)}%, nhưng {check.phan_tram} = {_shown(stated)}%.")
        case EqualCheck():
            values = [operand(data, ref) for ref in check.cac_khoa]
            if len(set(values)) > 1:
                listed = ", ".join(f"{ref} = {_shown(v)}" for ref, v in zip(check.cac_khoa, values))
                return f"Các số phải bằng nhau nhưng khác nhau: {listed}."
        case YearsCheck():
            span = data.figures.get(check.khoang)
            if not isinstance(span, Span):
                raise OperandError(f'"{check.khoang}" không phải là một khoảng thời gian.')
            if span.missing():
                raise MissingValue(check.khoang)
            years = operand(data, check.so_nam)
            if Decimal(span.gia_tri.years) != years:
                return (f"Số năm không khớp: {check.so_nam} = {_shown(years)}, nhưng khoảng "
                        f"{check.khoang} dài {span.gia_tri.years} năm.")
        case NotAboveCheck():
            value, limit = operand(data, check.khoa), operand(data, check.nguong)
            if value > limit:
                return (f"{check.khoa} = {_shown(value)} vượt ngưỡng {check.nguong} = {_shown(limit)}.")
    return None
