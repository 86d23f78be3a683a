"""Tejido's page templates: an autoescaping Jinja environment over the theme folders.

MkDocs' own environment does not autoescape, so Tejido renders its pages with its
own, looking templates up in the same folders in the same order: a site owner's
`custom_dir` first, then Tejido's theme, then Material's.  A file of the same name in
`custom_dir` (`tejido/entry/organization.html`, `tejido/partials/card.html`, …) wins.

Contributor Markdown goes through MkDocs (its extensions, its link checks): a
generated page's Markdown is only its prose, separated by markers; after
rendering, each piece is sanitized and handed to the page's template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, Template
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from tejido.core.i18n.labels import TABLES, label
from tejido.core.i18n.locale import number, pages
from tejido.core.outputs.template_class import TejidoContext, TejidoTemplate
from tejido.core.outputs.views import CardView, PageView, SnippetView

THEME_DIR = str(Path(__file__).resolve().parents[2] / "theme")
"""Tejido's own templates (`tejido/…`) and assets."""
MARKER = "<!--tj-prose-{}-->"
MARKERS = re.compile(r"<!--tj-prose-(\d+)-->")
HEADING = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"]*)"[^>]*>(.*?)</h\1>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAGS = re.compile(r"<[^>]+>")

TocToken = dict[str, Any]


class Anchors:
    """Heading ids unique on one page, as Python-Markdown's toc extension makes them."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)

    def __call__(self, title: str) -> str:
        anchor = str(unique(slugify(title, "-"), self.taken))
        self.taken.add(anchor)
        return anchor


class PageAnchors:
    """The heading ids of the page being rendered: a global of the environment, so that
    macros imported without context (made once, not once per page) can use it."""

    def __init__(self) -> None:
        self.current = Anchors()

    def __call__(self, title: str) -> str:
        return self.current(title)


class Renderer:
    """Renders Tejido's templates; one environment per language, whose globals are the
    reader's language and its words (`t`, `n`, `pages`, `labels`), so the templates
    import `tejido/macros.html` without context and Jinja runs it once, not per page."""

    def __init__(self, dirs: Sequence[str], permalink: str | None,
                 compiled: BytecodeCache | None = None) -> None:
        self.loader = FileSystemLoader(list(dirs))
        self.permalink = permalink
        self.compiled = compiled
        """Where compiled templates are kept between runs, if anywhere."""
        self.envs: dict[str, tuple[Environment, PageAnchors]] = {}
        self._cards: dict[int, tuple[CardView, Markup]] = {}
        self._chosen: dict[tuple[str, tuple[str, ...]], Template] = {}

    def _env(self, lang: str) -> tuple[Environment, PageAnchors]:
        if lang not in self.envs:
            env = Environment(
                loader=self.loader, autoescape=True, undefined=StrictUndefined,
                trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                # One build reads each template once; a stat per include was a tenth of the
                # time.
                auto_reload=False, bytecode_cache=self.compiled,
                # Every template stays loaded: an unbounded cache is a plain dict, the
                # default one a locked LRU list updated on every include and import.
                cache_size=-1,
            )
            env.template_class, env.context_class = TejidoTemplate, TejidoContext
            anchors = PageAnchors()
            env.globals.update(
                permalink=self.permalink, lang=lang, labels=TABLES[lang], anchor=anchors,
                t=lambda key, **values: label(lang, key, **values),
                n=lambda value: number(lang, value), pages=lambda count: pages(lang, count),
                card_html=lambda view: self._card(view, lang))
            self.envs[lang] = (env, anchors)
        return self.envs[lang]

    def _template(self, env: Environment, lang: str, names: Sequence[str]) -> Template:
        """The first template that exists; Jinja does not remember a name it did not find,
        so without this every entry page looked for its kind's own template again."""
        key = (lang, tuple(names))
        if key not in self._chosen:
            self._chosen[key] = env.select_template(list(names))
        return self._chosen[key]

    def _render(self, names: Sequence[str], lang: str, taken: Iterable[str] | None,
                context: dict[str, object]) -> str:
        """`taken`: the heading ids of the page's prose, for a page or a snippet; None for
        a piece inside a page (a card), which must not reset the page's ids."""
        env, anchors = self._env(lang)
        template = self._template(env, lang, names)
        if taken is None:
            return template.render(**context)
        outer, anchors.current = anchors.current, Anchors(taken)
        try:
            return template.render(**context)
        finally:
            anchors.current = outer

    def _card(self, card: CardView, lang: str) -> Markup:
        """A card's HTML, rendered once per build: an entry's card shows on every listing
        and term page it belongs to, and its links are the same on pages of one depth."""
        # Views.card gives one object per entry, language and link; keyed by identity (the
        # card is kept with its HTML, so its id is not reused), as hashing a card took
        # longer than rendering it.
        found = self._cards.get(id(card))
        if found is None or found[0] is not card:
            html = Markup(self._render(("tejido/partials/card.html",), lang, None,
                                       {"card": card}))
            found = self._cards[id(card)] = (card, html)
        return found[1]

    def page(self, view: PageView, rendered: str, clean: Callable[[str], str]) -> str:
        """The page's HTML from its template; `rendered` is MkDocs' HTML of its prose."""
        prose = [Markup(clean(piece)) for piece in split_prose(rendered, len(view.prose))]
        taken = [match.group(2) for piece in prose for match in HEADING.finditer(piece)]
        return self._render(view.templates, view.lang, taken, {
            **view.context, "prose": prose, "page_view": view})

    def fragment(self, template: str, lang: str, **context: object) -> str:
        """One template on its own (a partial), as a site owner or a test would use it."""
        return self._render((template,), lang, (), context)

    def snippet(self, snippet: SnippetView, lang: str, page_html: str) -> str:
        taken = [match.group(2) for match in HEADING.finditer(page_html)]
        return self._render((snippet.template,), lang, taken, snippet.context)


def prose_markdown(view: PageView) -> str:
    """What MkDocs renders for a generated page: its prose, each piece after a marker."""
    return "\n\n".join(f"{MARKER.format(n)}\n\n{text}" for n, text in enumerate(view.prose))


def split_prose(rendered: str, count: int) -> list[str]:
    """The HTML of each piece of prose, in order (empty where a piece rendered empty)."""
    pieces = [""] * count
    parts = MARKERS.split(rendered)
    for index, html in zip(parts[1::2], parts[2::2], strict=True):
        if int(index) < count:
            pieces[int(index)] = html.strip()
    return pieces


def toc_tokens(html: str) -> list[TocToken]:
    """The page's table of contents from the headings that carry an id, nested by level,
    in the form MkDocs builds from Markdown (`mkdocs.structure.toc.get_toc`)."""
    roots: list[TocToken] = []
    stack: list[TocToken] = []
    for level, anchor, inner in HEADING.findall(html):
        token: TocToken = {"level": int(level), "id": anchor, "children": [],
                           "name": TAGS.sub("", HEADERLINK.sub("", inner)).strip()}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots
