"""Safe HTML: escaping for our own markup, sanitizing for contributor Markdown."""

from __future__ import annotations

from html import escape

import nh3

SAFE_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q",
    "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul", "article", "header",
})
GENERIC_ATTRIBUTES = frozenset({"class", "id", "lang", "title", "dir", "role", "aria-label",
                                "aria-hidden", "aria-describedby", "hreflang", "tabindex"})
TAG_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def text(value: object) -> str:
    """Escape any content value for use in HTML text or attributes."""
    return escape(str(value), quote=True)


def sanitize(fragment: str) -> str:
    """Remove scripts, event handlers, styles and unsafe links from rendered HTML."""
    return nh3.clean(
        fragment,
        tags=set(SAFE_TAGS),
        attributes={"*": set(GENERIC_ATTRIBUTES), **TAG_ATTRIBUTES},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def attrs(**values: str | None) -> str:
    """Render attributes, skipping None; names use '_' for '-'."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{text(value)}"'
        for name, value in values.items() if value is not None
    )
