"""Browse pages: one per taxonomy term, listings per kind and taxonomy, the home summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from tejido.core.catalog.catalog import KIND_ORDER, Catalog
from tejido.core.catalog.matrix import FOLDER as MATRIX_FOLDER
from tejido.core.model.fields import TAXONOMIES
from tejido.core.model.model import Entry
from tejido.core.model.regions import by_name
from tejido.core.outputs.data.feeds import FEED_TAXONOMIES, feed_url
from tejido.core.outputs.data.settings import DATA_FOLDER
from tejido.core.outputs.pages.listing import PAGE_SIZE, page_count, pager
from tejido.core.outputs.pdf.published import DIRECTORY, NO_PDFS, Published
from tejido.core.outputs.urls import SECTIONS, Urls
from tejido.core.outputs.views import (
    CardView,
    DownloadView,
    LinkView,
    Local,
    PagerView,
    PageView,
    SnippetView,
    TermView,
    TreeNode,
    Views,
)


@dataclass(frozen=True)
class CardGroup:
    title: str
    cards: tuple[CardView, ...]


@dataclass(frozen=True)
class TermPage:
    title: str
    taxonomy_label: str
    count_label: str
    ancestors: tuple[TermView, ...]
    subterms: tuple[TreeNode, ...]
    pager: PagerView | None
    groups: tuple[CardGroup, ...]


@dataclass(frozen=True)
class KindCount:
    href: str
    count: int
    label: str


@dataclass(frozen=True)
class HomeView:
    directory: str
    kinds: tuple[KindCount, ...]
    countries: tuple[TermView, ...]
    themes: tuple[TreeNode, ...]
    matrix: str
    pdfs: tuple[DownloadView, ...]
    data: str
    """The open-data page."""


def _by_kind(v: Views, totals: Counter[str], shown: tuple[Entry, ...]) -> tuple[CardGroup, ...]:
    """The shown entries under a heading per kind; counts (`totals`) are of all the entries."""
    groups = []
    for kind in KIND_ORDER:
        chosen = [e for e in shown if e.kind == kind]
        if chosen:
            groups.append(CardGroup(f"{v.t('kinds.' + kind)} ({totals[kind]})", v.cards(chosen)))
    return tuple(groups)


def _term_url(urls: Urls, taxonomy: str, term_id: str, number: int, lang: str) -> str:
    if number == 1:
        return urls.page(taxonomy, term_id, lang)
    return urls.folder(f"{SECTIONS[taxonomy]}/{term_id}/pagina-{number}", lang)


def term_pages(catalog: Catalog, taxonomy: str, term_id: str, lang: str, urls: Urls,
               size: int = PAGE_SIZE) -> Iterator[PageView]:
    """A term's page, and more pages when its entries do not fit in one."""
    entries = catalog.tagged(taxonomy, term_id, lang)
    # Counted once per term, not once per page of it (that was quadratic in a term's size).
    totals = Counter(entry.kind for entry in entries)
    pages = page_count(len(entries), size)
    for number in range(1, pages + 1):
        yield term_page(catalog, taxonomy, term_id, lang, urls, (number, pages, size),
                        (entries, totals))


