"""The catalog's data model: one immutable envelope for every kind of entry.

An entry's common part (`Common`: who it is, what it is about, where, how fresh) is
typed the same for every kind; what only its kind has stays in `Entry.own`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tejido.core.model.fields import DEFAULT_LANGUAGE, LANGUAGES

Text = Mapping[str, str]
"""Text by language code; a language may be missing (then we fall back)."""


@dataclass(frozen=True, order=True)
class Ref:
    kind: str
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> Ref | None:
        kind, sep, ident = text.strip().partition(":")
        return cls(kind.strip(), ident.strip()) if sep and kind and ident else None


@dataclass(frozen=True)
class Link:
    """A relation from one entry to another, as declared or as derived."""

    name: str
    target: Ref
    year: int | None = None
    note: Text | None = None
    derived: bool = False


COMMON_FIELDS = frozenset({"name", "title", "summary", "themes", "regions", "sdgs",
                           "populations", "last_verified"})
"""The fields `Common` holds (organizations and networks have a `name`, practices and
guides a bilingual `title`: both are `Common.title`)."""


@dataclass(frozen=True, kw_only=True)
class Common:
    """What every entry has, whatever its kind."""

    ref: Ref
    """Its id and kind."""
    title: Text
    """Its name (by language for practices and guides)."""
    summary: Text
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    """Places, as region ids."""
    sdgs: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    last_verified: dt.date | None = None
    """When its facts were last checked (its freshness); None if never."""

    @property
    def kind(self) -> str:
        return self.ref.kind

    @property
    def id(self) -> str:
        return self.ref.id

    def name(self, lang: str) -> str:
        return pick(self.title, lang)[0]

    def languages(self) -> tuple[str, ...]:
        """Languages in which the required text of the entry exists."""
        return tuple(lang for lang in LANGUAGES if lang in self.summary and lang in self.title)


@dataclass(frozen=True, kw_only=True)
class Entry(Common):
    """An entry: its common part, where it was read, its links, texts and own fields."""

    source: str
    links: tuple[Link, ...] = ()
    values: Mapping[str, Any]
    """Every validated field by name, normalized (for facts and exports)."""
    body: Text
    assets: tuple[tuple[str, str], ...] = ()
    """Files the text links to, as (target written in the text, path in the repository);
    published beside the entry's page so the same relative link works there."""

    @property
    def own(self) -> Mapping[str, Any]:
        """The fields only its kind has (an organization's type, a practice's years…)."""
        return {name: value for name, value in self.values.items() if name not in COMMON_FIELDS}


def pick(text: Text, lang: str) -> tuple[str, str]:
    """The text in `lang`, else in the default language, else any; with the language used."""
    if text.get(lang):
        return text[lang], lang
    for fallback in (DEFAULT_LANGUAGE, *LANGUAGES):
        if text.get(fallback):
            return text[fallback], fallback
    return "", lang
