"""The catalog: every entry, its derived relations and its indexes, computed once.

Pages, search records and exports read from these indexes, so the cost of
producing one page does not grow with the size of the catalog.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TypeVar

from tejido.core.catalog.freshness import Freshness, FreshnessPolicy, freshness
from tejido.core.i18n.text import sort_key
from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.model.model import Entry, Link, Ref
from tejido.core.model.regions import in_use
from tejido.core.model.taxonomy import Taxonomy

T = TypeVar("T")

KIND_ORDER = ("organization", "network", "practice", "guide")


@dataclass(frozen=True)
class Catalog:
    entries: Mapping[Ref, Entry]
    taxonomies: Mapping[str, Taxonomy]
    links: Mapping[Ref, tuple[Link, ...]]
    """Declared and derived links of every entry, grouped by the entry."""
    by_kind: Mapping[str, tuple[Ref, ...]]
    by_term: Mapping[tuple[str, str], tuple[Ref, ...]]
    """(taxonomy, term) -> entries using the term or one of its descendants."""
    withdrawn: int = 0
    """Entries kept in the repository but withdrawn: counted, never named, never shown."""
    policy: FreshnessPolicy = field(default_factory=lambda: FreshnessPolicy(dt.date.today()))
    """The build's date and the freshness thresholds (plugin settings; see `with_policy`)."""

    def with_policy(self, policy: FreshnessPolicy) -> Catalog:
        return replace(self, policy=policy, _shown={})

    def freshness(self, entry: Entry) -> Freshness:
        return freshness(entry, self.policy)
    shape: object = field(default_factory=object, compare=False, repr=False)
    """Shared by catalogs whose entries differ only in what no index depends on
    (`patched`): what is computed from the indexes of one holds for the others."""

    _ordered: dict[tuple[str, str], tuple[Entry, ...]] = field(
        default_factory=dict, compare=False, repr=False)
    """Entries of a kind in a language's order, sorted once.  It holds the entries
    themselves and depends on their names in every language (not all in the shape): a
    patched catalog starts an empty one (see `patched`)."""

    _shown: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    """View objects many pages show alike (an entry's card, per language and link), made
    once: they hold entry text and freshness, so a patched catalog or a new policy starts
    an empty one."""

    def shown(self, key: object, make: Callable[[], T]) -> T:
        if key not in self._shown:
            self._shown[key] = make()
        return self._shown[key]  # type: ignore[return-value]

    _derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    """Indexes built from the catalog's shape on first use (the allies index: refs and
    term masks, no entry text), kept with it and shared by catalogs of the same shape."""

    def derived(self, name: str, build: Callable[[Catalog], T]) -> T:
        """What `build` makes of this catalog's shape, made once: the catalog owns it, so it
        lives and dies with the catalog, and a rebuild gets a new one.  `build` must read
        only what `shape_key` covers, as a patched catalog shares it."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]  # type: ignore[return-value]

    def of_kind(self, kind: str, lang: str = DEFAULT_LANGUAGE) -> tuple[Entry, ...]:
        """The entries of a kind in the order of their names in `lang` (`text.sort_key`)."""
        found = self._ordered.get((kind, lang))
        if found is None:
            found = in_order((self.entries[r] for r in self.by_kind.get(kind, ())), lang)
            self._ordered[(kind, lang)] = found
        return found

    def tagged(self, taxonomy: str, term: str, lang: str = DEFAULT_LANGUAGE
               ) -> tuple[Entry, ...]:
        """Entries using a term or one of its descendants, by kind, then by name in `lang`."""
        entries = (self.entries[r] for r in self.by_term.get((taxonomy, term), ()))
        if lang == DEFAULT_LANGUAGE:  # the order they are stored in
            return tuple(entries)
        return tuple(sorted(entries, key=lambda e: (KIND_ORDER.index(e.kind),
                                                    entry_key(e, lang))))

    def count(self, taxonomy: str, term: str) -> int:
        return len(self.by_term.get((taxonomy, term), ()))

    def related(self, ref: Ref, name: str) -> tuple[Link, ...]:
        return tuple(link for link in self.links.get(ref, ()) if link.name == name)

    def __len__(self) -> int:
        return len(self.entries)


def entry_key(entry: Entry, lang: str) -> tuple[tuple[str, str], str]:
    """Entries by name in a language, the one order of every listing (`text.sort_key`)."""
    return sort_key(entry.name(lang), lang), entry.id


def in_order(entries: Iterable[Entry], lang: str) -> tuple[Entry, ...]:
    return tuple(sorted(entries, key=lambda entry: entry_key(entry, lang)))


def _sort_key(entry: Entry) -> tuple[int, tuple[tuple[str, str], str]]:
    return KIND_ORDER.index(entry.kind), entry_key(entry, DEFAULT_LANGUAGE)


def _term_fields(entry: Entry) -> Iterable[tuple[str, str]]:
    for term in entry.themes:
        yield "themes", term
    for term in entry.regions:
        yield "regions", term
    for term in entry.sdgs:
        yield "sdgs", term
    for term in entry.populations:
        yield "populations", term
    org_type = entry.values.get("type")
    if isinstance(org_type, str):
        yield "organization-types", org_type


def _derive_links(entries: Mapping[Ref, Entry], inverse: Mapping[str, str]
                  ) -> dict[Ref, tuple[Link, ...]]:
    # A link to an entry that is not in the catalog (withdrawn) is omitted, both ways.
    links: dict[Ref, list[Link]] = {
        ref: [link for link in entry.links if link.target in entries]
        for ref, entry in entries.items()}
    for entry in entries.values():
        for link in entry.links:
            if link.target not in links:
                continue
            mirrored = Link(inverse[link.name], entry.ref, link.year, link.note, derived=True)
            already = any(existing.name == mirrored.name and existing.target == entry.ref
                          for existing in links[link.target])
            if not already:
                links[link.target].append(mirrored)
    return {ref: tuple(items) for ref, items in links.items()}


def _shown_taxonomies(taxonomies: Mapping[str, Taxonomy],
                      by_term: Mapping[tuple[str, str], Iterable[Ref]],
                      entries: Iterable[Entry]) -> dict[str, Taxonomy]:
    """Hundreds of places are known; the catalog shows only those its entries use (with
    their countries), so no page, facet, column or link leads to an empty place."""
    used = {term for (name, term) in by_term if name == "regions"}
    for entry in entries:
        address = entry.values.get("address")
        if isinstance(address, Mapping) and isinstance(address.get("region"), str):
            used.add(address["region"])
    shown = dict(taxonomies)
    if "regions" in shown:
        shown["regions"] = in_use(shown["regions"], used)
    return shown


def build_catalog(entries: Iterable[Entry], taxonomies: Mapping[str, Taxonomy],
                  inverse: Mapping[str, str], withdrawn: int = 0) -> Catalog:
    ordered = sorted(entries, key=_sort_key)
    by_ref = {entry.ref: entry for entry in ordered}
    by_kind: dict[str, list[Ref]] = defaultdict(list)
    by_term: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    for entry in ordered:
        by_kind[entry.kind].append(entry.ref)
        seen: set[tuple[str, str]] = set()
        for taxonomy, term in _term_fields(entry):
            tax = taxonomies[taxonomy]
            for key in ((taxonomy, term), *((taxonomy, a) for a in tax.ancestors(term))):
                if key not in seen:
                    seen.add(key)
                    by_term[key].append(entry.ref)
    return Catalog(
        entries=MappingProxyType(by_ref),
        taxonomies=MappingProxyType(_shown_taxonomies(taxonomies, by_term, ordered)),
        links=MappingProxyType(_derive_links(by_ref, inverse)),
        by_kind=MappingProxyType({k: tuple(v) for k, v in by_kind.items()}),
        by_term=MappingProxyType({k: tuple(v) for k, v in by_term.items()}),
        withdrawn=withdrawn,
    )


def shape_key(entry: Entry) -> tuple[object, ...]:
    """What of an entry the indexes, the order and the derived links depend on."""
    address = entry.values.get("address")
    place = address.get("region") if isinstance(address, Mapping) else None
    return (entry.ref, _sort_key(entry), entry.themes, entry.regions, entry.sdgs,
            entry.populations, entry.values.get("type"), entry.links, place)


def patched(old: Catalog, fresh: Iterable[Entry], taxonomies: Mapping[str, Taxonomy],
            withdrawn: int = 0) -> Catalog | None:
    """`old` with some entries replaced by new versions, when no index changes (an
    edit of a summary or a text); None when one would (then `build_catalog`).  The
    taxonomies must have the same terms and parents (only labels may differ)."""
    entries = dict(old.entries)
    for entry in fresh:
        before = entries.get(entry.ref)
        if before is None or shape_key(before) != shape_key(entry):
            return None
        entries[entry.ref] = entry
    shown = _shown_taxonomies(taxonomies, old.by_term, entries.values())
    # The orders by name hold the old entries (and an English name is not in the shape):
    # made again from these.  What `derived` holds depends on the shape only: shared.
    return replace(old, entries=MappingProxyType(entries), taxonomies=MappingProxyType(shown),
                   withdrawn=withdrawn, _ordered={}, _shown={})
