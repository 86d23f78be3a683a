"""What contributor Markdown may not contain.

Text from contributors goes into pages between Tejido's own markup.  HTML
comments, block-level HTML (an unclosed <div> or <pre> would swallow the rest
of the page) and absurdly deep nesting (Python-Markdown recurses) are refused
with their line; inline HTML passes and is sanitized after rendering.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tejido.core.i18n.messages import Msg, Part, msg
from tejido.core.sources.markdown_render import (
    BadAddress,
    RenderFailed,
    Target,
    line_of,
    relative_path,
    rendered_targets,
)

BLOCK_TAGS = (
    "address|article|aside|audio|blockquote|button|canvas|center|details|dialog|div|dl|"
    "embed|fieldset|figure|footer|form|frame|frameset|header|iframe|input|main|math|nav|"
    "noscript|object|ol|p|pre|script|section|select|style|summary|svg|table|tbody|td|"
    "template|textarea|tfoot|th|thead|tr|ul|video"
)
BLOCK_HTML = re.compile(rf"<\s*/?\s*({BLOCK_TAGS})\b", re.IGNORECASE)
COMMENT = re.compile(r"<!--|-->")
REMOTE_IMAGE = re.compile(
    r"!\[[^\]]*\]\(\s*<?(?:https?:)?//"  # Markdown image
    r"|<img[^>]+src\s*=\s*[\"']?(?:https?:)?//",  # HTML image
    re.IGNORECASE)
NESTED = re.compile(r"^(?:[ \t]*(?:[-*+>]|\d+[.)])[ \t]+){10,}")
MAX_INDENT = 40

# Python-Markdown matches emphasis and links by recursion: `*` × 2,000 + `z` + `*` × 2,000
# (or a few hundred nested `**a *b _c`) exhausts Python's stack inside the build, and
# 5,000 nested `[` take a minute.  Far below where that happens, these are refused.
MAX_RUN = 60
"""Longest run of `*` or `_` (a fill-in line `Nombre: ______` is fine)."""
MAX_EMPHASIS = 200
"""Most emphasis marks in one paragraph: plenty for bold and italics."""
MAX_BRACKETS = 10
"""Deepest nesting of `[` in one paragraph (a link inside an image inside a link)."""
RUN = re.compile(rf"\*{{{MAX_RUN + 1},}}|_{{{MAX_RUN + 1},}}")
RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
LIST_MARK = re.compile(r"^[ \t>]*[*+-][ \t]+")
INTRAWORD = re.compile(r"(?<=[^\W_])_+(?=[^\W_])")
EMPHASIS = re.compile(r"(?<![*_])(?:\*{1,3}|_{1,3})(?![*_])")


@dataclass(frozen=True)
class MarkdownIssue:
    line: int
    """0-based, within the text."""
    message: Part
    found: Part
    hint: Part


def markdown_issues(text: str, files_allowed: bool = False) -> Iterator[MarkdownIssue]:
    """Problems of a Markdown text, with their lines.  `files_allowed`: the text may link
    files beside it (an entry's body); in a field it may not (they would not be
    published, and the build fails on a link to nothing)."""
    found = list(_line_issues(text))
    yield from found
    if not found:  # never render what may blow the stack
        yield from _link_issues(text, files_allowed)


def _line_issues(text: str) -> Iterator[MarkdownIssue]:
    # Each search only where its pattern can match at all (most texts: only the nesting).
    tags, comments, remote = "<" in text, "-->" in text, "//" in text
    runs = "*" * (MAX_RUN + 1) in text or "_" * (MAX_RUN + 1) in text
    for number, line in enumerate(text.splitlines()):
        if (tags or comments) and COMMENT.search(line):
            yield MarkdownIssue(number, msg("md.comment"), msg("md.comment-found"),
                                msg("md.comment-hint"))
        tag = BLOCK_HTML.search(line) if tags else None
        if tag:
            yield MarkdownIssue(number, msg("md.html", tag=tag.group(1).lower()),
                                tag.group(0), msg("md.html-hint"))
        if remote and REMOTE_IMAGE.search(line):
            yield MarkdownIssue(number, msg("md.remote-image"), msg("md.remote-image-found"),
                                msg("md.remote-image-hint"))
        if NESTED.match(line) or len(line) - len(line.lstrip(" \t")) > MAX_INDENT:
            yield MarkdownIssue(number, msg("md.nested"), msg("more-levels", count=10),
                                msg("md.nested-hint"))
        if runs and not RULE.match(line) and RUN.search(line):
            yield MarkdownIssue(number, msg("md.run", count=MAX_RUN),
                                msg("md.run-found", count=len(RUN.search(line).group(0))),  # type: ignore[union-attr]
                                msg("md.run-hint"))
    yield from _paragraph_issues(text)


def _paragraphs(text: str) -> Iterator[tuple[int, list[str]]]:
    """(0-based first line, lines) of each block of lines between blank lines."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines()):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "]" and depth:
            depth -= 1
    return deepest


