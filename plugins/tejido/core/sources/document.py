"""What reading a source file gives: its data, and the line of every value in it.

Values come back as plain Python data; a side table maps each value's location (a tuple
of keys and list indexes) to its 1-based line, so messages can point at the exact line a
contributor must edit.  Anything unreadable ends in a `SourceError` naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tejido.core.validate.problems import Problem

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


class SourceError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem
