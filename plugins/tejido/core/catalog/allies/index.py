"""Building the allies index: once per catalog, each candidate's profile (themes,
regions, practices and networks as bit masks and ranks) and inverted lists by
themes and regions, from which a query draws its candidate pool (`ranking.py`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from types import MappingProxyType
from typing import Any

from tejido.core.catalog.allies.masks import Terms, union
from tejido.core.catalog.allies.ranking import Ranking
from tejido.core.catalog.allies.rules import KINDS, NEIGHBOUR_CAP, Ally, Reason
from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.text import sort_key
from tejido.core.model import relations as rel
from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.model.model import Entry, Ref

Vector = tuple[int, int, int, int, int, frozenset[int], frozenset[int]]
"""themes, theme_up, regions, region_up, practiced, networks, participants."""


@dataclass(frozen=True)
class Profile:
    """One candidate; related entries are ranks (positions in name order)."""

    rank: int
    themes: int
    theme_up: int
    regions: int
    region_up: int
    practiced: int = 0
    """The themes, and their ancestors, of the practices it ran."""
    practices: tuple[tuple[Ref, int], ...] = ()
    networks: frozenset[int] = frozenset()
    """For an organization: the networks it is a member of or convenes."""
    network_list: tuple[int, ...] = ()
    """The same, in name order."""
    members: frozenset[int] = frozenset()
    """For a network: its members."""
    convenors: frozenset[int] = frozenset()
    """For a network: its convenors."""
    participants: frozenset[int] = frozenset()
    """For a network: its members and convenors."""
    participant_list: tuple[int, ...] = ()
    """The same, in name order, at most `NEIGHBOUR_CAP` of them."""
    allied: frozenset[int] = frozenset()

    @property
    def vector(self) -> Vector:
        """What the scoring loop reads, as one tuple (faster than attributes)."""
        return (self.themes, self.theme_up, self.regions, self.region_up, self.practiced,
                self.networks, self.participants)


Posting = tuple[int, ...]
"""Candidates as ranks, in name order."""
TABLES = ("triples", "pairs", "singles", "by_theme", "family", "practiced", "practiced_in",
          "in_region")


def ally_order(entry: Entry) -> tuple[tuple[str, str], str, str]:
    """Ties are broken by name in the default language, as every listing orders names."""
    return sort_key(entry.name(DEFAULT_LANGUAGE), DEFAULT_LANGUAGE), entry.id, entry.kind


@dataclass(frozen=True)
class Builder:
    catalog: Catalog
    themes: Terms
    regions: Terms
    rank: Mapping[Ref, int]

    def links(self, ref: Ref) -> dict[str, list[Ref]]:
        found: dict[str, list[Ref]] = defaultdict(list)
        for link in self.catalog.links.get(ref, ()):
            found[link.name].append(link.target)
        return found

    def ranks(self, links: Mapping[str, list[Ref]], *names: str) -> frozenset[int]:
        return frozenset(self.rank[ref] for name in names for ref in links.get(name, ())
                         if ref in self.rank)

    def profile(self, entry: Entry) -> Profile:
        ref, themes, links = entry.ref, self.themes, self.links(entry.ref)
        practices = tuple(
            (practice, themes.closure(themes.mask(self.catalog.entries[practice].themes)))
            for practice in (link for name in rel.PRACTICES_OF for link in links.get(name, ()))
            if practice in self.catalog.entries
        )
        practiced = union(mask for _, mask in practices)
        theme_mask, region_mask = themes.mask(entry.themes), self.regions.mask(entry.regions)
        members, convenors = self.ranks(links, rel.HAS_MEMBER), self.ranks(links, rel.CONVENED_BY)
        networks = self.ranks(links, *rel.NETWORKS_OF)
        return Profile(
            rank=self.rank[ref], themes=theme_mask, theme_up=themes.closure(theme_mask),
            regions=region_mask, region_up=self.regions.closure(region_mask),
            practiced=practiced, practices=practices,
            networks=networks, network_list=tuple(sorted(networks)),
            members=members, convenors=convenors, participants=members | convenors,
            participant_list=tuple(sorted(members | convenors))[:NEIGHBOUR_CAP],
            allied=self.ranks(links, rel.ALLIANCE),
        )

    def post(self, lists: Mapping[str, defaultdict[Any, list[int]]], profile: Profile) -> None:
        """Add one candidate to the inverted lists."""
        themes, regions, rank = self.themes, self.regions, profile.rank
        own = themes.names(profile.themes)
        places = regions.names(profile.region_up)
        specific = regions.names(profile.region_up & regions.specific)
        for triple in combinations(own, 3):
            lists["triples"][triple].append(rank)
        for a, b in combinations(own, 2):
            for g in specific:
                lists["pairs"][(a, b, g)].append(rank)
        for t in own:
            lists["by_theme"][t].append(rank)
            for g in places:
                lists["singles"][(t, g)].append(rank)
        for t in themes.names(profile.theme_up):
            lists["family"][t].append(rank)
        for t in themes.names(profile.practiced):
            lists["practiced"][t].append(rank)
            for g in specific:
                lists["practiced_in"][(t, g)].append(rank)
        for g in places:
            lists["in_region"][g].append(rank)


def freeze(table: Mapping[Any, list[int]]) -> Mapping[Any, Posting]:
    return MappingProxyType({key: tuple(ranks) for key, ranks in table.items()})


@dataclass(frozen=True)
class AllyIndex(Ranking):
    """Everything `find_allies` needs, computed once per catalog."""

    themes: Terms
    regions: Terms
    refs: tuple[Ref, ...]
    """Every candidate in name order; a candidate's rank is its position here."""
    rank: Mapping[Ref, int]
    profiles: tuple[Profile, ...]
    vectors: tuple[Vector, ...]
    triples: Mapping[tuple[str, str, str], Posting]
    """(theme, theme, theme) -> candidates with the three themes."""
    pairs: Mapping[tuple[str, str, str], Posting]
    """(theme, theme, region) -> candidates with both themes working in the region."""
    singles: Mapping[tuple[str, str], Posting]
    """(theme, region) -> candidates with the theme working in the region."""
    by_theme: Mapping[str, Posting]
    """Theme -> candidates that list it."""
    family: Mapping[str, Posting]
    """Theme -> candidates that list it or one of its sub-themes."""
    practiced: Mapping[str, Posting]
    """Theme -> candidates that ran a practice in it (or in a sub-theme)."""
    practiced_in: Mapping[tuple[str, str], Posting]
    """(theme, region) -> the same, working in the region."""
    in_region: Mapping[str, Posting]
    """Region -> candidates working in it or in one of its sub-regions."""
    _shared: dict[tuple[str, int, int], Reason] = field(default_factory=dict, compare=False,
                                                   repr=False)
    """Reasons made of terms only, made once and shared by every ally that has them."""
    _found: dict[tuple[Ref, int], tuple[Ally, ...]] = field(default_factory=dict,
                                                           compare=False, repr=False)
    """Answers already given: a page in each language asks for the same allies."""

    @classmethod
    def build(cls, catalog: Catalog) -> AllyIndex:
        entries = sorted((catalog.entries[ref] for kind in KINDS
                          for ref in catalog.by_kind.get(kind, ())), key=ally_order)
        refs = tuple(entry.ref for entry in entries)
        rank = MappingProxyType({ref: index for index, ref in enumerate(refs)})
        builder = Builder(catalog, Terms.of(catalog.taxonomies["themes"]),
                           Terms.of(catalog.taxonomies["regions"]), rank)
        profiles = tuple(builder.profile(entry) for entry in entries)
        lists: dict[str, defaultdict[Any, list[int]]] = {
            name: defaultdict(list) for name in TABLES}
        for profile in profiles:
            builder.post(lists, profile)
        tables = {name: freeze(lists[name]) for name in TABLES}
        return cls(builder.themes, builder.regions, refs, rank, profiles,
                   tuple(p.vector for p in profiles), triples=tables["triples"],
                   pairs=tables["pairs"], singles=tables["singles"], by_theme=tables["by_theme"],
                   family=tables["family"], practiced=tables["practiced"],
                   practiced_in=tables["practiced_in"],
                   in_region=tables["in_region"])

    # -- queries --------------------------------------------------------------------

    def find(self, ref: Ref, limit: int = 8) -> tuple[Ally, ...]:
        """The best `limit` allies of a candidate; () for an entry that is not one."""
        found = self._found.get((ref, limit))
        if found is None:
            target = self._target(ref)
            found = () if target is None else self._rank(target, self._pool(target, limit), limit)
            self._found[(ref, limit)] = found
        return found

    def for_terms(self, themes: Iterable[str], regions: Iterable[str],
                  limit: int = 20) -> tuple[Ally, ...]:
        """The best `limit` candidates for chosen theme and region ids, with no networks.

        With no theme chosen, the region alone counts."""
        theme_mask, region_mask = self.themes.mask(themes), self.regions.mask(regions)
        target = Profile(-1, theme_mask, self.themes.closure(theme_mask),
                          region_mask, self.regions.closure(region_mask))
        return self._rank(target, self._pool(target, limit), limit)

    def candidates(self, ref: Ref, limit: int = 8) -> tuple[Ref, ...]:
        """The entries one `find` call scores: never more than `pool_size(limit)`."""
        target = self._target(ref)
        return () if target is None else tuple(self.refs[i] for i in self._pool(target, limit))

    def score(self, target: Ref, candidate: Ref) -> float:
        """The score of one candidate for one target; 0 if it is not worth suggesting."""
        found = self._scores(self.profiles[self.rank[target]], (self.rank[candidate],))
        return float(-(found[0] // len(self.refs))) if found else 0.0

    def _target(self, ref: Ref) -> Profile | None:
        index = self.rank.get(ref)
        return None if index is None else self.profiles[index]
