"""Reading YAML and Markdown-with-front-matter while remembering lines.

Values come back as plain Python data; a side table maps each value's
location (a tuple of keys and list indexes) to its 1-based line, so
messages can point at the exact line a contributor must edit.

Everything here must end in a `SourceError` naming the file and line, never a
crash: the depth is measured on libyaml's event stream (which does not recurse)
before the composer (which does, and crashes the process on very deep block
nesting) ever sees the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tejido.core.validate.problems import Problem

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
    """Mistakes YAML accepts silently (a '#' that cut a text short, a field written twice);
    each is a problem that fails the check like any other."""
    blocks: dict[Location, int] = field(default_factory=dict)
    """For texts written as a `|` block: the line of the text's first line."""

    def line(self, location: Location) -> int:
        """The line of the value at `location`, or of its nearest parent."""
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.lines.get((), 1)

    def text_line(self, location: Location, offset: int) -> int:
        """The line of the `offset`-th line (0-based) of the text at `location`: exact in a
        `|` block, the value's own line otherwise."""
        if location in self.blocks:
            return self.blocks[location] + offset
        return self.line(location)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it: about ten times faster on large catalogs."""


class AliasError(Exception):
    """Anchors and aliases are never needed in entries, and are how 'billion laughs'
    documents exhaust memory; a node reached twice means an alias."""

    def __init__(self, line: int) -> None:
        super().__init__("aliases (*name) are not allowed in entries")
        self.line = line


class TagError(Exception):
    """An explicit tag (`!!int`, `!!binary`, `!mine`): entries never need one."""

    def __init__(self, line: int, tag: str) -> None:
        super().__init__(tag)
        self.line = line
        self.tag = tag.replace("tag:yaml.org,2002:", "!!")


class KeyShapeError(Exception):
    """A list or mapping used as a field name (`? [a, b]`)."""

    def __init__(self, line: int) -> None:
        super().__init__("a field name must be a word")
        self.line = line


class SourceError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


INLINE_COMMENT = re.compile(r"[ \t]+#")
DEFAULT_TAGS: dict[type[Node], str] = {MappingNode: "tag:yaml.org,2002:map",
                                       SequenceNode: "tag:yaml.org,2002:seq"}
STRING_TAG = "tag:yaml.org,2002:str"


@dataclass
class _Walk:
    """State of one conversion: the source text, lines seen, aliases, cut texts."""

    loader: Any
    text_lines: list[str]
    line_offset: int
    path: str
    lines: dict[Location, int] = field(default_factory=dict)
    blocks: dict[Location, int] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)
    cut: list[Location] = field(default_factory=list)
    twice: list[Problem] = field(default_factory=list)


def _check_cut(walk: _Walk, node: ScalarNode, here: Location) -> None:
    """YAML ends plain text at ' #' (a comment), so '#MaízNativo' vanishes silently."""
    if node.style not in (None, "") or node.tag != STRING_TAG:
        return
    end = node.end_mark
    rest = walk.text_lines[end.line][end.column:] if end.line < len(walk.text_lines) else ""
    if INLINE_COMMENT.match(rest):
        walk.cut.append(here)


def _check_tag(walk: _Walk, node: Node) -> None:
    """Refuse tags written by hand; the tag libyaml resolved by itself is fine."""
    line = node.start_mark.line + 1 + walk.line_offset
    if isinstance(node, ScalarNode):
        implicit = (walk.loader.resolve(ScalarNode, node.value, (True, False))
                    if node.style in (None, "") else STRING_TAG)
        if node.tag != implicit:
            raise TagError(line, node.tag)
    elif node.tag != DEFAULT_TAGS[type(node)]:
        raise TagError(line, node.tag)


def _scalar(walk: _Walk, node: ScalarNode) -> Any:
    """The value of a scalar.  What YAML guesses is a date or number but is not one
    (`2026-13-45`) stays text, so the field's own check can say what is wrong."""
    try:
        return walk.loader.construct_object(node, deep=True)
    except (ValueError, TypeError, AttributeError, OverflowError):
        return node.value


