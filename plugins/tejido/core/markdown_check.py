"""What contributor Markdown may not contain.

Text from contributors goes into pages between Tejido's own markup.  HTML
comments, block-level HTML (an unclosed <div> or <pre> would swallow the rest
of the page) and absurdly deep nesting (Python-Markdown recurses) are refused
with their line; inline HTML passes and is sanitized after rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class MarkdownIssue:
    line: int
    """0-based, within the text."""
    message: str
    found: str
    hint: str


def markdown_issues(text: str) -> Iterator[MarkdownIssue]:
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


LOCAL_TARGET = re.compile(
    r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)"  # Markdown image or link
    r"|<img[^>]+src\s*=\s*[\"']?([^\"' >]+)",  # HTML image
    re.IGNORECASE)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
PAGE_SUFFIXES = ("", ".md", ".html")


def local_files(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line, target) of every image or file the text links to on this site:
    not a web address, not an anchor, not another page."""
    for number, line in enumerate(text.splitlines()):
        for match in LOCAL_TARGET.finditer(line):
            target = (match.group(1) or match.group(2)).split("#", 1)[0].split("?", 1)[0]
            if not target or SCHEME.match(target) or target.startswith(("/", "#")):
                continue
            suffix = target.rsplit("/", 1)[-1].rpartition(".")[2]
            if "." + suffix.lower() in PAGE_SUFFIXES or "." not in target.rsplit("/", 1)[-1]:
                continue
            yield number, target
