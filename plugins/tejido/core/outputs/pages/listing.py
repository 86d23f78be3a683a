"""Kind listings in pages of a fixed size, so a section page stays light on a phone
however large the catalog grows.  Page 1 is the hand-written section page
(`organizaciones/index.html`); the others are generated (`organizaciones/pagina-2/…`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.outputs.urls import SECTIONS, Urls
from tejido.core.outputs.views import PagerView, PageView, SnippetView, Views

PAGE_SIZE = 100
LISTING_TEMPLATE = "tejido/listing.html"


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


def page_url(urls: Urls, kind: str, number: int, lang: str) -> str:
    folder = SECTIONS[kind] if number == 1 else f"{SECTIONS[kind]}/pagina-{number}"
    return urls.folder(folder, lang)


def pager(v: Views, number: int, pages: int, url_of: Callable[[int], str]) -> PagerView | None:
    """Links to every page ('Página 2 de 7'), the current one unlinked."""
    if pages == 1:
        return None
    return PagerView(v.t("page.of", number=number, total=pages),
                     tuple((n, None if n == number else v.href(url_of(n)))
                           for n in range(1, pages + 1)))


def _page(v: Views, kind: str, number: int, size: int) -> dict[str, object]:
    entries = v.catalog.of_kind(kind, v.lang)  # sorted once per kind and language
    pages = page_count(len(entries), size)
    shown = entries[(number - 1) * size:number * size]
    return {"pager": pager(v, number, pages, lambda n: page_url(v.urls, kind, n, v.lang)),
            "cards": v.cards(shown)}


def kind_listing(catalog: Catalog, kind: str, lang: str, urls: Urls, here: str,
                 size: int = PAGE_SIZE) -> SnippetView:
    """The first page of a kind, for its hand-written section page."""
    v = Views(catalog, urls, lang, here)
    return SnippetView(LISTING_TEMPLATE, {"title": None, **_page(v, kind, 1, size)})


def kind_pages(catalog: Catalog, lang: str, urls: Urls,
               size: int = PAGE_SIZE) -> Iterator[PageView]:
    """Pages 2 and on of every kind."""
    for kind, number in kind_page_numbers(catalog, size):
        yield kind_page(catalog, kind, number, lang, urls, size)


def kind_page_numbers(catalog: Catalog, size: int = PAGE_SIZE) -> Iterator[tuple[str, int]]:
    """(kind, number) of every generated listing page: 2 and on of each kind."""
    for kind in SECTIONS:
        if kind in catalog.by_kind:
            for number in range(2, page_count(len(catalog.by_kind[kind]), size) + 1):
                yield kind, number


def kind_page_source(urls: Urls, kind: str, number: int, lang: str) -> str:
    return urls.source_file(f"{SECTIONS[kind]}/pagina-{number}", lang)


def kind_page(catalog: Catalog, kind: str, number: int, lang: str, urls: Urls,
              size: int = PAGE_SIZE) -> PageView:
    pages = page_count(len(catalog.by_kind[kind]), size)
    v = Views(catalog, urls, lang, page_url(urls, kind, number, lang))
    title = f"{label(lang, 'kinds.' + kind)} ({v.t('page.of', number=number, total=pages)})"
    return v.page(
        source=kind_page_source(urls, kind, number, lang), title=title,
        description=title, kind="listing", templates=(LISTING_TEMPLATE,),
        context={"title": title, **_page(v, kind, number, size)})
