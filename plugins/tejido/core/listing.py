"""Kind listings in pages of a fixed size, so a section page stays light on a phone
however large the catalog grows.  Page 1 is the hand-written section page
(`organizaciones/index.html`); the others are generated (`organizaciones/pagina-2/…`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import html
from .catalog import Catalog
from .labels import label
from .urls import SECTIONS, Urls
from .writer import PageText, Snippet, Writer

PAGE_SIZE = 100


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


def page_url(urls: Urls, kind: str, number: int, lang: str) -> str:
    folder = SECTIONS[kind] if number == 1 else f"{SECTIONS[kind]}/pagina-{number}"
    return urls.folder(folder, lang)


def pager(w: Writer, number: int, pages: int, url_of: Callable[[int], str]) -> str:
    """Links to every page ('Página 2 de 7'), the current one marked."""
    if pages == 1:
        return ""
    items = []
    for n in range(1, pages + 1):
        if n == number:
            items.append(f'<li><span aria-current="page">{n}</span></li>')
        else:
            href = html.text(w.href(url_of(n)))
            items.append(f'<li><a href="{href}">{n}</a></li>')
    name = html.text(w.t("page.of", number=number, total=pages))
    return (f'<nav class="tj-pager" aria-label="{name}"><p>{name}</p>'
            f'<ul>{"".join(items)}</ul></nav>')


def _page(w: Writer, kind: str, number: int, size: int) -> str:
    entries = w.catalog.of_kind(kind)
    pages = page_count(len(entries), size)
    shown = entries[(number - 1) * size:number * size]
    links = pager(w, number, pages, lambda n: page_url(w.urls, kind, n, w.lang))
    return links + w.cards(shown) + links


def kind_listing(catalog: Catalog, kind: str, lang: str, urls: Urls, here: str,
                 size: int = PAGE_SIZE) -> Snippet:
    """The first page of a kind, for its hand-written section page."""
    w = Writer(catalog, urls, lang, here)
    return w.snippet(w.raw(_page(w, kind, 1, size)))


def kind_pages(catalog: Catalog, lang: str, urls: Urls,
               size: int = PAGE_SIZE) -> Iterator[PageText]:
    """Pages 2 and on of every kind."""
    for kind in SECTIONS:
        if kind not in catalog.by_kind:
            continue
        pages = page_count(len(catalog.by_kind[kind]), size)
        for number in range(2, pages + 1):
            here = page_url(urls, kind, number, lang)
            w = Writer(catalog, urls, lang, here)
            title = f"{label(lang, 'kinds.' + kind)} ({w.t('page.of', number=number, total=pages)})"
            markdown = w.raw(f'<h1 class="tj-title">{html.text(title)}</h1>'
                             + _page(w, kind, number, size))
            yield PageText(
                source=urls.source_file(f"{SECTIONS[kind]}/pagina-{number}", lang), url=here,
                lang=lang, title=title, description=title, markdown=markdown, kind="listing",
                alternates=w.alternates(), fragments=tuple(w.fragments),
            )
