"""Figure answers: search entries that give a figure itself, before any passage.

A citizen who asks "tổng thu ngân sách" wants the amount, not a page to
read. For every figure a report states in its text (its first mention, found
by `passages`), this module makes one search entry: what the figure measures
(its meaning from so-lieu.yml), its value exactly as the report writes it,
the year and section, the clause of the report around it, and, where other
years' reports have the same figure, their values, newest first, with the
change computed from the data (`comparison`, as the overview's cards do).
The entry links to the figure's own anchor in the newest year's text.

Only measured figures are answers (amounts, percentages, counts, ratios):
years, dates, periods and names written with digits ("kênh T2") are how the
report dates and names things, not what it reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from macros.comparison import NotComparable, change
from macros.formatting import displayed
from macros.fragments import render_for_search, text_content
from macros.models import Count, Money, Percent, Ratio
from macros.passages import FigureSpot
from macros.site_data import YearData

# The query parameter of a figure answer's entry: Material lists an entry whose address has no "#" as a
# result of its own; macros/search_results.js turns the address into the figure's anchor.
PARAMETER = "so-lieu"
ANSWERED = (Money, Percent, Count, Ratio)
# Key figures (the overview's cards) rank before other figures that match as well.
KEY_FIGURE_BOOST = 2


@dataclass(frozen=True)
class Mention:
    """A figure's first mention in one year's text: the page's address and the figure's place on it."""

    year: int
    page: str
    spot: FigureSpot


def _values(key: str, mentions: Sequence[Mention], years: dict[int, YearData]) -> list[dict[str, Any]]:
    """Each year's value, newest first, with its change since the next older year that has the figure."""
    rows = []
    ordered = sorted(mentions, key=lambda mention: mention.year, reverse=True)
    for index, mention in enumerate(ordered):
        figure = years[mention.year].figures[key]
        said = None
        if index + 1 < len(ordered):
            older = ordered[index + 1].year
            try:
                said = change(figure, years[older].figures[key], older)
            except NotComparable:
                said = None
        rows.append({"year": mention.year, "value": displayed(figure), "section": figure.muc, "change": said})
    return rows


def entries(mentions: Sequence[Mention], years: Sequence[YearData]) -> list[dict[str, Any]]:
    """The figure answers of the search index, one per figure key, at the newest year that states it."""
    by_year = {data.year: data for data in years}
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        data = by_year.get(mention.year)
        if data is None or not isinstance(data.figures.get(mention.spot.key), ANSWERED):
            continue
        found = by_key.setdefault(mention.spot.key, [])
        if all(other.year != mention.year for other in found):
            found.append(mention)
    answers = []
    for key, found in by_key.items():
        newest = max(found, key=lambda mention: mention.year)
        figure = by_year[newest.year].figures[key]
        text = render_for_search("search-figure.html", rows=_values(key, found, by_year),
                                 context=newest.spot.context)
        entry: dict[str, Any] = {"location": f"{newest.page}?{PARAMETER}={newest.spot.anchor}",
                                 # Material shows a title as HTML: data text is escaped
                                 "title": str(text_content(figure.y_nghia)), "text": text}
        if any(card.khoa == key for card in by_year[newest.year].presentation.the_so_lieu):
            entry["boost"] = KEY_FIGURE_BOOST
        answers.append(entry)
    return answers
