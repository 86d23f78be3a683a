"""Shared pieces for producing page text in one language: links, terms, fallbacks.

Everything that comes from content is escaped here (`html.text`) or marked
as contributor Markdown (`prose`), which the glue sanitizes after rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import html
from .catalog import Catalog
from .fields import LANGUAGES
from .labels import count_label, label
from .model import Entry, Ref, Text, pick
from .urls import Urls, relative


@dataclass(frozen=True)
class PageText:
    """A page to add to the site: where it goes and the Markdown it is built from."""

    source: str
    url: str
    lang: str
    title: str
    description: str
    markdown: str
    kind: str
    alternates: dict[str, str] = field(default_factory=dict)
    fragments: tuple[str, ...] = ()
    jsonld: str = ""
    """schema.org structured data, already safe inside a <script> element."""
    ref: Ref | None = None
    """The entry the page shows, if it shows one."""
    feed: str = ""
    """The Atom feed that follows what the page lists (site-relative), if any."""


@dataclass(frozen=True)
class Snippet:
    """Markdown to append to a hand-written page, with its HTML fragments."""

    markdown: str
    fragments: tuple[str, ...]


PLACEHOLDER = re.compile(r"<!--tj:(\d+)-->")


def fill(rendered: str, fragments: tuple[str, ...]) -> str:
    """Put our HTML back where `Writer.raw` left placeholders in the rendered page."""
    if not fragments:
        return rendered
    return PLACEHOLDER.sub(
        lambda m: fragments[int(m.group(1))] if int(m.group(1)) < len(fragments) else "",
        rendered)


@dataclass
class Writer:
    catalog: Catalog
    urls: Urls
    lang: str
    here: str
    fallbacks: set[str] = field(default_factory=set)
    fragments: list[str] = field(default_factory=list)

    def raw(self, markup: str) -> str:
        """Keep our (already escaped) HTML out of Markdown: MkDocs' Markdown would
        otherwise parse every tag of it, which dominated build time.  A placeholder
        stands in its place and `fill` swaps it back after rendering."""
        self.fragments.append(markup)
        return f"\n\n<!--tj:{len(self.fragments) - 1}-->\n\n"

    def snippet(self, markdown: str) -> Snippet:
        return Snippet(markdown, tuple(self.fragments))

    def t(self, key: str, **values: object) -> str:
        return label(self.lang, key, **values)

    def href(self, url: str) -> str:
        return relative(self.here, url)

    def local(self, value: Text) -> str:
        """Escaped text in the reader's language, or the fallback marked with its lang."""
        chosen, used = pick(value, self.lang)
        if used == self.lang:
            return html.text(chosen)
        self.fallbacks.add(used)
        return f'<span lang="{used}">{html.text(chosen)}</span>'

    def prose(self, value: Text, css: str = "tj-prose") -> str:
        """Contributor Markdown in a block that carries its language."""
        chosen, used = pick(value, self.lang)
        if used != self.lang:
            self.fallbacks.add(used)
        return self.raw(f'<div class="{css}" lang="{used}">') + chosen + self.raw("</div>")

    def name(self, entry: Entry) -> str:
        return self.local(entry.title)

    def link(self, ref: Ref, extra: str = "") -> str:
        entry = self.catalog.entries.get(ref)
        if entry is None:
            return html.text(str(ref))
        return (f'<a href="{html.text(self.href(self.urls.entry(ref, self.lang)))}">'
                f"{self.name(entry)}</a>{extra}")

    def term(self, taxonomy: str, term_id: str, with_count: bool = False) -> str:
        info = self.catalog.taxonomies[taxonomy].terms[term_id]
        shown = html.text(info.label(self.lang))
        if taxonomy == "sdgs":
            shown = f"{self.t('sdg')} {html.text(term_id)}: {shown}"
        count = self.catalog.count(taxonomy, term_id)
        suffix = f' <span class="tj-count">{count}</span>' if with_count else ""
        url = self.urls.page(taxonomy, term_id, self.lang)
        return f'<a href="{html.text(self.href(url))}">{shown}</a>{suffix}'

    def terms(self, taxonomy: str, ids: Iterable[str]) -> str:
        return ", ".join(self.term(taxonomy, term_id) for term_id in ids)

    def card(self, entry: Entry) -> str:
        kind = html.text(self.t(f"kind.{entry.kind}"))
        untranslated = pick(entry.summary, self.lang)[1] != self.lang
        mark = (f' <span class="tj-untranslated">({html.text(self.t("untranslated"))})</span>'
                if untranslated else "")
        return (f'<li class="tj-card tj-card--{entry.kind}">{self.link(entry.ref)} '
                f'<span class="tj-badge">{kind}</span>'
                f'<p class="tj-card__summary">{self.local(entry.summary)}{mark}</p></li>')

    def cards(self, entries: Iterable[Entry]) -> str:
        items = "\n".join(self.card(entry) for entry in entries)
        return f'<ul class="tj-cards">\n{items}\n</ul>' if items else f"<p>{self.t('none')}</p>"

    def count(self, count: int) -> str:
        return count_label(self.lang, count)

    def notice(self) -> str:
        """The visible 'not yet translated' notice, if any text fell back."""
        if not self.fallbacks:
            return ""
        used = sorted(self.fallbacks)[0]
        language = self.t(f"language.{used}")
        return self.raw(f'<p class="tj-fallback admonition note" role="note">'
                        f"{html.text(self.t('fallback', language=language))}</p>")

    def alternates(self) -> dict[str, str]:
        return {lang: self.urls.switch(self.here, self.lang, lang) for lang in LANGUAGES}
