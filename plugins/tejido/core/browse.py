"""Browse pages: one per taxonomy term, listings per kind and taxonomy, the home summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from . import html
from .catalog import KIND_ORDER, Catalog
from .fields import TAXONOMIES
from .listing import PAGE_SIZE, page_count, pager
from .matrix import FOLDER as MATRIX_FOLDER
from .model import Entry
from .opendata.feeds import FEED_TAXONOMIES, feed_url
from .opendata.settings import DATA_FOLDER
from .pdf.published import DIRECTORY, NO_PDFS, Published
from .urls import SECTIONS, Urls
from .writer import PageText, Snippet, Writer


def _tree(w: Writer, taxonomy: str, ids: tuple[str, ...]) -> str:
    """A nested list of terms with counts; empty terms stay visible as gaps."""
    tax = w.catalog.taxonomies[taxonomy]
    items = []
    for term_id in ids:
        children = tax.children.get(term_id, ())
        nested = _tree(w, taxonomy, children) if children else ""
        items.append(f"<li>{w.term(taxonomy, term_id, with_count=True)}{nested}</li>")
    return '<ul class="tj-tree">' + "".join(items) + "</ul>"


def _by_kind(w: Writer, entries: tuple[Entry, ...], shown: tuple[Entry, ...]) -> str:
    """The shown entries under a heading per kind; counts are of all the entries."""
    if not entries:
        return w.raw(f"<p>{html.text(w.t('none'))}</p>")
    totals = Counter(entry.kind for entry in entries)
    sections = []
    for kind in KIND_ORDER:
        chosen = [e for e in shown if e.kind == kind]
        if chosen:
            heading = f"{w.t('kinds.' + kind)} ({totals[kind]})"
            sections.append(f"## {heading}\n\n{w.raw(w.cards(chosen))}")
    return "\n".join(sections)


def _term_url(urls: Urls, taxonomy: str, term_id: str, number: int, lang: str) -> str:
    if number == 1:
        return urls.page(taxonomy, term_id, lang)
    return urls.folder(f"{SECTIONS[taxonomy]}/{term_id}/pagina-{number}", lang)


def term_pages(catalog: Catalog, taxonomy: str, term_id: str, lang: str, urls: Urls,
               size: int = PAGE_SIZE) -> Iterator[PageText]:
    """A term's page, and more pages when its entries do not fit in one."""
    entries = catalog.tagged(taxonomy, term_id)
    pages = page_count(len(entries), size)
    for number in range(1, pages + 1):
        yield term_page(catalog, taxonomy, term_id, lang, urls, (number, pages, size), entries)


def term_page(catalog: Catalog, taxonomy: str, term_id: str, lang: str, urls: Urls,
              paging: tuple[int, int, int] = (1, 1, PAGE_SIZE),
              entries: tuple[Entry, ...] | None = None) -> PageText:
    number, pages, size = paging
    entries = catalog.tagged(taxonomy, term_id) if entries is None else entries
    here = _term_url(urls, taxonomy, term_id, number, lang)
    w = Writer(catalog, urls, lang, here)
    tax = catalog.taxonomies[taxonomy]
    info = tax.terms[term_id]
    title = info.label(lang)
    if taxonomy == "sdgs":
        title = f"{w.t('sdg')} {term_id}: {title}"
    if number > 1:
        title += f" ({w.t('page.of', number=number, total=pages)})"
    head = f'<h1 class="tj-title">{html.text(title)}</h1>'
    kind_line = html.text(w.t(f"tax.{taxonomy}")) + " · " + html.text(
        w.count(catalog.count(taxonomy, term_id)))
    head += f'<p class="tj-subtitle">{kind_line}</p>'
    ancestors = tax.ancestors(term_id)
    if ancestors:
        trail = " › ".join(w.term(taxonomy, a) for a in reversed(ancestors))
        head += f'<p class="tj-trail">{html.text(w.t("part_of"))}: {trail}</p>'
    parts = [w.raw(head)]
    children = tax.children.get(term_id, ())
    if children and number == 1:
        parts.append(f"## {w.t('subterms')}\n\n{w.raw(_tree(w, taxonomy, children))}")
    links = pager(w, number, pages, lambda n: _term_url(urls, taxonomy, term_id, n, lang))
    shown = entries[(number - 1) * size:number * size]
    parts += [w.raw(links), _by_kind(w, entries, shown), w.raw(links)]
    source = (urls.source(taxonomy, term_id, lang) if number == 1 else
              urls.source_file(f"{SECTIONS[taxonomy]}/{term_id}/pagina-{number}", lang))
    return PageText(
        source=source, url=here, lang=lang, title=title,
        description=f"{w.t('tax.' + taxonomy)}: {title}", markdown="\n\n".join(parts),
        kind="browse", alternates=w.alternates(), fragments=tuple(w.fragments),
        feed=feed_url(urls, lang, taxonomy, term_id) if taxonomy in FEED_TAXONOMIES else "",
    )


