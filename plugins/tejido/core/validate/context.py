"""What checking one document carries along: the document, the taxonomies, the problems
found, the references to check once every entry is known; and the small helpers every
checker shares."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tejido.core.i18n.messages import Part
from tejido.core.model.model import Ref
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.source import Document, Location
from tejido.core.validate.problems import Problem, Problems


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

EMAIL = re.compile(r"^[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9(][0-9 ()\-.]{5,24}$")
SAFE_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class PendingRef:
    """A reference seen in a document, checked once every entry is known."""

    ref: Ref
    path: str
    line: int
    field: str
    kinds: tuple[str, ...]


@dataclass
class Context:
    doc: Document
    taxonomies: dict[str, Taxonomy]
    problems: Problems
    today: dt.date
    root: Path
    refs: list[PendingRef] = field(default_factory=list)
    owner: Ref | None = None
    """The entry being checked (to refuse references to itself)."""
    countries: tuple[str, ...] = ()
    """Countries of the places the entry names: what a place name is resolved and
    'did you mean' is looked for in."""
    looked: list[Path] = field(default_factory=list)
    """Files other than the entry's own that checking it looked at (attachments): a
    cache of validated entries must look at them again."""
    by_name: list[str] = field(default_factory=list)
    """Terms written otherwise than by id or alias (a label, a place name), or unknown:
    what they give depends on the labels, so a label change checks the entry again."""

    def fail(self, here: Location, message: Part, *, expected: Part = "", found: Part = "",
             hint: Part = "", line: int | None = None) -> Any:
        self.problems.add(Problem(self.doc.path, line or self.doc.line(here), dotted(here),
                                  message, expected, found, hint))
        return MISSING


def dotted(here: Location) -> str:
    text = ""
    for part in here:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def is_blank(raw: Any) -> bool:
    """Nothing written: empty, or a mapping/list of nothing (as a fresh template has)."""
    if raw is None or raw == "":
        return True
    if isinstance(raw, dict):
        return all(is_blank(value) for value in raw.values())
    if isinstance(raw, list):
        return all(is_blank(item) for item in raw)
    return False


def each(check: Checker, kind: Any, raw: Any,
          here: Location, ctx: Context) -> Any:
    """A list of values (or a lone value) checked one by one; duplicates dropped."""
    items = raw if isinstance(raw, list) else [raw]
    found = [check(kind, item, (*here, i) if isinstance(raw, list) else here, ctx)
             for i, item in enumerate(items)]
    valid = [value for value in found if value is not MISSING]
    return tuple(dict.fromkeys(valid)) if valid else MISSING


Checker = Callable[[Any, Any, Location, Context], Any]
"""A field type's check: (its type, the value written, where, the context) -> the
normalized value, or MISSING with a problem added."""
