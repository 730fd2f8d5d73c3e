"""The baseline the benchmarks compare with: plain Material over the same report text.

The report's source text split at its numbered sections into the same pages
as this site (overview, I.1-I.4, II, III), built with Material for MkDocs as
it comes (`font: false`, Vietnamese, built-in search), without macros, data,
charts or any change of ours.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

SECTIONS = [  # (file, first line of the section in the source text)
    ("index.md", None),
    ("chi-dao-thuc-hien-ke-hoach.md", "1. Công tác chỉ đạo thực hiện kế hoạch năm 2023"),
    ("chi-dao-dieu-hanh.md", "2. Công tác chỉ đạo, điều hành của người đứng đầu cơ quan"),
    ("ket-qua-nhiem-vu-quyen-han.md", "3. Kết quả thực hiện các nhiệm vụ, quyền hạn"),
    ("quan-he-phoi-hop.md", "4. Xây dựng và giữ mối quan hệ với sở, ngành cấp Tỉnh"),
    ("han-che-nguyen-nhan.md", "II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN"),
    ("phuong-huong-nhiem-vu.md", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
]
CONFIG = textwrap.dedent("""\
    site_name: Báo cáo công tác chính quyền thành phố Hải Dương
    theme:
      name: material
      language: vi
      font: false
    plugins:
      - search
    """)


def write_plain_project(source: Path, target: Path) -> Path:
    """A plain Material project with the report's text; returns its folder."""
    text = source.read_text(encoding="utf-8")
    docs = target / "docs"
    docs.mkdir(parents=True)
    starts = [0] + [text.index(line) for _, line in SECTIONS[1:]]
    for index, (name, line) in enumerate(SECTIONS):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        part = text[starts[index]:end].strip()
        first, _, rest = part.partition("\n")
        heading = first if line else "Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024"
        body = rest if line else part
        body = re.sub(r"^\* ", r"\\* ", body, flags=re.M)
        (docs / name).write_text(f"# {heading}\n\n{body}\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return target
