"""Problems found in content files, collected rather than raised.

Every problem names where it is (file and line), which field, what is wrong,
what was expected and found, and how to fix it.  Validation gathers them all
so a contributor sees every mistake of a run at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import get_close_matches

from tejido.core.validate.mask import mask_text

MAX_SHOWN = 200
"""Problems printed in full; past that a summary by file.  A broken generator can make
40,000 problems, and 16 MB of messages help nobody (nor a CI log)."""


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""

    def detail(self) -> str:
        """'; expected X, found Y', or the half that is known."""
        if self.expected:
            return f"; expected {self.expected}, found {self.found or 'nothing'}"
        return f"; found {self.found}" if self.found else ""

    def format(self) -> str:
        text = f"{self.path}:{self.line}: {self.field or '(file)'}: {self.message}"
        text += self.detail()
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

    def report(self, limit: int = MAX_SHOWN) -> str:
        items = list(self)
        lines = [p.format() for p in items[:limit]]
        rest = omitted(items, limit)
        if rest:
            lines.append(rest)
        count = len(items)
        noun = "problem" if count == 1 else "problems"
        lines.append(f"{count} {noun} found. Fix them and check again (make check).")
        return "\n".join(lines)


def omitted(items: Sequence[Problem], limit: int = MAX_SHOWN) -> str:
    """What is left out when only the first `limit` problems are printed: how many, and
    in which files (most first), so the run still says where to look."""
    rest = items[limit:]
    if not rest:
        return ""
    by_file = Counter(p.path for p in rest).most_common()
    named = ", ".join(f"{path} ({count})" for path, count in by_file[:10])
    more = f" and {len(by_file) - 10} more files" if len(by_file) > 10 else ""
    return (f"... and {len(rest)} more problems not shown, in {named}{more}. The first "
            f"{limit} are above: fix those first (often one mistake causes many).")


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
