"""The HTML Python-Markdown makes of a generated page's prose when the prose is plain
paragraphs, made without it.

Most entries' descriptions are plain text: sentences in paragraphs, with no mark-up.
Python-Markdown still tries each of its block and inline rules at every line and
character, which was a fifteenth of a cold build at 10,000 organizations.  For text
that no rule can match, its output is known: each paragraph in `<p>`, its lines as
they are, and the prose markers (`render.MARKER`, raw HTML blocks) as they are.  Text
that any rule might match (a character of mark-up anywhere, a line that could open a
list, a heading, a quote, a code block or an admonition, or a line break) returns
None, and Markdown makes it.  So do all pages when the site adds a Markdown extension
outside `PLAIN_SAFE`, since some change plain text (smarty's quotes, nl2br's breaks,
magic links, emoji, abbreviations).  `tests/test_plain_prose.py` compares the two on
thousands of texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tejido.core.outputs.render import MARKER, MARKERS

PLAIN_SAFE = frozenset({
    "toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html",
    "markdown.extensions.toc", "markdown.extensions.tables", "markdown.extensions.fenced_code",
    "markdown.extensions.admonition", "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
})
"""Extensions that leave plain paragraphs as Markdown itself does (MkDocs' own and the
sample's): each needs a character or a line start that plain text never has."""

MARKUP = re.compile(r"[&<>*_`\[\]{}|\\#\x00-\x09\x0b-\x1f\x7f\u2028\u2029\u0085]")
"""A character some rule of Markdown or of those extensions acts on (or a line break
Markdown and Python split differently)."""

OPENING = re.compile(r"[^\W\d_]|[¿¡(\"'«“‘]")
"""What a plain line starts with: a letter or an opening sign; never a space, a digit
(an ordered list), a dash or a plus (a list), a quote sign or an exclamation mark."""


def plain_extensions(extensions: Iterable[object]) -> bool:
    """Whether the site's Markdown extensions all leave plain paragraphs alone."""
    return all(isinstance(name, str) and name in PLAIN_SAFE for name in extensions)


def plain_html(markdown: str) -> str | None:
    """Markdown's HTML of `markdown` (prose pieces after their markers), or None when a
    piece is not plain."""
    parts = MARKERS.split(markdown)
    if parts[0].strip():
        return None
    if parts[1::2] != [str(number) for number in range(len(parts) // 2)]:
        return None  # a marker's text inside a piece of prose
    html: list[str] = []
    for number, text in zip(parts[1::2], parts[2::2], strict=True):
        paragraphs = _paragraphs(text)
        if paragraphs is None:
            return None
        # A raw HTML block is followed by a blank line, a paragraph by a line end; the
        # last of them by nothing.
        html += [MARKER.format(number) + "\n\n", *(f"<p>{p}</p>\n" for p in paragraphs)]
    return "".join(html).rstrip("\n")


def _paragraphs(text: str) -> list[str] | None:
    if MARKUP.search(text):
        return None
    found: list[str] = []
    lines: list[str] = []
    for line in [*text.split("\n"), ""]:
        if not line:
            if lines:
                found.append("\n".join(lines))
                lines = []
            continue
        if line != line.strip() or not OPENING.match(line) or line.startswith("!"):
            return None
        lines.append(line)
    return found