def _emphasis_marks(lines: list[str]) -> int:
    marks = 0
    for line in lines:
        if RULE.match(line):
            continue
        line = INTRAWORD.sub("", LIST_MARK.sub("", line))
        marks += sum(len(m) for m in EMPHASIS.findall(line))
    return marks


def _paragraph_issues(text: str) -> Iterator[MarkdownIssue]:
    for start, lines in _paragraphs(text):
        joined = "".join(lines)
        marks = _emphasis_marks(lines) if "*" in joined or "_" in joined else 0
        if marks > MAX_EMPHASIS:
            yield MarkdownIssue(start, msg("md.emphasis"),
                                msg("md.emphasis-found", count=marks, most=MAX_EMPHASIS),
                                msg("md.emphasis-hint"))
        if "[" in joined and _bracket_depth(joined) > MAX_BRACKETS:
            yield MarkdownIssue(start, msg("md.brackets"), msg("more-levels", count=MAX_BRACKETS),
                                msg("md.brackets-hint"))


PAGE_SUFFIXES = (".md", ".html")


@lru_cache(maxsize=256)
def _targets(text: str) -> tuple[Target, ...] | Msg:
    """The rendered links and images of `text`, or why it cannot be rendered."""
    try:
        return tuple(rendered_targets(text))
    except RenderFailed as error:
        return msg(error.key, error=error.error)


def _link_issues(text: str, files_allowed: bool) -> Iterator[MarkdownIssue]:
    targets = _targets(text)
    if isinstance(targets, Msg):
        yield MarkdownIssue(0, targets, msg("md.unrenderable-found"),
                            msg("md.unrenderable-hint"))
        return
    for target in targets:
        try:
            path = relative_path(target.address)
        except BadAddress:
            yield MarkdownIssue(line_of(text, target.address), msg("md.bad-address"),
                                repr(target.address[:80]), msg("md.bad-address-hint"))
            continue
        suffix = posixpath.splitext(path)[1].lower() if path else ""
        if path is None or (not suffix and not target.image) or target.raw:
            continue  # web addresses; links to nothing in particular are left as they are
        line = line_of(text, target.address)
        if suffix in PAGE_SUFFIXES and not target.image:
            yield MarkdownIssue(line, msg("md.page-link"), repr(target.address[:80]),
                                msg("md.page-link-hint"))
        elif not files_allowed:
            yield MarkdownIssue(line, msg("md.file-in-field"), repr(target.address[:80]),
                                msg("md.file-in-field-hint"))


def local_files(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line, path) of every image or file the text links to on this site: not a
    web address, not an anchor, not another page.  Read from the rendered text, so
    that what counts as the address is what the build will see."""
    targets = _targets(text)
    if isinstance(targets, Msg):
        return
    for target in targets:
        try:
            path = relative_path(target.address)
        except BadAddress:
            continue  # refused by markdown_issues
        if path is None:
            continue
        suffix = posixpath.splitext(path)[1].lower()
        if target.image or (suffix and suffix not in PAGE_SUFFIXES):
            yield line_of(text, target.address), path
