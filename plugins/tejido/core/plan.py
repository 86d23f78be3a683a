"""Every generated page of one language, planned before any is made.

A plan names each page's source path and how to make its view.  `mkdocs build`
makes every view at once; the preview (`tejido serve`) makes one only when the
browser asks for its page, so an edit costs the pages looked at, not the catalog.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from .browse import term_page, term_page_source
from .catalog import Catalog
from .entry_page import entry_page
from .fields import TAXONOMIES
from .listing import PAGE_SIZE, kind_page, kind_page_numbers, kind_page_source, page_count
from .matrix import FOLDER as MATRIX_FOLDER
from .matrix import matrix_page
from .model import Entry
from .pdf.published import NO_PDFS, Published
from .report import REPORT_PATH, build_report, report_page
from .urls import Urls
from .views import PageView


@dataclass(frozen=True)
class Planned:
    source: str
    make: Callable[[], PageView]


@dataclass(frozen=True)
class PlanSettings:
    root: Path
    published: Published = NO_PDFS
    size: int = PAGE_SIZE
    report: bool = False
    report_max_age_days: int = 365
    today: dt.date | None = None


def page_plan(catalog: Catalog, lang: str, urls: Urls,
              settings: PlanSettings) -> Iterator[Planned]:
    """The generated pages of `lang`, in the order `mkdocs build` adds them."""
    for entry in catalog.entries.values():
        yield Planned(urls.source(entry.kind, entry.id, lang),
                      partial(entry_page, catalog, entry, lang, urls, settings.root,
                              settings.published))
    yield from _term_plan(catalog, lang, urls, settings.size)
    yield Planned(urls.source_file(MATRIX_FOLDER, lang),
                  partial(matrix_page, catalog, lang, urls))
    for kind, number in kind_page_numbers(catalog, settings.size):
        yield Planned(kind_page_source(urls, kind, number, lang),
                      partial(kind_page, catalog, kind, number, lang, urls, settings.size))
    if settings.report:
        yield Planned(urls.source_file(REPORT_PATH, lang), partial(_report, catalog, lang, urls,
                                                                   settings))


def _report(catalog: Catalog, lang: str, urls: Urls, settings: PlanSettings) -> PageView:
    report = build_report(catalog, settings.today or dt.date.today(),
                          settings.report_max_age_days)
    return report_page(catalog, report, lang, urls)


def _term_plan(catalog: Catalog, lang: str, urls: Urls, size: int) -> Iterator[Planned]:
    for taxonomy in TAXONOMIES:
        for term in catalog.taxonomies[taxonomy]:
            tagged = _tagged(catalog, taxonomy, term.id)
            pages = page_count(catalog.count(taxonomy, term.id), size)
            for number in range(1, pages + 1):
                yield Planned(term_page_source(urls, taxonomy, term.id, number, lang),
                              _term_maker(catalog, taxonomy, term.id, lang, urls,
                                          (number, pages, size), tagged))


def _tagged(catalog: Catalog, taxonomy: str,
            term_id: str) -> Callable[[], tuple[tuple[Entry, ...], Counter[str]]]:
    """A term's entries and their count per kind, worked out once for all its pages."""
    @cache
    def tagged() -> tuple[tuple[Entry, ...], Counter[str]]:
        entries = catalog.tagged(taxonomy, term_id)
        return entries, Counter(entry.kind for entry in entries)
    return tagged


def _term_maker(catalog: Catalog, taxonomy: str, term_id: str, lang: str, urls: Urls,
                paging: tuple[int, int, int],
                tagged: Callable[[], tuple[tuple[Entry, ...], Counter[str]]],
                ) -> Callable[[], PageView]:
    return lambda: term_page(catalog, taxonomy, term_id, lang, urls, paging, tagged())


class PlannedPages(Mapping[str, PageView]):
    """The views of a plan by source path, each made when first asked for."""

    def __init__(self, plan: Iterable[Planned] = ()) -> None:
        self.plan = {planned.source: planned.make for planned in plan}
        self.made: dict[str, PageView] = {}

    def __getitem__(self, source: str) -> PageView:
        view = self.made.get(source)
        if view is None:
            view = self.made[source] = self.plan[source]()
        return view

    def __contains__(self, source: object) -> bool:
        return source in self.plan

    def __iter__(self) -> Iterator[str]:
        return iter(self.plan)

    def __len__(self) -> int:
        return len(self.plan)
