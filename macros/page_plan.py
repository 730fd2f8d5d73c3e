"""Which pages a new year gets, and their stable addresses.

A year's report is split into pages at its numbered sections, as the table of
contents (`muc_luc` in bao-cao.yml) says. For a section whose heading matches
one of last year's (years and tone marks aside), the new year keeps last
year's page address and layout, so the year switcher lands on the same
section; a new section gets an address made from its title. A Roman section
with numbered headings becomes a group of pages (its text before the first
numbered heading opens the first page, under the group's heading), unless
last year kept it as one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from macros.folding import fold
from macros.markdown_text import slug
from macros.models import Section as TocEntry
from macros.report_structure import Heading, Section
from macros.source_reader import Block

RESERVED = {"index", "ban-in", "ra-soat"}
SAME_TITLE = 0.8


@dataclass
class PagePlan:
    """One page of the new year: its address, number in the report ("I.3", "II"), title and blocks."""

    slug: str
    number: str
    title: str
    blocks: list[Block | Heading] = field(default_factory=list)
    # The level of the page's own heading: subheadings below it are written one level lower.
    level: int = 1
    # Text of the group before its first numbered section: shown above this (first) page's own title.
    intro: list[Block | Heading] = field(default_factory=list)


@dataclass
class Plan:
    pages: list[PagePlan]
    toc: list[dict]


def _comparable(title: str) -> str:
    return re.sub(r"\d+", "#", fold(title)).strip(" :.")


def _same(a: str, b: str) -> bool:
    return SequenceMatcher(None, _comparable(a), _comparable(b)).ratio() >= SAME_TITLE


def _find(title: str, entries: list[TocEntry]) -> TocEntry | None:
    return max((entry for entry in entries if _same(title, entry.tieu_de)),
               key=lambda entry: SequenceMatcher(None, _comparable(title), _comparable(entry.tieu_de)).ratio(),
               default=None)


class _Slugs:
    """Page addresses, unique within the year."""

    def __init__(self) -> None:
        self.used: set[str] = set(RESERVED)

    def take(self, wanted: str) -> str:
        candidate, count = wanted, 2
        while candidate in self.used:
            candidate, count = f"{wanted}-{count}", count + 1
        self.used.add(candidate)
        return candidate


def _number(number: str) -> str | int:
    """Section numbers as an editor types them: 1 bare, I as text."""
    return int(number) if number.isdigit() else number


def plan(sections: list[Section], previous: list[TocEntry]) -> Plan:
    """Pages and table of contents for `sections`, following last year's `previous` table of contents."""
    slugs = _Slugs()
    pages: list[PagePlan] = []
    toc: list[dict] = []
    for section in sections:
        old = _find(section.heading.title, previous)
        # A group of pages when the section has numbered parts, unless last year kept it as one page.
        grouped = bool(section.children) and (old is None or old.trang is None)
        if not grouped:
            page = PagePlan(slugs.take(old.trang if old and old.trang else slug(section.heading.title)),
                            section.heading.number, section.heading.title, section.blocks(), 1)
            pages.append(page)
            toc.append({"so_muc": _number(section.heading.number), "tieu_de": section.heading.title,
                        "trang": page.slug})
            continue
        children = []
        for child in section.children:
            match = _find(child.heading.title, old.muc_con if old else [])
            page = PagePlan(slugs.take(match.trang if match and match.trang else slug(child.heading.title)),
                            f"{section.heading.number}.{child.heading.number}", child.heading.title,
                            child.blocks(), 2)
            if not children:
                page.intro = list(section.body)
            pages.append(page)
            children.append({"so_muc": _number(child.heading.number), "tieu_de": child.heading.title,
                             "trang": page.slug})
        toc.append({"so_muc": _number(section.heading.number), "tieu_de": section.heading.title,
                    "muc_con": children})
    return Plan(pages, toc)
