"""Heading anchors people can read, paste and cite.

Python-Markdown's own slugify drops every letter that has no ASCII
decomposition, and Vietnamese "đ" has none: "Mở đầu" became "#mo-au". This
folds Vietnamese letters first (`folding.fold`: tone marks off, đ as d), then
does what the default does (ASCII only, words joined by the separator), so
"Mở đầu" is "#mo-dau" and "Chỉ đạo, điều hành" is "#chi-dao-dieu-hanh".
"""

from __future__ import annotations

import re
import unicodedata

from macros.folding import fold


def heading_id(value: str, separator: str = "-") -> str:
    """The anchor of a heading: "2. Công tác chỉ đạo" -> "2-cong-tac-chi-dao"."""
    ascii_text = unicodedata.normalize("NFKD", fold(value)).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^\w\s-]", "", ascii_text).strip()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, words)
