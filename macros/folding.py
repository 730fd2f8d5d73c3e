"""Vietnamese text folded for comparing: tone marks off, đ as d, lower case, one space.

Words are compared this way by the importer (headings, signatures, keys that
carry over) and heading anchors are made from it, so the folding lives in one
place. For comparing and addressing only, never for showing text.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without tone marks, đ as d, one space: "Mở  Đầu" -> "mo dau"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return re.sub(r"\s+", " ", plain).strip().casefold()
