"""The catalog's data model: one immutable envelope for every kind of entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .fields import DEFAULT_LANGUAGE, LANGUAGES

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


@dataclass(frozen=True)
class Entry:
    ref: Ref
    source: str
    title: Text
    summary: Text
    themes: tuple[str, ...]
    regions: tuple[str, ...]
    sdgs: tuple[str, ...]
    populations: tuple[str, ...]
    links: tuple[Link, ...]
    values: Mapping[str, Any]
    """Every validated field by name, normalized (for facts and exports)."""
    body: Text
    assets: tuple[tuple[str, str], ...] = ()
    """Files the text links to, as (target written in the text, path in the repository);
    published beside the entry's page so the same relative link works there."""

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


def pick(text: Text, lang: str) -> tuple[str, str]:
    """The text in `lang`, else in the default language, else any; with the language used."""
    if text.get(lang):
        return text[lang], lang
    for fallback in (DEFAULT_LANGUAGE, *LANGUAGES):
        if text.get(fallback):
            return text[fallback], fallback
    return "", lang
