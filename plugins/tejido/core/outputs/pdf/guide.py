"""A Markdown guide as a printable document: cover, contents, numbered text."""

from __future__ import annotations

from pathlib import Path

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.model import relations as rel
from tejido.core.model.fields import DEFAULT_LANGUAGE, LANGUAGES
from tejido.core.model.model import Entry, pick
from tejido.core.outputs import html
from tejido.core.outputs.pdf.jobs import PdfJob, PdfSource
from tejido.core.outputs.pdf.markup import (
    Heading,
    document,
    headings,
    local,
    local_images,
    render_markdown,
    rewrite_links,
    site_address,
    stylesheet,
    with_fallback_note,
)
from tejido.core.outputs.urls import Urls

BODY_ID = "tj-text"


def guide_languages(entry: Entry) -> tuple[str, ...]:
    """The languages in which the guide's own text exists (not its attached files)."""
    return tuple(lang for lang in LANGUAGES if entry.body.get(lang))


def guide_pdf_url(urls: Urls, entry: Entry, lang: str) -> str:
    """`guias/<id>/<id>-<lang>.pdf`, beside the attached files; published once.

    If an attached file already has one of those names, the guide's own PDFs
    are all called `<id>-texto-<lang>.pdf` instead (the same pattern in every
    language)."""
    folder = urls.page("guide", entry.id, DEFAULT_LANGUAGE).removesuffix("index.html")
    attached = {Path(item["path"]).name for item in entry.values.get("files", ())}
    taken = any(f"{entry.id}-{code}.pdf" in attached for code in LANGUAGES)
    name = f"{entry.id}-texto-{lang}.pdf" if taken else f"{entry.id}-{lang}.pdf"
    return urls.file(folder + name, DEFAULT_LANGUAGE)


def _authors(catalog: Catalog, entry: Entry, lang: str, urls: Urls,
             site_url: str | None) -> str:
    names = []
    for link in catalog.related(entry.ref, rel.AUTHORED_BY):
        author = catalog.entries.get(link.target)
        if author is None:
            continue
        shown = local(author.title, lang)
        address = site_address(site_url, urls.entry(author.ref, lang))
        names.append(f'<a href="{html.text(address)}">{shown}</a>' if address else shown)
    return ", ".join(names)


def _cover(catalog: Catalog, entry: Entry, lang: str, urls: Urls, site_url: str | None) -> str:
    def t(key: str) -> str:
        return html.text(label(lang, key))

    facts = [
        (t("rel.authored_by"), _authors(catalog, entry, lang, urls, site_url)),
        (t("field.year"), html.text(entry.values.get("year", ""))),
        (t("field.licence"), html.text(entry.values.get("licence", ""))),
        (t("pdf.language"), t(f"language.{lang}")),
    ]
    rows = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in facts if value)
    address = site_address(site_url, urls.entry(entry.ref, lang))
    online = (f'<p class="cover-online"><a href="{html.text(address)}">{html.text(address)}</a>'
              "</p>" if address else "")
    return (
        '<section class="cover">\n'
        f'<p class="cover-band">{t("kind.guide")}</p>\n'
        f'<h1 class="cover-title">{local(entry.title, lang)}</h1>\n'
        f'<p class="cover-summary">{local(entry.summary, lang)}</p>\n'
        f'<div class="cover-foot">\n<table class="cover-facts">{rows}</table>\n'
        f'<p class="cover-source">{t("pdf.source")}</p>\n{online}</div>\n'
        "</section>"
    )


def _contents(lang: str, found: list[Heading], title: str) -> str:
    top = min((h.level for h in found), default=1)  # guides usually start at ##
    entries = [f'<li class="toc-{h.level - top + 1}"><a href="#{html.text(h.id)}">'
               f"{html.text(h.text)}</a></li>" for h in found]
    if not entries:  # a text without headings still gets its one entry
        entries = [f'<li class="toc-1"><a href="#{BODY_ID}">{html.text(title)}</a></li>']
    return (f'<nav class="toc">\n<h2 class="toc-title">{html.text(label(lang, "pdf.contents"))}'
            f'</h2>\n<ol>\n{"".join(entries)}\n</ol>\n</nav>')


def guide_source(catalog: Catalog, entry: Entry, lang: str, urls: Urls, root: Path,
                 site_url: str | None = None) -> PdfSource:
    """The HTML and CSS of one guide's PDF in `lang` (its text must exist in `lang`)."""
    text = entry.body[lang]
    page_url = site_address(site_url, urls.entry(entry.ref, lang))
    body = rewrite_links(render_markdown(text), page_url)
    title = pick(entry.title, lang)[0]
    base_dir = (root / entry.source).parent
    markup = "\n".join([
        _cover(catalog, entry, lang, urls, site_url),
        _contents(lang, headings(body), title),
        f'<main id="{BODY_ID}" class="text" lang="{html.text(lang)}">\n{body}\n</main>',
    ])
    authors = ", ".join(catalog.entries[link.target].name(lang)
                        for link in catalog.related(entry.ref, rel.AUTHORED_BY)
                        if link.target in catalog.entries)
    meta = {"author": authors, "description": pick(entry.summary, lang)[0],
            "generator": "Tejido"}
    return PdfSource(
        html=document(lang, title, with_fallback_note(markup, lang), meta),
        css=stylesheet("base", "guide"),
        base_dir=base_dir, allowed=root.resolve(),
        assets=local_images(body, base_dir, root),
    )


def guide_jobs(catalog: Catalog, urls: Urls, root: Path,
               site_url: str | None = None) -> list[PdfJob]:
    """One PDF per Markdown guide and language its text exists in."""
    return [
        PdfJob(owner=str(entry.ref), url=guide_pdf_url(urls, entry, lang), lang=lang,
               title=pick(entry.title, lang)[0],
               source=guide_source(catalog, entry, lang, urls, root, site_url))
        for entry in catalog.of_kind("guide")
        for lang in guide_languages(entry)
    ]