def _duplicate(walk: _Walk, here: Location, key: str, first: int, again: int) -> None:
    where = ".".join(str(p) for p in (*here, key))
    walk.twice.append(Problem(
        walk.path, again, where, f"'{key}' is written twice in the same place "
        f"(lines {first} and {again})", expected="each field once",
        found=f"a second '{key}:' on line {again}",
        hint=f"YAML keeps only the last one, so the text on line {first} would be lost: "
             "join the two into one, or delete the one you do not want"))


def _mapping(walk: _Walk, node: MappingNode, here: Location) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise KeyShapeError(key_node.start_mark.line + 1 + walk.line_offset)
        _check_tag(walk, key_node)
        key = _scalar(walk, key_node)
        key = key if isinstance(key, str) else str(key)
        key_line = key_node.start_mark.line + 1 + walk.line_offset
        if key in first_line:
            _duplicate(walk, here, key, first_line[key], key_line)
        first_line.setdefault(key, key_line)
        walk.lines[(*here, key)] = key_line
        result[key] = _to_python(walk, value_node, (*here, key))
        walk.lines[(*here, key)] = key_line
    return result


def _to_python(walk: _Walk, node: Node, here: Location) -> Any:
    if id(node) in walk.seen:  # the line of the alias: its place's, not its anchor's
        place = next((walk.lines[here[:n]] for n in range(len(here), 0, -1)
                      if here[:n] in walk.lines), node.start_mark.line + 1 + walk.line_offset)
        raise AliasError(place)
    walk.seen.add(id(node))
    _check_tag(walk, node)
    walk.lines[here] = node.start_mark.line + 1 + walk.line_offset
    if isinstance(node, MappingNode):
        return _mapping(walk, node, here)
    if isinstance(node, SequenceNode):
        return [_to_python(walk, item, (*here, i)) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    _check_cut(walk, node, here)
    if node.style == "|":
        walk.blocks[here] = node.start_mark.line + 2 + walk.line_offset
    return _scalar(walk, node)


MAX_DEPTH = 40
"""Entries nest three or four levels; far deeper is a mistake or an attack (libyaml's
composer recurses, and very deep nesting crashes the process)."""
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _too_deep_line(text: str) -> int | None:
    """The line where lists and mappings (blocks or brackets) first nest deeper than
    MAX_DEPTH, if they do.  Reads libyaml's event stream, which keeps its own stack
    instead of recursing, and stops at the first level too many."""
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return int(mark.line) + 1 if mark else 1
            elif isinstance(event, _CLOSE):
                depth -= 1
    finally:
        loader.dispose()
    return None


SYNTAX_HINT = ("check indentation (spaces, not tabs), a missing ':' after a field name, "
               "or text with ':' or '#' that needs quotes")


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, line_offset: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = (mark.line + 1 if mark else 1) + line_offset
    what = error.problem or error.context or "the text cannot be read"
    hint = SYNTAX_HINT
    if "control characters" in what or "special characters" in what:
        hint = ("the line holds an invisible control character (often pasted from a PDF "
                "or a word processor): retype the line, or save the file as plain UTF-8 text")
    return Problem(path, line, "", f"this is not valid YAML: {what}", hint=hint)


def _compose(text: str, path: str, line_offset: int, walk: _Walk) -> Any:
    deep = _too_deep_line(text)
    if deep is not None:
        raise SourceError(Problem(
            path, deep + line_offset, "", "the values nest too deeply",
            expected=f"at most {MAX_DEPTH} levels of lists and fields",
            found="more", hint="check for brackets [ ] or { } that are never closed, and the "
                               "indentation: lines like '- - - -' nest a list in a list"))
    loader = walk.loader
    node = loader.get_single_node()
    return None if node is None else _to_python(walk, node, ())


def parse_yaml(text: str, path: str, line_offset: int = 0) -> Document:
    """Parse one YAML document; malformed YAML raises SourceError with its line."""
    loader = _Loader(text)
    walk = _Walk(loader, text.splitlines(), line_offset, path)
    try:
        data = _compose(text, path, line_offset, walk)
    except RecursionError:
        raise SourceError(Problem(path, 1 + line_offset, "", "the values nest too deeply",
                                  expected=f"at most {MAX_DEPTH} levels", found="more",
                                  hint="check the indentation of the file")) from None
    except AliasError as error:
        raise SourceError(Problem(
            path, error.line, "",
            f"this is not valid YAML: {error}", hint="write the value out in full")) from None
    except TagError as error:
        raise SourceError(Problem(
            path, error.line, "", "YAML tags are not used in entries",
            expected="a plain value", found=f"the tag {error.tag[:60]!r}",
            hint="delete the tag (the word starting with '!'); put the value in quotes "
                 "if it must stay text")) from None
    except KeyShapeError as error:
        raise SourceError(Problem(
            path, error.line, "", "a field name must be a word", expected="'name: value'",
            found="a list or mapping before ':'",
            hint="check the line for a '?' or brackets before the ':'")) from None
    except yaml.MarkedYAMLError as error:
        raise SourceError(_syntax_problem(path, error, line_offset)) from None
    except yaml.YAMLError as error:
        raise SourceError(Problem(path, 1 + line_offset, "",
                                  f"this is not valid YAML: {str(error)[:200]}",
                                  hint=SYNTAX_HINT)) from None
    finally:
        loader.dispose()
    warnings = tuple(
        Problem(path, walk.lines.get(here, 1), ".".join(str(p) for p in here),
                "the text stops at ' #': YAML reads the rest of the line as a comment",
                expected="the whole text", found="a text cut short",
                hint="put the whole text in quotes: \"… #MaízNativo\"; a note for "
                     "yourself goes on its own line")
        for here in walk.cut)
    return Document(path, data, walk.lines, warnings=(*walk.twice, *warnings),
                    blocks=walk.blocks)


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
        path, 1, "", "the front matter that starts on line 1 never ends",
        expected="a line with only '---' after the fields", found="end of file",
        hint="add a line with only --- (three dashes) after the last field, then the text "
             "below it",
    ))


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
            shown_as, line, "", "the file is not UTF-8 text",
            expected="UTF-8 text", found=f"a byte that is not UTF-8 at column {column}"
            if not utf16 else "UTF-16 text",
            hint="save the file as UTF-8 in your editor (in many editors: "
                 "'Save with encoding' › UTF-8)",
        )) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise SourceError(Problem(
            shown_as, _line_of(text, nul), "", "the file contains a NUL byte",
            expected="plain text", found="a zero byte (\\0)",
            hint="this is not a text file, or it was saved as UTF-16: save it as UTF-8 "
                 "text, or retype the line",
        ))
    control = CONTROL.search(text)
    if control:
        raise SourceError(Problem(
            shown_as, _line_of(text, control.start()), "",
            "the line holds an invisible control character",
            expected="plain text", found=f"U+{ord(control.group(0)):04X}",
            hint="it often comes from text pasted from a PDF or a word processor: retype "
                 "the line, or save the file as plain UTF-8 text",
        ))
    return text.removeprefix(BOM)  # editors on Windows add it; it means nothing here


def read_text(file: Path, shown_as: str) -> str:
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(Problem(
            shown_as, 1, "", "the file is too large",
            expected=f"at most {MAX_FILE_BYTES // 1024} KB", found=f"{size // 1024} KB",
            hint="split it, or put long documents in a guide's attached files",
        ))
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
                path, first_line + number, "", "the line holds an invisible character that "
                "changes the direction of the text", expected="visible text only",
                found=f"U+{ord(match.group(0)):04X} {name}",
                hint="it makes the text read differently from what it says: retype the line "
                     "without copying it"))
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
