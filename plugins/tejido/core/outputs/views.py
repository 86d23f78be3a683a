"""View objects: what a page shows, as data, for the theme's Jinja templates.

The core decides *what* a page says (which entries, which links, which text in
which language); the templates under `theme/tejido/` decide how it looks, and a
site owner's `custom_dir` may replace any of them.  Nothing here is HTML: the
templates escape every value (their environment autoescapes), so a value is
never escaped twice.

Each view class names itself in `view`, so a template can tell the parts of a
mixed list apart (`{% if part.view == "link" %}`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from tejido.core.catalog.catalog import Catalog
from tejido.core.catalog.freshness import long_date
from tejido.core.i18n.labels import count_label, label
from tejido.core.i18n.locale import number, pages
from tejido.core.model.fields import LANGUAGES
from tejido.core.model.model import Entry, Ref, Text, pick
from tejido.core.model.regions import by_name, qualified_label
from tejido.core.outputs.urls import Urls, relative


@dataclass(frozen=True)
class Local:
    """Content text in the reader's language, or in another one (`lang` says which)."""

    view: ClassVar[str] = "local"
    text: str
    lang: str
    fallback: bool = False
    """True when the text is not in the page's language: the template marks its lang."""


@dataclass(frozen=True)
class LinkView:
    view: ClassVar[str] = "link"
    href: str
    text: Local | str
    hreflang: str = ""
    download: bool = False


@dataclass(frozen=True)
class TermView:
    """A link to a taxonomy term's page, with its count of entries when asked for."""

    view: ClassVar[str] = "term"
    href: str
    label: str
    count: int | None = None
    count_text: str = ""
    """The count in the reader's language ('1.000' / '1,000'), when there is one."""


@dataclass(frozen=True)
class Prose:
    """Contributor Markdown: rendered by MkDocs, sanitized, then placed by the template
    (`prose[index]`).  `lang` is the language the text is written in."""

    view: ClassVar[str] = "prose"
    index: int
    lang: str


@dataclass(frozen=True)
class FreshView:
    """How fresh an entry is: a word for the badge, and when, who and how it was checked."""

    state: str
    """'fresh', 'due' or 'unverified' (the badge's CSS modifier)."""
    label: str
    when: str
    """'el 1 de septiembre de 2026' / 'on 1 September 2026', or 'never checked'."""
    by: Local | None = None
    method: str | None = None


@dataclass(frozen=True)
class CardView:
    kind: str
    kind_label: str
    link: LinkView
    summary: Local
    fresh: FreshView | None = None

    def languages(self) -> set[str]:
        """The languages its text fell back to (for the page's 'not translated' notice)."""
        texts = (self.link.text, self.summary, self.fresh.by if self.fresh else None)
        return {text.lang for text in texts if isinstance(text, Local) and text.fallback}


@dataclass(frozen=True)
class TreeNode:
    term: TermView
    children: tuple[TreeNode, ...] = ()


@dataclass(frozen=True)
class PagerView:
    label: str
    pages: tuple[tuple[int, str | None], ...]
    """(number, link); the current page has no link."""


@dataclass(frozen=True)
class DownloadView:
    link: LinkView
    format: str
    language: str
    size_kb: int | None
    pages: int | None
    size: str = ""
    """A size as written ('2,4 MB'), for a document published elsewhere."""
    external: bool = False
    """A document published elsewhere (a guide's `link`), not a file of the site."""
    size_text: str = ""
    """The size in the reader's language ('1.024 KB'); Views.download fills it."""
    pages_text: str = ""
    """'24 págs.' / '24 pages'; Views.download fills it."""


@dataclass(frozen=True)
class PageView:
    """A generated page: where it goes, its template and what the template is given."""

    source: str
    url: str
    lang: str
    title: str
    description: str
    kind: str
    templates: tuple[str, ...]
    """Template names, the first that exists wins (a kind's own, then the default)."""
    context: dict[str, object]
    prose: tuple[str, ...] = ()
    """Contributor Markdown, in `Prose.index` order."""
    fallbacks: tuple[str, ...] = ()
    """Languages some text fell back to (for the 'not yet translated' notice)."""
    alternates: dict[str, str] = field(default_factory=dict)
    jsonld: str = ""
    """schema.org structured data, already safe inside a <script> element."""
    ref: Ref | None = None
    """The entry the page shows, if it shows one."""
    feed: str = ""
    """The Atom feed that follows what the page lists (site-relative), if any."""


@dataclass(frozen=True)
class SnippetView:
    """What a hand-written page asks for in its front matter (`tejido: …`), appended."""

    template: str
    context: dict[str, object]


