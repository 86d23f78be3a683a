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
    message: str
    found: str
    hint: str


def markdown_issues(text: str, files_allowed: bool = False) -> Iterator[MarkdownIssue]:
    """Problems of a Markdown text, with their lines.  `files_allowed`: the text may link
    files beside it (an entry's body); in a field it may not (they would not be
    published, and the build fails on a link to nothing)."""
    found = list(_line_issues(text))
    yield from found
    if not found:  # never render what may blow the stack
        yield from _link_issues(text, files_allowed)


def _line_issues(text: str) -> Iterator[MarkdownIssue]:
    for number, line in enumerate(text.splitlines()):
        if COMMENT.search(line):
            yield MarkdownIssue(number, "HTML comments are not allowed in text", "<!-- or -->",
                                "delete the comment; notes for editors go in the pull request")
        tag = BLOCK_HTML.search(line)
        if tag:
            yield MarkdownIssue(number, f"HTML <{tag.group(1).lower()}> is not allowed in text",
                                tag.group(0), "write it in Markdown: ## for titles, - for "
                                "lists, | for tables, a blank line between paragraphs")
        if REMOTE_IMAGE.search(line):
            yield MarkdownIssue(number, "images from other websites are not allowed",
                                "an image address starting with http",
                                "save the image beside the entry and use its file name: a "
                                "remote image is a request that leaves the site (and fails "
                                "offline)")
        if NESTED.match(line) or len(line) - len(line.lstrip(" \t")) > MAX_INDENT:
            yield MarkdownIssue(number, "the text nests too deeply", "more than 10 levels",
                                "use fewer nested lists or quotes")
        if not RULE.match(line) and RUN.search(line):
            yield MarkdownIssue(number, f"more than {MAX_RUN} * or _ in a row",
                                f"{len(RUN.search(line).group(0))} in a row",  # type: ignore[union-attr]
                                "use ** for bold and * for italics; a long line of ___ for a "
                                "form to fill in can be shorter")
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


def _bracket_depth(lines: list[str]) -> int:
    depth = deepest = 0
    for char in "".join(lines):
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "]" and depth:
            depth -= 1
    return deepest


def _paragraph_issues(text: str) -> Iterator[MarkdownIssue]:
    for start, lines in _paragraphs(text):
        marks = 0
        for line in lines:
            if RULE.match(line):
                continue
            line = INTRAWORD.sub("", LIST_MARK.sub("", line))
            marks += sum(len(m) for m in EMPHASIS.findall(line))
        if marks > MAX_EMPHASIS:
            yield MarkdownIssue(start, "too many * or _ marks in one paragraph",
                                f"{marks} marks (at most {MAX_EMPHASIS})",
                                "use bold and italics for a few words; a blank line starts a "
                                "new paragraph; write \\* for a * that is not emphasis")
        if _bracket_depth(lines) > MAX_BRACKETS:
            yield MarkdownIssue(start, "brackets [ ] nest too deeply",
                                f"more than {MAX_BRACKETS} levels",
                                "a link is [text](address): check for a [ that is never closed")


PAGE_SUFFIXES = (".md", ".html")


@lru_cache(maxsize=256)
def _targets(text: str) -> tuple[Target, ...] | str:
    """The rendered links and images of `text`, or why it cannot be rendered."""
    try:
        return tuple(rendered_targets(text))
    except RenderFailed as error:
        return str(error)


def _link_issues(text: str, files_allowed: bool) -> Iterator[MarkdownIssue]:
    targets = _targets(text)
    if isinstance(targets, str):
        yield MarkdownIssue(0, targets, "Markdown that cannot be laid out",
                            "look for long runs of *, _ or [ and for lists nested deep; "
                            "simplify the text")
        return
    for target in targets:
        try:
            path = relative_path(target.address)
        except BadAddress:
            yield MarkdownIssue(line_of(text, target.address), "this link's address cannot be "
                                "read", repr(target.address[:80]),
                                "check the address for '[' or ']'; copy it again from the "
                                "browser's address bar")
            continue
        suffix = posixpath.splitext(path)[1].lower() if path else ""
        if path is None or (not suffix and not target.image) or target.raw:
            continue  # web addresses; links to nothing in particular are left as they are
        line = line_of(text, target.address)
        if suffix in PAGE_SUFFIXES and not target.image:
            yield MarkdownIssue(line, "a link to a page by its file name does not work here",
                                repr(target.address[:80]),
                                "link to another entry with its web address (https://…), or "
                                "name it in the fields (organizations:, guides:, alliances:)")
        elif not files_allowed:
            yield MarkdownIssue(line, "a file cannot be linked from this field",
                                repr(target.address[:80]),
                                "link to it with its full https:// address, or put the file "
                                "beside a practice or guide and link it from its text")


def local_files(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line, path) of every image or file the text links to on this site: not a
    web address, not an anchor, not another page.  Read from the rendered text, so
    that what counts as the address is what the build will see."""
    targets = _targets(text)
    if isinstance(targets, str):
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
