"""Safe HTML: escaping for our own markup, sanitizing for contributor Markdown."""

from __future__ import annotations

import re
from html import escape

import nh3

SAFE_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q",
    "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul", "article", "header",
})
GENERIC_ATTRIBUTES = frozenset({"class", "id", "lang", "title", "dir", "aria-label",
                                "aria-hidden", "aria-describedby", "hreflang"})
TAG_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
RESERVED = ("md-", "tj-", "__")
"""Class and id prefixes of Material and Tejido: contributor HTML may not borrow them
to fake the interface or hijack the elements our scripts look up."""
TABLE_ALIGN = re.compile(r"^text-align:\s*(left|right|center);?$")


def text(value: object) -> str:
    """Escape any content value for use in HTML text or attributes."""
    return escape(str(value), quote=True)


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        kept = [c for c in value.split() if not c.startswith(RESERVED)]
        return " ".join(kept) or None
    if attribute == "id":
        return None if value.startswith(RESERVED) else value
    if attribute == "src":
        # Only images published with the site: a remote one is a request that leaves it
        # (a tracking pixel, and a broken image offline).
        return None if ":" in value.split("/", 1)[0] or value.startswith("//") else value
    if attribute == "style":
        return value if TABLE_ALIGN.match(value.strip()) else None
    return value


_PLAIN_TEXT = r"[^<>&\x00-\x08\x0b-\x1f\x7f\u00a0]*"
PLAIN_PARAGRAPHS = re.compile(f"<p>{_PLAIN_TEXT}</p>(?:\n<p>{_PLAIN_TEXT}</p>)*")
"""Paragraphs of text and nothing else (most entries' prose): no tag, attribute or
entity to remove, and none of the characters the sanitizer writes otherwise (NUL,
carriage return, no-break space)."""


def sanitize(fragment: str) -> str:
    """Remove scripts, event handlers, styles, remote images and unsafe links from HTML
    rendered from contributor Markdown.  Comments are kept: validation refuses them in
    content, and Tejido's own placeholders (see `writer.Writer.raw`) must survive.
    Plain paragraphs are returned as they are, which is what the sanitizer returns."""
    if PLAIN_PARAGRAPHS.fullmatch(fragment):
        return fragment
    return nh3.clean(
        fragment,
        tags=set(SAFE_TAGS),
        attributes={"*": set(GENERIC_ATTRIBUTES), **TAG_ATTRIBUTES},
        attribute_filter=_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
    )