@dataclass
class Views:
    """Builds the view objects of one page in one language, with links relative to it."""

    catalog: Catalog
    urls: Urls
    lang: str
    here: str
    fallbacks: set[str] = field(default_factory=set)
    prose_texts: list[str] = field(default_factory=list)

    def t(self, key: str, **values: object) -> str:
        return label(self.lang, key, **values)

    def count(self, count: int) -> str:
        return count_label(self.lang, count)

    def href(self, url: str) -> str:
        return relative(self.here, url)

    def local(self, value: Text) -> Local:
        chosen, used = pick(value, self.lang)
        if used != self.lang:
            self.fallbacks.add(used)
        return Local(chosen, used, used != self.lang)

    def prose(self, value: Text) -> Prose:
        chosen, used = pick(value, self.lang)
        if used != self.lang:
            self.fallbacks.add(used)
        self.prose_texts.append(chosen)
        return Prose(len(self.prose_texts) - 1, used)

    def link(self, ref: Ref) -> LinkView:
        entry = self.catalog.entries.get(ref)
        if entry is None:
            return LinkView("", str(ref))
        return LinkView(self.href(self.urls.entry(ref, self.lang)), self.local(entry.title))

    def term(self, taxonomy: str, term_id: str, with_count: bool = False,
             qualified: bool = False) -> TermView:
        """A link to the term's page; `qualified` names a place's country beside it. A
        place no entry works in (only an address names it) has no page: no link."""
        tax = self.catalog.taxonomies[taxonomy]
        shown = (qualified_label(tax, term_id, self.lang) if qualified
                 else tax.terms[term_id].label(self.lang))
        if taxonomy == "sdgs":
            shown = f"{self.t('sdg')} {term_id}: {shown}"
        total = self.catalog.count(taxonomy, term_id)
        count = total if with_count else None
        text = number(self.lang, total) if with_count else ""
        if taxonomy == "regions" and not total:
            return TermView("", shown, count, text)
        return TermView(self.href(self.urls.page(taxonomy, term_id, self.lang)), shown, count,
                        text)

    def terms(self, taxonomy: str, ids: Iterable[str]) -> tuple[TermView, ...]:
        """A flat list of terms; places carry their country ('Cuscatlán, El Salvador')."""
        places = taxonomy == "regions"
        return tuple(self.term(taxonomy, term_id, qualified=places) for term_id in ids)

    def tree(self, taxonomy: str, ids: Iterable[str]) -> tuple[TreeNode, ...]:
        """Terms with their counts and sub-terms; empty terms stay visible as gaps (a
        catalog keeps only the places it uses). Places go by name in the reader's
        language, not file order."""
        tax = self.catalog.taxonomies[taxonomy]
        ordered = by_name(tax, ids, self.lang) if taxonomy == "regions" else list(ids)
        return tuple(TreeNode(self._counted_term(taxonomy, term_id),
                              self.tree(taxonomy, tax.children.get(term_id, ())))
                     for term_id in ordered)

    def fresh(self, entry: Entry) -> FreshView:
        found = self.catalog.freshness(entry)
        when = (self.t("fresh.on", date=long_date(found.verified, self.lang))
                if found.verified else self.t("fresh.never"))
        return FreshView(found.state, self.t(f"fresh.{found.state}"), when,
                         self.local(found.by) if found.by else None,
                         self.t(f"method.{found.method}") if found.method else None)

    def _counted_term(self, taxonomy: str, term_id: str) -> TermView:
        term = self.term(taxonomy, term_id, with_count=True)
        return term if term.count else TermView("", term.label, term.count, term.count_text)

    def download(self, link: LinkView, form: str, lang: str, size_kb: int | None,
                 page_count: int | None, size: str = "", external: bool = False) -> DownloadView:
        """A file to download, its size and pages written in the reader's language."""
        size_text = f"{number(self.lang, size_kb)} KB" if size_kb is not None else size
        return DownloadView(link, form, self.t(f"language.{lang}"), size_kb, page_count, size,
                            external, size_text,
                            pages(self.lang, page_count) if page_count is not None else "")

    def card(self, entry: Entry) -> CardView:
        """An entry's card; the same object on every page that links it alike (so its
        HTML is rendered once, see `Renderer`)."""
        href = self.href(self.urls.entry(entry.ref, self.lang))
        card = self.catalog.shown(("card", self.lang, entry.ref, href), lambda: CardView(
            entry.kind, self.t(f"kind.{entry.kind}"), self.link(entry.ref),
            self.local(entry.summary), self.fresh(entry)))
        self.fallbacks.update(card.languages())
        return card

    def cards(self, entries: Iterable[Entry]) -> tuple[CardView, ...]:
        return tuple(self.card(entry) for entry in entries)

    def alternates(self) -> dict[str, str]:
        return {lang: self.urls.switch(self.here, self.lang, lang) for lang in LANGUAGES}

    def page(self, *, source: str, title: str, description: str, kind: str,
             templates: tuple[str, ...], context: dict[str, object], jsonld: str = "",
             ref: Ref | None = None, feed: str = "") -> PageView:
        return PageView(
            source=source, url=self.here, lang=self.lang, title=title,
            description=description, kind=kind, templates=templates, context=context,
            prose=tuple(self.prose_texts), fallbacks=tuple(sorted(self.fallbacks)),
            alternates=self.alternates(), jsonld=jsonld, ref=ref, feed=feed,
        )
