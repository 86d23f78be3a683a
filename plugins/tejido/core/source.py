"""Reading YAML and Markdown-with-front-matter while remembering lines.

Values come back as plain Python data; a side table maps each value's
location (a tuple of keys and list indexes) to its 1-based line, so
messages can point at the exact line a contributor must edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

MAX_FILE_BYTES = 512 * 1024
"""Entries are short; anything larger is a mistake (or an attack on the build)."""

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    path: str
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    warnings: tuple[Problem, ...] = ()
    """Mistakes YAML accepts silently (a '#' that cut a text short)."""

    def line(self, location: Location) -> int:
        """The line of the value at `location`, or of its nearest parent."""
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.lines.get((), 1)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it: about ten times faster on large catalogs."""


class AliasError(Exception):
    """Anchors and aliases are never needed in entries, and are how 'billion laughs'
    documents exhaust memory; a node reached twice means an alias."""

    def __init__(self, line: int) -> None:
        super().__init__("aliases (*name) are not allowed in entries")
        self.line = line


class SourceError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


INLINE_COMMENT = re.compile(r"[ \t]+#")


@dataclass
class _Walk:
    """State of one conversion: the source text, lines seen, aliases, cut texts."""

    loader: Any
    text_lines: list[str]
    line_offset: int
    lines: dict[Location, int] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)
    cut: list[Location] = field(default_factory=list)


def _check_cut(walk: _Walk, node: ScalarNode, here: Location) -> None:
    """YAML ends plain text at ' #' (a comment), so '#MaízNativo' vanishes silently."""
    if node.style not in (None, "") or node.tag != "tag:yaml.org,2002:str":
        return
    end = node.end_mark
    rest = walk.text_lines[end.line][end.column:] if end.line < len(walk.text_lines) else ""
    if INLINE_COMMENT.match(rest):
        walk.cut.append(here)


def _to_python(walk: _Walk, node: Node, here: Location) -> Any:
    loader, lines, line_offset, seen = walk.loader, walk.lines, walk.line_offset, walk.seen
    if id(node) in seen:
        raise AliasError(lines.get(here, node.start_mark.line + 1 + line_offset))
    if len(here) > MAX_DEPTH:
        raise RecursionError
    seen.add(id(node))
    lines[here] = node.start_mark.line + 1 + line_offset
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key) if not isinstance(key, str) else key
            lines[(*here, key)] = key_node.start_mark.line + 1 + line_offset
            result[key] = _to_python(walk, value_node, (*here, key))
            lines[(*here, key)] = key_node.start_mark.line + 1 + line_offset
        return result
    if isinstance(node, SequenceNode):
        return [
            _to_python(walk, item, (*here, i))
            for i, item in enumerate(node.value)
        ]
    assert isinstance(node, ScalarNode)
    _check_cut(walk, node, here)
    return loader.construct_object(node, deep=True)


MAX_DEPTH = 40
"""Entries nest three or four levels; far deeper is a mistake or an attack (libyaml's
composer recurses, and very deep brackets crash the process)."""


def _flow_depth_line(text: str) -> int | None:
    """The line where [ and { brackets first nest deeper than MAX_DEPTH, if they do.
    Brackets inside quotes count too: a false alarm needs 40 unclosed brackets."""
    depth, line = 0, 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}" and depth:
            depth -= 1
    return None


def parse_yaml(text: str, path: str, line_offset: int = 0) -> Document:
    """Parse one YAML document; malformed YAML raises SourceError with its line."""
    deep = _flow_depth_line(text)
    if deep is not None:
        raise SourceError(Problem(path, deep + line_offset, "", "the values nest too deeply",
                                  expected=f"at most {MAX_DEPTH} levels", found="more",
                                  hint="check for brackets [ ] or { } that are never closed"))
    loader = _Loader(text)
    walk = _Walk(loader, text.splitlines(), line_offset)
    try:
        node = loader.get_single_node()
        data = None if node is None else _to_python(walk, node, ())
    except RecursionError:
        raise SourceError(Problem(path, 1 + line_offset, "", "the values nest too deeply",
                                  expected=f"at most {MAX_DEPTH} levels", found="more",
                                  hint="check the indentation of the file")) from None
    except AliasError as error:
        raise SourceError(Problem(
            path, error.line, "",
            f"this is not valid YAML: {error}", hint="write the value out in full")) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise SourceError(Problem(
            path, line, "", f"this is not valid YAML: {error.problem or error.context}",
            hint="check indentation (spaces, not tabs), a missing ':' after a field name, "
                 "or text with ':' or '#' that needs quotes",
        )) from None
    except yaml.YAMLError as error:
        raise SourceError(Problem(path, 1, "", f"this is not valid YAML: {error}")) from None
    finally:
        loader.dispose()
    warnings = tuple(
        Problem(path, walk.lines.get(here, 1), ".".join(str(p) for p in here),
                "the text stops at ' #': YAML reads the rest of the line as a comment",
                expected="the whole text", found="a text cut short",
                hint="put the whole text in quotes: \"… #MaízNativo\"; a note for "
                     "yourself goes on its own line")
        for here in walk.cut)
    return Document(path, data, walk.lines, warnings=warnings)


def split_front_matter(text: str, path: str) -> tuple[str | None, str, int]:
    """Split `---` front matter from a Markdown body; returns (yaml, body, body_line)."""
    if not text.startswith("---"):
        return None, text, 1
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in {"---", "..."}:
            front = "".join(lines[1:number])
            body = "".join(lines[number + 1:])
            return front, body, number + 2
    raise SourceError(Problem(
        path, 1, "", "the front matter that starts on line 1 never ends",
        expected="a line with only '---' after the fields", found="end of file",
    ))


def read_text(file: Path, shown_as: str) -> str:
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(Problem(
            shown_as, 1, "", "the file is too large",
            expected=f"at most {MAX_FILE_BYTES // 1024} KB", found=f"{size // 1024} KB",
            hint="split it, or put long documents in a guide's attached files",
        ))
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(Problem(
            shown_as, 1, "", "the file is not UTF-8 text",
            found=f"byte {error.start}",
            hint="save the file as UTF-8 in your editor",
        )) from None


def load_yaml_file(file: Path, shown_as: str) -> Document:
    return parse_yaml(read_text(file, shown_as), shown_as)


def load_markdown_file(file: Path, shown_as: str) -> Document:
    text = read_text(file, shown_as)
    front, body, body_line = split_front_matter(text, shown_as)
    document = parse_yaml(front, shown_as, line_offset=1) if front is not None else None
    data = document.data if document else None
    lines = document.lines if document else {}
    warnings = document.warnings if document else ()
    return Document(shown_as, data, lines, body, body_line, warnings)
