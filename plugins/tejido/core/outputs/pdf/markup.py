"""HTML pieces shared by the printable documents: escaping, Markdown, headings, links."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import markdown

from tejido.core.i18n.labels import label
from tejido.core.model.fields import LANGUAGES
from tejido.core.model.model import Text, pick
from tejido.core.outputs import html

STYLES = Path(__file__).parent / "styles"
MARKDOWN_EXTENSIONS = ("tables", "toc", "attr_list", "admonition", "sane_lists")
"""Those the site's pages use (mkdocs.yml), so a guide reads the same in print."""


def stylesheet(*names: str) -> str:
    """Our print CSS files, concatenated in the order given."""
    return "\n".join((STYLES / f"{name}.css").read_text(encoding="utf-8") for name in names)


FALLBACK = "fallback"
COVER_FOOT = '<div class="cover-foot">\n'


def local(value: Text, lang: str) -> str:
    """Escaped text in `lang`, or the fallback language marked with its own `lang` (and
    visibly, after the text: see `with_fallback_note`)."""
    chosen, used = pick(value, lang)
    if used == lang:
        return html.text(chosen)
    return f'<span class="{FALLBACK}" lang="{html.text(used)}">{html.text(chosen)}</span>'


def with_fallback_note(markup: str, lang: str) -> str:
    """If some text fell back to the other language, say so on the cover."""
    if f'class="{FALLBACK}"' not in markup:
        return markup
    other = next(code for code in LANGUAGES if code != lang)
    note = html.text(label(lang, "pdf.fallback", code=other.upper()))
    return markup.replace(COVER_FOOT, f'{COVER_FOOT}<p class="cover-note">{note}</p>\n', 1)


def document(lang: str, title: str, body: str, meta: Mapping[str, str]) -> str:
    """A whole HTML document; `meta` becomes the PDF's author, description, keywords."""
    metas = "".join(f'<meta name="{html.text(name)}" content="{html.text(value)}">\n'
                    for name, value in meta.items() if value)
    return (f'<!DOCTYPE html>\n<html lang="{html.text(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.text(title)}</title>\n{metas}</head>\n<body>\n{body}\n</body>\n"
            "</html>\n")


def render_markdown(text: str) -> str:
    """Contributor Markdown as sanitized HTML (no scripts, styles or unsafe links)."""
    rendered = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS),
                                 output_format="html")
    return html.sanitize(str(rendered))


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str
    """Plain text, not escaped."""


class _Headings(HTMLParser):
    def __init__(self, levels: tuple[int, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.levels = levels
        self.found: list[Heading] = []
        self._open: tuple[int, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag) and int(tag[1]) in self.levels:
            ident = dict(attrs).get("id")
            if ident:
                self._open, self._text = (int(tag[1]), ident), []

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == f"h{self._open[0]}":
            text = " ".join("".join(self._text).split())
            self.found.append(Heading(self._open[0], self._open[1], text))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


def headings(fragment: str, levels: tuple[int, ...] = (1, 2, 3)) -> list[Heading]:
    """The headings of an HTML fragment that carry an id, in order."""
    parser = _Headings(levels)
    parser.feed(fragment)
    parser.close()
    return [h for h in parser.found if h.text]


ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
HREF = re.compile(r'\shref="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
IMG_SRC = re.compile(r'<img\b[^>]*\ssrc="([^"]*)"')


def _plain(fragment: str) -> str:
    return " ".join(unescape(TAG.sub("", fragment)).split())


def _shown_link(href: str, inner: str) -> str:
    """A link that keeps working on paper: its address printed after its text."""
    link = f'<a href="{html.text(href)}">{inner}</a>'
    if _plain(inner) in (href, href.removeprefix("mailto:"), href.removeprefix("tel:")):
        return link
    if href.startswith(("mailto:", "tel:")):
        return link
    return link + f' <span class="tj-url">({html.text(href)})</span>'


def rewrite_links(fragment: str, page_url: str | None) -> str:
    """Links in sanitized HTML, made to work inside a PDF.

    Anchors (`#…`) stay internal; web, mail and phone links stay, with the web
    address printed; a relative link is made absolute against `page_url` (the
    page's address on the published site) or, without one, kept as plain text,
    since it would point into the reader's own disk."""

    def one(match: re.Match[str]) -> str:
        attrs, inner = match.group(1), match.group(2)
        found = HREF.search(attrs)
        if not found:
            return inner
        href = unescape(found.group(1)).strip()
        scheme = urlsplit(href).scheme.lower()
        if href.startswith("#"):
            return f'<a href="{html.text(href)}">{inner}</a>'
        if scheme in ("http", "https", "mailto", "tel"):
            return _shown_link(href, inner)
        if not scheme and page_url:
            return _shown_link(urljoin(page_url, href), inner)
        return f'<span class="tj-link">{inner}</span>'

    return ANCHOR.sub(one, fragment)


def local_images(fragment: str, base_dir: Path, root: Path) -> tuple[Path, ...]:
    """Local image files the fragment shows, inside `root` (others are not read)."""
    found: list[Path] = []
    for src in IMG_SRC.findall(fragment):
        address = unescape(src)
        if urlsplit(address).scheme:
            continue
        path = (base_dir / address.split("#")[0].split("?")[0]).resolve()
        if path.is_relative_to(root.resolve()) and path.is_file() and path not in found:
            found.append(path)
    return tuple(found)


def site_address(site_url: str | None, path: str) -> str | None:
    """The absolute address of a site path, if the site's address is known."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)
