"""Every generated page of one language, planned before any is made.

A plan names each page's source path and how to make its view from a catalog.
`mkdocs build` makes every view at once; the preview (`tejido serve`) makes one only
when the browser asks for its page, so an edit costs the pages looked at, not the
catalog.  A new catalog of the same shape (`Catalog.shape`: an edit that changes no
index) has the same pages: the plan is kept and its views are made from the new one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from tejido.core.catalog.catalog import Catalog
from tejido.core.catalog.matrix import FOLDER as MATRIX_FOLDER
from tejido.core.catalog.matrix import matrix_page
from tejido.core.catalog.report import REPORT_PATH, build_report, report_page
from tejido.core.model.fields import TAXONOMIES
from tejido.core.model.model import Entry, Ref
from tejido.core.outputs.pages.browse import term_page, term_page_source
from tejido.core.outputs.pages.entry_page import entry_page
from tejido.core.outputs.pages.listing import (
    PAGE_SIZE,
    kind_page,
    kind_page_numbers,
    kind_page_source,
    page_count,
)
from tejido.core.outputs.pdf.published import NO_PDFS, Published
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import PageView

Tagged = tuple[tuple[Entry, ...], Counter[str]]
Maker = Callable[[Catalog, dict[object, Tagged]], PageView]


@dataclass(frozen=True)
class Planned:
    source: str
    make: Maker
    """Makes the view from a catalog; the dict is shared by the plan's pages."""


@dataclass(frozen=True)
class PlanSettings:
    root: Path
    published: Published = NO_PDFS
    size: int = PAGE_SIZE
    report: bool = False
    report_max_age_days: int = 365
    today: dt.date | None = None
    site_url: str = ""
    """Where the site is published (absolute addresses in structured data)."""


def page_plan(catalog: Catalog, lang: str, urls: Urls,
              settings: PlanSettings) -> Iterator[Planned]:
    """The generated pages of `lang`, in the order `mkdocs build` adds them."""
    for entry in catalog.entries.values():
        yield Planned(urls.source(entry.kind, entry.id, lang),
                      partial(_entry, entry.ref, lang, urls, settings))
    yield from _term_plan(catalog, lang, urls, settings.size)
    yield Planned(urls.source_file(MATRIX_FOLDER, lang),
                  lambda c, _: matrix_page(c, lang, urls))
    for kind, number in kind_page_numbers(catalog, settings.size):
        yield Planned(kind_page_source(urls, kind, number, lang),
                      partial(_kind_page, kind, number, lang, urls, settings.size))
    if settings.report:
        yield Planned(urls.source_file(REPORT_PATH, lang),
                      partial(_report, lang, urls, settings))


def _entry(ref: Ref, lang: str, urls: Urls, settings: PlanSettings, catalog: Catalog,
           _: object) -> PageView:
    return entry_page(catalog, catalog.entries[ref], lang, urls, settings.root,
                      settings.published, settings.site_url)


def _kind_page(kind: str, number: int, lang: str, urls: Urls, size: int, catalog: Catalog,
               _: object) -> PageView:
    return kind_page(catalog, kind, number, lang, urls, size)


def _report(lang: str, urls: Urls, settings: PlanSettings, catalog: Catalog,
            _: object) -> PageView:
    report = build_report(catalog, settings.today or dt.date.today(),
                          settings.report_max_age_days)
    return report_page(catalog, report, lang, urls)


def _term_plan(catalog: Catalog, lang: str, urls: Urls, size: int) -> Iterator[Planned]:
    for taxonomy in TAXONOMIES:
        for term in catalog.taxonomies[taxonomy]:
            pages = page_count(catalog.count(taxonomy, term.id), size)
            for number in range(1, pages + 1):
                yield Planned(term_page_source(urls, taxonomy, term.id, number, lang),
                              partial(_term_page, taxonomy, term.id, lang, urls,
                                      (number, pages, size)))


def _term_page(taxonomy: str, term_id: str, lang: str, urls: Urls,
               paging: tuple[int, int, int], catalog: Catalog,
               memo: dict[object, Tagged]) -> PageView:
    # A term's entries, counted per kind, once for all its pages (not once per page).
    tagged = memo.get((taxonomy, term_id))
    if tagged is None:
        entries = catalog.tagged(taxonomy, term_id)
        tagged = memo[(taxonomy, term_id)] = (entries, Counter(e.kind for e in entries))
    return term_page(catalog, taxonomy, term_id, lang, urls, paging, tagged)


class PlannedPages(Mapping[str, PageView]):
    """The views of a plan by source path, each made when first asked for."""

    def __init__(self, plan: Iterable[Planned] = (), catalog: Catalog | None = None,
                 key: object = None) -> None:
        self.plan = {planned.source: planned.make for planned in plan}
        self.catalog = catalog
        self.key = key
        """What the plan was made for besides the catalog's shape (language, settings)."""
        self.made: dict[str, PageView] = {}
        self.memo: dict[object, Tagged] = {}

    def fits(self, catalog: Catalog, key: object) -> bool:
        """Whether this plan is the plan of `catalog` too."""
        return (self.catalog is not None and self.catalog.shape is catalog.shape
                and self.key == key)

    def rebind(self, catalog: Catalog) -> None:
        """The same pages, to be made from another catalog of the same shape."""
        self.catalog, self.made, self.memo = catalog, {}, {}

    def __getitem__(self, source: str) -> PageView:
        view = self.made.get(source)
        if view is None:
            assert self.catalog is not None
            view = self.made[source] = self.plan[source](self.catalog, self.memo)
        return view

    def done(self, source: str) -> None:
        """The page is made and will not be asked for again (`mkdocs build` makes each
        page once): its view is not kept."""
        self.made.pop(source, None)

    def __contains__(self, source: object) -> bool:
        return source in self.plan

    def __iter__(self) -> Iterator[str]:
        return iter(self.plan)

    def __len__(self) -> int:
        return len(self.plan)
