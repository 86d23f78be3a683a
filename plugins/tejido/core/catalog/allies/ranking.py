"""A query: the candidate pool (tier by tier from the index's inverted lists, the most
promising first, bounded by `rules.pool_size`), then scoring every candidate in it
and the reasons of the best."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from tejido.core.catalog.allies.masks import Terms
from tejido.core.catalog.allies.rules import (
    EXACT_THEME,
    MAX_NETWORKS,
    MAX_SHARED_MEMBERS,
    MIN_SCORE,
    NESTED_EXTRA,
    NETWORK,
    POOL_PER_ALLY,
    PRACTICE,
    RELATED_THEME,
    SAME_COUNTRY,
    SAME_PARENT_REGION,
    SAME_REGION,
    SHARED_MEMBER,
    Ally,
    Reason,
    pool_size,
)

if TYPE_CHECKING:
    from tejido.core.catalog.allies.index import Posting, Profile, Vector
    from tejido.core.model.model import Ref


class Ranking:
    """The queries of `index.AllyIndex`, which provides what is declared here."""

    themes: Terms
    regions: Terms
    refs: tuple[Ref, ...]
    profiles: tuple[Profile, ...]
    vectors: tuple[Vector, ...]
    triples: Mapping[tuple[str, str, str], Posting]
    pairs: Mapping[tuple[str, str, str], Posting]
    singles: Mapping[tuple[str, str], Posting]
    by_theme: Mapping[str, Posting]
    family: Mapping[str, Posting]
    practiced: Mapping[str, Posting]
    practiced_in: Mapping[tuple[str, str], Posting]
    in_region: Mapping[str, Posting]
    _shared: dict[tuple[str, int, int], Reason]

    # -- the candidate pool ---------------------------------------------------------

    def _pool(self, target: Profile, limit: int) -> tuple[int, ...]:
        """Whole tiers of candidates, the most promising first, until the pool holds
        `POOL_PER_ALLY * limit`; never more than `pool_size(limit)`."""
        enough, most = limit * POOL_PER_ALLY, pool_size(limit)
        pool: dict[int, None] = {target.rank: None}
        for tier in self._tiers(target):
            for posting in tier:
                if len(pool) + len(posting) <= most:
                    pool.update(dict.fromkeys(posting))
                    continue
                for index in posting:
                    pool[index] = None
                    if len(pool) > most:
                        return tuple(pool)[1:]
            if len(pool) > enough:
                break
        return tuple(pool)[1:]

    def _tiers(self, target: Profile) -> Iterator[Iterable[Posting]]:
        """Lists of candidates in tiers, in the order that loses least against scoring
        everyone (`bench/allies_time.py --check`); each comment is the least score
        its candidates can have."""
        yield self._neighbours(target)
        themes = self.themes.names(target.themes)
        pairs = tuple(combinations(themes, 2))
        regions = self.regions
        near = regions.names(target.regions & regions.specific)
        parents = regions.names(target.region_up & ~regions.roots & ~target.regions)
        countries = regions.names(target.region_up & regions.roots & ~regions.specific)
        yield (self.triples.get(triple, ()) for triple in combinations(themes, 3))  # ≥ 9
        yield (self.pairs.get((a, b, g), ()) for g in near for a, b in pairs)         # ≥ 9
        yield (self.practiced_in.get((t, g), ()) for g in near for t in themes)       # ≥ 5
        yield (self.pairs.get((a, b, g), ()) for g in parents for a, b in pairs)      # ≥ 9
        for level in (near, parents, countries):                                     # ≥ 6, 6, 4
            yield (self.singles.get((t, g), ()) for g in level for t in themes)
        yield (self.by_theme.get(t, ()) for t in themes)                              # ≥ 3
        yield (self.practiced.get(t, ()) for t in themes)                             # ≥ 2
        broader = self.themes.names(target.theme_up & ~target.themes)
        yield (self.family.get(t, ()) for t in (*themes, *broader))                   # ≥ 1
        if not themes:
            yield (self.in_region.get(g, ()) for g in (*near, *parents))

    def _neighbours(self, target: Profile) -> Iterator[Posting]:
        """Entries related through networks: few, and often the best suggestions."""
        yield target.network_list
        for network in target.network_list:
            yield self.profiles[network].participant_list
        yield target.participant_list
        for member in target.participant_list:
            yield self.profiles[member].network_list

    # -- scoring --------------------------------------------------------------------

    def _rank(self, target: Profile, pool: Sequence[int], limit: int) -> tuple[Ally, ...]:
        stride = len(self.refs)
        allies = []
        for key in sorted(self._scores(target, pool))[:limit]:
            negative, index = divmod(key, stride)
            allies.append(Ally(self.refs[index], float(-negative),
                               self._reasons(target, self.profiles[index])))
        return tuple(allies)

    def _scores(self, target: Profile, pool: Iterable[int]) -> list[int]:
        """For each candidate in the pool worth suggesting, -score * len(refs) + rank:
        one int, so sorting gives the best first, ties in name order.

        The arithmetic of `_reasons`, inlined: this loop is the cost of a query."""
        stride = len(self.refs)
        vectors, closure = self.vectors, self.themes.closure
        outside: dict[int, int] = {0: ~0}  # shared themes -> all but them and their ancestors
        most_specific = self.themes.most_specific if self.themes.deep else None
        specific, roots = self.regions.specific, self.regions.roots
        themes, theme_up, regions, region_up = (
            target.themes, target.theme_up, target.regions, target.region_up)
        networks, participants = target.networks, target.participants
        found = []
        for index in pool:
            c_themes, c_up, c_regions, c_places, c_practiced, c_networks, c_members = (
                vectors[index])
            exact = themes & c_themes
            score = EXACT_THEME * exact.bit_count()
            away = outside.get(exact)
            if away is None:
                away = outside[exact] = ~closure(exact)
            related = theme_up & c_up & away
            if related:
                if most_specific:
                    related = most_specific(related)
                score += (RELATED_THEME * related.bit_count()
                          + NESTED_EXTRA * (related & (themes | c_themes)).bit_count())
            if themes & c_practiced:
                score += PRACTICE
            if networks and c_networks:
                score += NETWORK * min(MAX_NETWORKS, len(networks & c_networks))
            if participants and c_members:
                score += SHARED_MEMBER * min(MAX_SHARED_MEMBERS, len(participants & c_members))
            if not score and themes:
                continue
            shared = region_up & c_places
            if shared:
                score += (SAME_REGION if shared & regions & c_regions & specific
                          else SAME_PARENT_REGION if shared & ~roots else SAME_COUNTRY)
            if score >= MIN_SCORE:
                found.append(index - score * stride)
        return found

    def _reasons(self, target: Profile, candidate: Profile) -> tuple[Reason, ...]:
        """The reasons, in a fixed order; their weights add up to the score."""
        found: list[Reason] = []
        self._theme_reasons(target, candidate, found)
        self._region_reason(target, candidate, found)
        self._network_reasons(target, candidate, found)
        matched = target.themes & candidate.practiced
        if matched:
            practices = tuple(ref for ref, mask in candidate.practices if mask & target.themes)
            found.append(Reason("practice", float(PRACTICE), self.themes.names(matched), practices))
        if target.participants or candidate.participants or target.allied:
            found.extend(_relations(target, candidate))
        return tuple(found)

    def _reason(self, kind: str, weight: int, mask: int) -> Reason:
        """The reason of `kind` about the terms in `mask`, shared (few objects to keep)."""
        key = (kind, weight, mask)
        found = self._shared.get(key)
        if found is None:
            terms = self.regions if kind == "region" else self.themes
            found = self._shared[key] = Reason(kind, float(weight), terms.names(mask))
        return found

    def _theme_reasons(self, target: Profile, candidate: Profile, found: list[Reason]) -> None:
        exact = target.themes & candidate.themes
        if exact:
            found.append(self._reason("themes", EXACT_THEME * exact.bit_count(), exact))
        related = target.theme_up & candidate.theme_up & ~self.themes.closure(exact)
        if related:
            related = self.themes.most_specific(related)
            nested = related & (target.themes | candidate.themes)
            weight = RELATED_THEME * related.bit_count() + NESTED_EXTRA * nested.bit_count()
            found.append(self._reason("related-themes", weight, related))

    def _region_reason(self, target: Profile, candidate: Profile, found: list[Reason]) -> None:
        shared = target.region_up & candidate.region_up
        if not shared:
            return
        regions = self.regions
        same = shared & target.regions & candidate.regions & regions.specific
        if same:
            found.append(self._reason("region", SAME_REGION, same))
        elif shared & ~regions.roots:
            parents = regions.most_specific(shared & ~regions.roots)
            found.append(self._reason("region", SAME_PARENT_REGION, parents))
        else:
            found.append(self._reason("region", SAME_COUNTRY, shared & regions.roots))

    def _network_reasons(self, target: Profile, candidate: Profile,
                         found: list[Reason]) -> None:
        shared = target.networks and sorted(target.networks & candidate.networks)
        if shared:
            found.append(Reason("network", float(NETWORK * min(MAX_NETWORKS, len(shared))),
                                refs=tuple(self.refs[i] for i in shared)))
        members = target.participants and sorted(target.participants & candidate.participants)
        if members:
            found.append(Reason("shared-members",
                                float(SHARED_MEMBER * min(MAX_SHARED_MEMBERS, len(members))),
                                refs=tuple(self.refs[i] for i in members)))


def _relations(target: Profile, candidate: Profile) -> Iterator[Reason]:
    """Relations that already exist: named, never weighed."""
    for kind, yes in (
        ("member", candidate.rank in target.members),
        ("convenor", candidate.rank in target.convenors),
        ("has-member", target.rank in candidate.members),
        ("convened", target.rank in candidate.convenors),
        ("alliance", candidate.rank in target.allied),
    ):
        if yes:
            yield Reason(kind, 0.0)
