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
from functools import cached_property

from tejido.core.i18n.messages import Part, msg, quoted, words
from tejido.core.i18n.messages import masked as mask_part
from tejido.core.model.fields import DEFAULT_LANGUAGE

MAX_SHOWN = 200
"""Problems printed in full; past that a summary by file.  A broken generator can make
40,000 problems, and 16 MB of messages help nobody (nor a CI log)."""


@dataclass(frozen=True)
class Problem:
    """Where, and what, as data: `message`, `expected`, `found` and `hint` are message
    keys with their values (see messages.py), put into words by `format(lang)`."""

    path: str
    line: int
    field: str
    message: Part
    expected: Part = ""
    found: Part = ""
    hint: Part = ""

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key < other.sort_key

    @cached_property
    def sort_key(self) -> tuple[str, int, str, str]:
        # The same order whatever the language a contributor reads it in.
        return self.path, self.line, self.field, self.worded("message", "en")

    def worded(self, part: str, lang: str = DEFAULT_LANGUAGE) -> str:
        """One part in words; what it quotes masked (`expected` is ours: examples such as
        nombre@ejemplo.org stay as written)."""
        # What it quotes is masked, again, however the problem was made; our own words
        # (an example such as '@' in a hint) are not touched.
        value = getattr(self, part)
        return words(value if part == "expected" else mask_part(value), lang)

    def where(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The field, or '(file)' for the file as a whole."""
        return self.field or words(msg("whole-file"), lang)

    def detail(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """'; expected X, found Y', or the half that is known."""
        expected, found = self.worded("expected", lang), self.worded("found", lang)
        if expected:
            return msg("detail", expected=expected,
                       found=found or msg("nothing")).text(lang)
        return msg("detail-found", found=found).text(lang) if found else ""

    def hint_line(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """'hint: …' in the language, or nothing."""
        hint = self.worded("hint", lang)
        return msg("hint", hint=hint).text(lang) if hint else ""

    def format(self, lang: str = DEFAULT_LANGUAGE) -> str:
        text = f"{self.path}:{self.line}: {self.where(lang)}: {self.worded('message', lang)}"
        text += self.detail(lang)
        hint = self.hint_line(lang)
        return f"{text}\n    {hint}" if hint else text


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
        return iter(sorted(set(self.items), key=lambda p: p.sort_key))

    def report(self, lang: str = DEFAULT_LANGUAGE, limit: int = MAX_SHOWN) -> str:
        items = list(self)
        lines = [p.format(lang) for p in items[:limit]]
        rest = omitted(items, limit, lang)
        if rest:
            lines.append(rest)
        lines.append(msg("count-one" if len(items) == 1 else "count", count=len(items))
                     .text(lang))
        return "\n".join(lines)


def omitted(items: Sequence[Problem], limit: int = MAX_SHOWN,
            lang: str = DEFAULT_LANGUAGE) -> str:
    """What is left out when only the first `limit` problems are printed: how many, and
    in which files (most first), so the run still says where to look."""
    rest = items[limit:]
    if not rest:
        return ""
    by_file = Counter(p.path for p in rest).most_common()
    named = ", ".join(f"{path} ({count})" for path, count in by_file[:10])
    more = msg("more-files", count=len(by_file) - 10) if len(by_file) > 10 else ""
    return msg("omitted", count=len(rest), files=named, more=more, limit=limit).text(lang)


def masked(problem: Problem) -> Problem:
    """The problem with every e-mail and phone number in what it quotes masked: messages
    reach terminals, CI logs and public pull-request annotations. `expected` is ours
    (examples such as nombre@ejemplo.org) and stays as written."""
    return replace(problem, message=mask_part(problem.message), found=mask_part(problem.found),
                   hint=mask_part(problem.hint))


def describe(value: object) -> Part:
    """A short, safe description of a found value for messages."""
    if value is None:
        return msg("nothing")
    if isinstance(value, bool):
        return msg("found-yes" if value else "found-no")
    if isinstance(value, dict):
        return msg("found-mapping")
    if isinstance(value, list):
        return msg("found-list", count=len(value))
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:57] + "..."
    return repr(text)


def did_you_mean(word: str, choices: Iterable[str],
                 aliases: dict[str, str] | None = None) -> Part:
    """A hint naming the closest valid choice (or a known translation of it), else the
    few nearest, else a short list."""
    options = sorted(set(choices))
    key = word.lower().strip()
    if aliases and key in aliases and aliases[key] in options:
        return msg("did-you-mean", choice=aliases[key])
    close = get_close_matches(key, options, n=1, cutoff=0.6)
    if close:
        return msg("did-you-mean", choice=close[0])
    if not options:
        return ""
    nearest = get_close_matches(key, options, n=3, cutoff=0.3)
    if nearest:
        return msg("closest", choices=quoted(nearest))
    more = msg("and-more", count=len(options) - 8) if len(options) > 8 else ""
    return msg("use-one-of", choices=quoted(options[:8]), more=more)