def browse_pages(catalog: Catalog, lang: str, urls: Urls,
                 size: int = PAGE_SIZE) -> Iterator[PageText]:
    for taxonomy in TAXONOMIES:
        for term in catalog.taxonomies[taxonomy]:
            yield from term_pages(catalog, taxonomy, term.id, lang, urls, size)


def _matrix_link(w: Writer) -> str:
    url = w.href(w.urls.folder(MATRIX_FOLDER, w.lang))
    return f'<p><a href="{html.text(url)}">{html.text(w.t("home.matrix"))}</a></p>'


def taxonomy_listing(catalog: Catalog, taxonomy: str, lang: str, urls: Urls,
                     here: str) -> Snippet:
    """The body of a hand-written section page for a taxonomy (its terms, nested)."""
    w = Writer(catalog, urls, lang, here)
    matrix = _matrix_link(w) if taxonomy in ("themes", "regions") else ""
    return w.snippet(w.raw(matrix + _tree(w, taxonomy, catalog.taxonomies[taxonomy].roots())))


def home_summary(catalog: Catalog, lang: str, urls: Urls, here: str,
                 published: Published = NO_PDFS) -> Snippet:
    w = Writer(catalog, urls, lang, here)
    kinds = "".join(
        f'<li><a href="{html.text(w.href(urls.section(kind, lang)))}">'
        f'<strong class="tj-figure">{len(catalog.by_kind.get(kind, ()))}</strong> '
        f"{html.text(w.t('kinds.' + kind))}</a></li>"
        for kind in KIND_ORDER
    )
    themes = _tree(w, "themes", catalog.taxonomies["themes"].roots())
    countries = "".join(
        f"<li>{w.term('regions', region, with_count=True)}</li>"
        for region in catalog.taxonomies["regions"].roots() if catalog.count("regions", region)
    )
    # The search box is in the header of every page; the home points to the directory.
    search = (f'<p><a class="md-button md-button--primary" '
              f'href="{html.text(w.href(urls.folder("directorio", lang)))}">'
              f"{html.text(w.t('home.search'))}</a></p>")
    parts = [
        w.raw(search),
        f"## {w.t('home.counts')}\n\n" + w.raw(f'<ul class="tj-counts">{kinds}</ul>'),
        f"## {w.t('home.regions')}\n\n" + w.raw(f'<ul class="tj-tree">{countries}</ul>'),
        f"## {w.t('home.themes')}\n\n" + w.raw(f'<div class="tj-columns">{themes}</div>'
                                                 + _matrix_link(w)),
    ]
    data = html.text(w.href(urls.folder(DATA_FOLDER, lang)))
    parts.append(f"## {w.t('data.title')}\n\n" + w.raw(
        f'<p><a href="{data}">{html.text(w.t("data.home"))}</a></p>'))
    # The printable directory, when PDFs were made (not under `mkdocs serve` by default).
    pdfs = sorted(published.of(DIRECTORY), key=lambda pdf: pdf.lang != lang)
    if pdfs:
        items = "".join(
            f'<li><a href="{html.text(w.href(pdf.url))}" hreflang="{html.text(pdf.lang)}">'
            f'<span lang="{html.text(pdf.lang)}">{html.text(pdf.title)}</span></a> '
            f'<span class="tj-meta">PDF · {html.text(w.t("language." + pdf.lang))} · '
            f"{pdf.size_kb} KB · {pdf.pages} p.</span></li>" for pdf in pdfs)
        parts.append(f"## {w.t('field.files')}\n\n" + w.raw(
            f'<p>{html.text(w.t("pdf.directory.link"))}:</p><ul class="tj-downloads">{items}</ul>'))
    return w.snippet("\n\n".join(parts))

