"""Problems found in content files, collected rather than raised.

Every problem names where it is (file and line), which field, what is wrong,
what was expected and found, and how to fix it.  Validation gathers them all
so a contributor sees every mistake of a run at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import get_close_matches

from .mask import mask_text


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""

    def format(self) -> str:
        text = f"{self.path}:{self.line}: {self.field or '(file)'}: {self.message}"
        if self.expected or self.found:
            text += f"; expected {self.expected or '?'}, found {self.found or 'nothing'}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


@dataclass
class Problems:
    """An ordered collection of problems for one run."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(masked(problem))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(masked(p) for p in problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(set(self.items)))

    def report(self) -> str:
        lines = [p.format() for p in self]
        count = len(lines)
        noun = "problem" if count == 1 else "problems"
        lines.append(f"{count} {noun} found. Fix them and check again (make check).")
        return "\n".join(lines)


def masked(problem: Problem) -> Problem:
    """The problem with every e-mail and phone number in what it quotes masked: messages
    reach terminals, CI logs and public pull-request annotations. `expected` is ours
    (examples such as nombre@ejemplo.org) and stays as written."""
    return replace(problem, message=mask_text(problem.message), found=mask_text(problem.found),
                   hint=mask_text(problem.hint))


def describe(value: object) -> str:
    """A short, safe description of a found value for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'yes' if value else 'no'} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping of fields"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:57] + "..."
    return repr(text)


def did_you_mean(word: str, choices: Iterable[str],
                 aliases: dict[str, str] | None = None) -> str:
    """A hint naming the closest valid choice (or a known translation of it), else the
    few nearest, else a short list."""
    options = sorted(set(choices))
    key = word.lower().strip()
    if aliases and key in aliases and aliases[key] in options:
        return f"did you mean '{aliases[key]}'?"
    close = get_close_matches(key, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not options:
        return ""
    nearest = get_close_matches(key, options, n=3, cutoff=0.3)
    if nearest:
        return "the closest are " + ", ".join(f"'{o}'" for o in nearest)
    shown = ", ".join(f"'{o}'" for o in options[:8])
    more = f" and {len(options) - 8} more" if len(options) > 8 else ""
    return f"use one of {shown}{more}"