def term_page(catalog: Catalog, taxonomy: str, term_id: str, lang: str, urls: Urls,
              paging: tuple[int, int, int] = (1, 1, PAGE_SIZE),
              tagged: tuple[tuple[Entry, ...], Counter[str]] | None = None) -> PageView:
    """One page of a term; `tagged` is the term's entries and their count per kind."""
    number, pages, size = paging
    if tagged is None:
        entries = catalog.tagged(taxonomy, term_id, lang)
        tagged = (entries, Counter(entry.kind for entry in entries))
    entries, totals = tagged
    v = Views(catalog, urls, lang, _term_url(urls, taxonomy, term_id, number, lang))
    tax = catalog.taxonomies[taxonomy]
    title = tax.terms[term_id].label(lang)
    if taxonomy == "sdgs":
        title = f"{v.t('sdg')} {term_id}: {title}"
    if number > 1:
        title += f" ({v.t('page.of', number=number, total=pages)})"
    shown = entries[(number - 1) * size:number * size]
    children = tax.children.get(term_id, ())
    view = TermPage(
        title=title, taxonomy_label=v.t(f"tax.{taxonomy}"),
        count_label=v.count(catalog.count(taxonomy, term_id)),
        ancestors=v.terms(taxonomy, reversed(tax.ancestors(term_id))),
        subterms=v.tree(taxonomy, children) if number == 1 else (),
        pager=pager(v, number, pages, lambda n: _term_url(urls, taxonomy, term_id, n, lang)),
        groups=_by_kind(v, totals, shown),
    )
    source = term_page_source(urls, taxonomy, term_id, number, lang)
    return v.page(source=source, title=title, description=f"{v.t('tax.' + taxonomy)}: {title}",
                  kind="browse", templates=("tejido/term.html",), context={"term": view},
                  feed=feed_url(urls, lang, taxonomy, term_id)
                  if taxonomy in FEED_TAXONOMIES else "")


def term_page_source(urls: Urls, taxonomy: str, term_id: str, number: int, lang: str) -> str:
    return (urls.source(taxonomy, term_id, lang) if number == 1 else
            urls.source_file(f"{SECTIONS[taxonomy]}/{term_id}/pagina-{number}", lang))


def browse_pages(catalog: Catalog, lang: str, urls: Urls,
                 size: int = PAGE_SIZE) -> Iterator[PageView]:
    for taxonomy in TAXONOMIES:
        for term in catalog.taxonomies[taxonomy]:
            if taxonomy == "regions" and not catalog.count(taxonomy, term.id):
                continue  # named only by an address: no page
            yield from term_pages(catalog, taxonomy, term.id, lang, urls, size)


def _matrix_href(v: Views) -> str:
    return v.href(v.urls.folder(MATRIX_FOLDER, v.lang))


def taxonomy_listing(catalog: Catalog, taxonomy: str, lang: str, urls: Urls,
                     here: str) -> SnippetView:
    """The body of a hand-written section page for a taxonomy (its terms, nested)."""
    v = Views(catalog, urls, lang, here)
    matrix = _matrix_href(v) if taxonomy in ("themes", "regions") else ""
    return SnippetView("tejido/taxonomy.html", {
        "matrix": matrix, "tree": v.tree(taxonomy, catalog.taxonomies[taxonomy].roots())})


def _directory_pdfs(v: Views, published: Published) -> tuple[DownloadView, ...]:
    """The printable directory, when PDFs were made (not under `mkdocs serve` by default)."""
    pdfs = sorted(published.of(DIRECTORY), key=lambda pdf: pdf.lang != v.lang)
    return tuple(
        DownloadView(LinkView(v.href(pdf.url), Local(pdf.title, pdf.lang, True), pdf.lang),
                     "PDF", v.t("language." + pdf.lang), pdf.size_kb, pdf.pages)
        for pdf in pdfs)


def home_summary(catalog: Catalog, lang: str, urls: Urls, here: str,
                 published: Published = NO_PDFS) -> SnippetView:
    v = Views(catalog, urls, lang, here)
    regions = catalog.taxonomies["regions"]
    view = HomeView(
        # The search box is in the header of every page; the home points to the directory.
        directory=v.href(urls.folder("directorio", lang)),
        kinds=tuple(KindCount(v.href(urls.section(kind, lang)),
                              len(catalog.by_kind.get(kind, ())), v.t("kinds." + kind))
                    for kind in KIND_ORDER),
        countries=tuple(v.term("regions", region, with_count=True)
                        for region in by_name(regions, regions.roots(), lang)
                        if catalog.count("regions", region)),
        themes=v.tree("themes", catalog.taxonomies["themes"].roots()),
        matrix=_matrix_href(v), pdfs=_directory_pdfs(v, published),
        data=v.href(urls.folder(DATA_FOLDER, lang)),
    )
    return SnippetView("tejido/home.html", {"home": view})
