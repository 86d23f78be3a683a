"""Contributor Markdown laid out by check as the build will lay it out.

Two things that `tejido check` used to miss made `mkdocs build --strict` fail:

- MkDocs warns (and strict mode aborts) on a relative link whose last part has a
  suffix (`otra.md`, `mapa.png`, `https<img …>//x.org`) when no published file
  answers it.  Where a link's target ends is Python-Markdown's decision (nested
  brackets, spaces, titles, references), so check asks Python-Markdown: each text
  that has a link or image is rendered with the site's extensions and every
  `href` and `src` of the result is read.
- Python-Markdown recurses over emphasis and links.  `markdown_check` refuses
  the known shapes; as a backstop, check renders with fewer stack frames to spare
  than a build has, so what renders here also renders there, and a text that
  does not is refused with its line instead of a traceback in the build.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ("tables", "toc", "attr_list", "admonition", "md_in_html")
"""As in the sample mkdocs.yml (a site owner adding extensions should add them here)."""
STACK_TO_SPARE = 600
"""Python frames left for rendering in check: a build has ~1,000 minus MkDocs' own."""
SIGNS = ("](", "]:", "<", "*" * 3, "_" * 3)
"""Texts without any of these have no link, image or deep emphasis: not rendered."""


class RenderFailed(Exception):
    pass


@dataclass(frozen=True)
class Target:
    address: str
    image: bool
    raw: bool = False
    """Written as HTML (`<img src=…>`): MkDocs does not check these, the sanitizer keeps
    them, and only a text with files beside it publishes what they show."""


class _TreeLinks(Treeprocessor):  # type: ignore[misc]
    """Reads links and images where MkDocs checks them: in the element tree, after the
    inline patterns, before raw HTML is put back."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[Target] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag not in ("a", "img"):
                continue
            value = element.get("href" if element.tag == "a" else "src")
            if value is not None:
                self.found.append(Target(value, element.tag == "img"))


class _Collect(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.links = _TreeLinks(md)
        md.treeprocessors.register(self.links, "tejido-links", 0)  # where MkDocs has its own


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Target] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name, tag) in (("href", "a"), ("src", "img")):
                self.found.append(Target(value, tag == "img"))


@contextlib.contextmanager
def _tight_stack() -> Iterator[None]:
    depth = 0
    frame = sys._getframe()
    while frame.f_back is not None:
        frame, depth = frame.f_back, depth + 1
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(min(old, depth + STACK_TO_SPARE))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


_renderer: tuple[markdown.Markdown, _Collect] | None = None


def rendered_targets(text: str) -> list[Target]:
    """Every link and image address in `text` once rendered; RenderFailed if Markdown
    cannot render it within a build's stack."""
    if not any(sign in text for sign in SIGNS):
        return []
    global _renderer
    if _renderer is None:
        collect = _Collect()
        _renderer = (markdown.Markdown(extensions=[*EXTENSIONS, collect]), collect)
    md, collect = _renderer
    collect.links.found = []
    try:
        with _tight_stack():
            html = md.reset().convert(text)
    except RecursionError:
        raise RenderFailed("the text nests too deeply to lay out") from None
    except Exception as error:  # Markdown has no error type: any failure is the text's
        raise RenderFailed(f"Markdown cannot lay out this text ({type(error).__name__})") \
            from None
    parser = _Targets()
    parser.feed(str(html))
    parser.close()
    tree = collect.links.found
    seen = {(t.address, t.image) for t in tree}
    raw = [Target(t.address, t.image, raw=True) for t in parser.found
           if t.image and (t.address, t.image) not in seen]
    return [*tree, *raw]


class BadAddress(Exception):
    """An address Python's URL parser refuses (MkDocs would stop with a traceback)."""


def relative_path(address: str) -> str | None:
    """The path of a relative address as MkDocs reads it, or None for web addresses,
    absolute paths, mail and anchors; BadAddress if it cannot be read at all."""
    try:
        parts = urlsplit(address)
    except ValueError:
        raise BadAddress(address) from None
    if parts.scheme or parts.netloc or address.startswith(("/", "\\")) or not parts.path:
        return None
    if "\x02amp\x03" in address or "&#" in address:  # Markdown's obfuscated e-mail
        return None
    return unquote(parts.path)


def line_of(text: str, address: str) -> int:
    """The 0-based line of `address` in `text`: the first line that shows it as a link's
    or image's address, else the first that shows it at all."""
    forms = [f for f in dict.fromkeys((address, unescape(address), unquote(address))) if f]
    lines = text.splitlines()
    for wrap in (("(", ""), ("<", ">"), ('"', '"'), ("'", "'"), ("=", ""), (": ", ""), ("", "")):
        for number, line in enumerate(lines):
            if any(wrap[0] + form + wrap[1] in line for form in forms):
                return number
    return 0
