"""Reading YAML and Markdown-with-front-matter files while remembering lines.

A file is read once, refused whole when it is too large, not UTF-8, or holds a NUL or an
invisible control character, split into front matter and body, and parsed by
`yaml_lines.parse_yaml`.  What a file gives (`Document`, its `Location`s, `SourceError`)
is defined in `document.py` and importable from here, where the loaders look for it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tejido.core.i18n.messages import msg
from tejido.core.sources.document import Document, Location, SourceError
from tejido.core.sources.yaml_lines import parse_yaml
from tejido.core.validate.problems import Problem

__all__ = ["MAX_FILE_BYTES", "Document", "Location", "SourceError", "load_markdown_file",
           "load_yaml_file", "parse_yaml", "read_text", "split_front_matter"]

MAX_FILE_BYTES = 512 * 1024
"""Entries are short; anything larger is a mistake (or an attack on the build)."""

FENCE = {"---", "..."}


def split_front_matter(text: str, path: str) -> tuple[str | None, str, int]:
    """Split `---` front matter from a Markdown body; returns (yaml, body, body_line)."""
    if not text.startswith("---"):
        return None, text, 1
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return None, text, 1
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in FENCE:
            front = "".join(lines[1:number])
            body = "".join(lines[number + 1:])
            return front, body, number + 2
    raise SourceError(Problem(
        path, 1, "", msg("front.never-ends"), expected=msg("front.dashes-line"),
        found=msg("front.end-of-file"), hint=msg("front.never-ends-hint")))


BOM = "\ufeff"
CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters YAML refuses (with no line) and a page would carry invisibly."""
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Right-to-left overrides and isolates: invisible, they make text read differently
from what it says (a file name, an address or a reference that is not what it shows)."""


def _line_of(data: bytes | str, index: int) -> int:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, index) + 1  # type: ignore[arg-type]


def _decode(raw: bytes, shown_as: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_of(raw, error.start)
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        utf16 = raw[:2] in (b"\xff\xfe", b"\xfe\xff")
        raise SourceError(Problem(
            shown_as, line, "", msg("text.not-utf8"), expected=msg("text.utf8"),
            found=msg("text.bad-byte", column=column) if not utf16 else msg("text.utf16"),
            hint=msg("text.not-utf8-hint"))) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise SourceError(Problem(
            shown_as, _line_of(text, nul), "", msg("text.nul"), expected=msg("text.plain"),
            found=msg("text.zero-byte"), hint=msg("text.nul-hint")))
    control = CONTROL.search(text)
    if control:
        raise SourceError(Problem(
            shown_as, _line_of(text, control.start()), "",
            msg("text.control"), expected=msg("text.plain"),
            found=f"U+{ord(control.group(0)):04X}", hint=msg("text.control-hint")))
    return text.removeprefix(BOM)  # editors on Windows add it; it means nothing here


def read_text(file: Path, shown_as: str) -> str:
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(Problem(
            shown_as, 1, "", msg("file.too-large"),
            expected=msg("text.at-most-kb", count=MAX_FILE_BYTES // 1024),
            found=f"{size // 1024} KB", hint=msg("text.too-large-hint")))
    with file.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    return _decode(raw, shown_as)


def _direction_controls(text: str, path: str, first_line: int = 1) -> tuple[Problem, ...]:
    found = []
    for number, line in enumerate(text.splitlines()):
        match = DIRECTION_CONTROLS.search(line)
        if match:
            name = unicodedata.name(match.group(0), "")
            found.append(Problem(
                path, first_line + number, "", msg("text.direction"),
                expected=msg("text.visible-only"), found=f"U+{ord(match.group(0)):04X} {name}",
                hint=msg("text.direction-hint")))
    return tuple(found)


def load_yaml_file(file: Path, shown_as: str) -> Document:
    text = read_text(file, shown_as)
    doc = parse_yaml(text, shown_as)
    controls = _direction_controls(text, shown_as)
    if not controls:
        return doc
    return Document(doc.path, doc.data, doc.lines, warnings=(*doc.warnings, *controls),
                    blocks=doc.blocks)


def load_markdown_file(file: Path, shown_as: str) -> Document:
    text = read_text(file, shown_as)
    front, body, body_line = split_front_matter(text, shown_as)
    document = parse_yaml(front, shown_as, line_offset=1) if front is not None else None
    data = document.data if document else None
    lines = document.lines if document else {}
    warnings = (*(document.warnings if document else ()), *_direction_controls(text, shown_as))
    blocks = document.blocks if document else {}
    return Document(shown_as, data, lines, body, body_line, warnings, blocks)
