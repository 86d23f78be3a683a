"""YAML to plain Python data, keeping the line of every value.

Everything here must end in a `SourceError` naming the file and line, never a crash:
the depth is measured on libyaml's event stream (which does not recurse) before the
composer (which does, and crashes the process on very deep block nesting) ever sees the
text, unless a bound read from the characters (`deepest_possible`) already shows the
text cannot nest too deeply: most files.  Aliases, explicit tags and non-word keys are
refused; a field written twice and a text cut short by ' #' are reported as problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tejido.core.i18n.messages import msg
from tejido.core.sources.document import Document, Location, SourceError
from tejido.core.validate.problems import Problem

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
    tagged: bool = True
    """Whether the text may hold an explicit tag: without a `!` it cannot."""


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
    if not walk.tagged:
        return
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
    if node.tag == STRING_TAG:  # what the constructor would give, without its machinery
        return node.value
    try:
        return walk.loader.construct_object(node, deep=True)
    except (ValueError, TypeError, AttributeError, OverflowError):
        return node.value


def _duplicate(walk: _Walk, here: Location, key: str, first: int, again: int) -> None:
    where = ".".join(str(p) for p in (*here, key))
    walk.twice.append(Problem(
        walk.path, again, where, msg("yaml.twice", key=key, first=first, again=again),
        expected=msg("yaml.each-field-once"), found=msg("yaml.second", key=key, line=again),
        hint=msg("yaml.twice-hint", first=first)))


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


LEAD = " \t\ufeff?:-"
"""What may come before a block collection's first sign on its line."""


def deepest_possible(text: str, lines: list[str] | None = None) -> int:
    """An upper bound of how deep the text's lists and mappings can nest, read from its
    characters alone.  In libyaml's scanner a block collection inside another starts at
    a column further right (but for a list that is a mapping's value, at its key's
    column), and a block collection starts where its line's text does or after the
    indicators that open the line (`- - `, `? `, `: `); a flow collection has its
    bracket, or is a pair inside one (`[a: b]`).  `lines`: the text's, when already split."""
    widest = max((len(line) - len(line.lstrip(LEAD))
                  for line in (text.splitlines() if lines is None else lines)), default=0)
    return 2 * (widest + 1) + 2 * text.count("[") + text.count("{")


def _too_deep_line(text: str, lines: list[str]) -> int | None:
    """The line where lists and mappings (blocks or brackets) first nest deeper than
    MAX_DEPTH, if they do.  Reads libyaml's event stream, which keeps its own stack
    instead of recursing, and stops at the first level too many."""
    if deepest_possible(text, lines) <= MAX_DEPTH:  # most files: no need to read the events
        return None
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


SYNTAX_HINT = msg("yaml.syntax-hint")


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, line_offset: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = (mark.line + 1 if mark else 1) + line_offset
    what = error.problem or error.context or msg("yaml.unreadable")
    hint = SYNTAX_HINT
    if isinstance(what, str) and ("control characters" in what or "special characters" in what):
        hint = msg("yaml.control-hint")
    # PyYAML's own words (English only) say what it could not read.
    return Problem(path, line, "", msg("yaml.invalid", what=what), hint=hint)


def _compose(text: str, path: str, line_offset: int, walk: _Walk) -> Any:
    deep = _too_deep_line(text, walk.text_lines)
    if deep is not None:
        raise SourceError(Problem(
            path, deep + line_offset, "", msg("yaml.too-deep"),
            expected=msg("yaml.at-most-levels", count=MAX_DEPTH), found=msg("yaml.more"),
            hint=msg("yaml.too-deep-hint")))
    loader = walk.loader
    node = loader.get_single_node()
    return None if node is None else _to_python(walk, node, ())


def parse_yaml(text: str, path: str, line_offset: int = 0) -> Document:
    """Parse one YAML document; malformed YAML raises SourceError with its line."""
    loader = _Loader(text)
    walk = _Walk(loader, text.splitlines(), line_offset, path, tagged="!" in text)
    try:
        data = _compose(text, path, line_offset, walk)
    except RecursionError:
        raise SourceError(Problem(path, 1 + line_offset, "", msg("yaml.too-deep"),
                                  expected=msg("more-levels-most", count=MAX_DEPTH),
                                  found=msg("yaml.more"),
                                  hint=msg("yaml.indentation-hint"))) from None
    except AliasError as error:
        raise SourceError(Problem(
            path, error.line, "", msg("yaml.invalid", what=msg("yaml.alias")),
            hint=msg("yaml.alias-hint"))) from None
    except TagError as error:
        raise SourceError(Problem(
            path, error.line, "", msg("yaml.tag"), expected=msg("yaml.plain-value"),
            found=msg("yaml.the-tag", tag=repr(error.tag[:60])),
            hint=msg("yaml.tag-hint"))) from None
    except KeyShapeError as error:
        raise SourceError(Problem(
            path, error.line, "", msg("yaml.key-shape"), expected=msg("yaml.name-value"),
            found=msg("yaml.key-shape-found"), hint=msg("yaml.key-shape-hint"))) from None
    except yaml.MarkedYAMLError as error:
        raise SourceError(_syntax_problem(path, error, line_offset)) from None
    except yaml.YAMLError as error:
        raise SourceError(Problem(path, 1 + line_offset, "",
                                  msg("yaml.invalid", what=str(error)[:200]),
                                  hint=SYNTAX_HINT)) from None
    finally:
        loader.dispose()
    warnings = tuple(
        Problem(path, walk.lines.get(here, 1), ".".join(str(p) for p in here),
                msg("yaml.cut"), expected=msg("yaml.whole-text"), found=msg("yaml.cut-short"),
                hint=msg("yaml.cut-hint"))
        for here in walk.cut)
    return Document(path, data, walk.lines, warnings=(*walk.twice, *warnings),
                    blocks=walk.blocks)
