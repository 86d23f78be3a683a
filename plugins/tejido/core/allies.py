"""Likely allies of an organization or network, ranked, each with its reasons in words.

Only organizations and networks are targets and candidates.  A candidate's
score is the sum of the weights of its reasons:

| reason           | when                                                           | weight     |
|------------------|----------------------------------------------------------------|------------|
| `themes`         | each theme both list                                           | 3 each     |
| `related-themes` | each broader theme reached only through other themes: one      | 2 each     |
|                  | lists it and the other a sub-theme of it · else both list      | 1 each     |
|                  | different sub-themes of it (siblings)                          |            |
| `region`         | the same region: state, sub-region, or a country the taxonomy  | 4          |
|                  | does not divide · else the same state (the closest shared      | 3          |
|                  | region below a country) · else only the same country           | 1          |
| `network`        | two organizations in the same network (member or convenor)     | 2 each, ≤2 |
| `shared-members` | two networks with member organizations in common               | 1 each, ≤3 |
| `practice`       | the candidate ran a practice (a network: a practice came from  | 2          |
|                  | it) in one of the target's themes or in a sub-theme of one     |            |
| `member`, `convenor`, `has-member`, `convened`, `alliance` | already related      | 0          |

Only the closest region level counts.  A suggestion needs `MIN_SCORE` (3) and
something besides place: a shared region alone is not a reason to ally (except
in `allies_for` with no theme chosen).  Relations that already exist (a network
and its members, a declared alliance) are kept and named but never boosted: the
entry's page lists them already, and the suggestions are for finding new allies.
Ties are broken by name in the default language, then id, then kind.

Cost: `AllyIndex.build` computes once per catalog each candidate's themes and
regions as bit masks, and inverted lists keyed by three themes, by two themes
and a region, by a theme and a region, by a practice's theme and a region.  A
query gathers candidates tier by tier from those lists, the most specific first
(entries in its networks; three shared themes; two shared themes in the same
region; practices in its themes nearby; ...), stops after the tier that
brings the pool to `POOL_PER_ALLY * limit`, never takes more than
`pool_size(limit)`, and scores only those: a call costs the same in a catalog of
any size.  In a small catalog every candidate with a signal fits in the pool, so
the ranking is exact; in a large one an entry outside the pool may outscore the
last suggestion (`bench/allies_time.py --check` measures how often).
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from types import MappingProxyType
from typing import Any

from .catalog import Catalog
from .fields import DEFAULT_LANGUAGE
from .labels import label
from .model import Entry, Ref
from .taxonomy import Taxonomy
from .views import LinkView, Views

KINDS = ("organization", "network")

EXACT_THEME = 3
RELATED_THEME = 1
NESTED_THEME = 2
NESTED_EXTRA = NESTED_THEME - RELATED_THEME
SAME_REGION = 4
SAME_PARENT_REGION = 3
SAME_COUNTRY = 1
NETWORK = 2
MAX_NETWORKS = 2
SHARED_MEMBER = 1
MAX_SHARED_MEMBERS = 3
PRACTICE = 2
MIN_SCORE = 3

POOL_PER_ALLY = 8
"""A query adds whole tiers of candidates until it has this many per ally asked for…"""
POOL_CAP_PER_ALLY = 16
MIN_POOL = 64
"""…and never scores more than this many per ally (nor fewer than MIN_POOL in all)."""
NEIGHBOUR_CAP = 64
"""At most this many members of one network are taken as candidates."""


@dataclass(frozen=True)
class Reason:
    """Why a candidate is suggested: a kind, the weight it adds, the terms or entries involved."""

    kind: str
    weight: float
    terms: tuple[str, ...] = ()
    """Theme ids (`themes`, `related-themes`, `practice`) or region ids (`region`)."""
    refs: tuple[Ref, ...] = ()
    """Networks (`network`), shared members (`shared-members`) or practices (`practice`)."""


@dataclass(frozen=True)
class Ally:
    ref: Ref
    score: float
    """The sum of the weights of the reasons."""
    reasons: tuple[Reason, ...]


def pool_size(limit: int) -> int:
    """How many candidates one query scores at most."""
    return max(MIN_POOL, limit * POOL_CAP_PER_ALLY)


# --- terms as bit masks -----------------------------------------------------------------


def _bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _union(masks: Iterable[int]) -> int:
    found = 0
    for mask in masks:
        found |= mask
    return found


@dataclass(frozen=True)
class _Terms:
    """The terms of one taxonomy as bits, so comparing two entries costs a few int operations."""

    ids: tuple[str, ...]
    bit: Mapping[str, int]
    up: tuple[int, ...]
    """For each bit: the term and its ancestors."""
    roots: int
    specific: int
    """Terms below the roots, and roots with no children (a country without states)."""
    deep: bool
    """Whether some term has a grandparent (else `most_specific` changes nothing that
    scoring meets, and the scoring loop skips it)."""
    _closure: dict[int, int] = field(default_factory=lambda: {0: 0})
    _above: dict[int, int] = field(default_factory=dict)
    _names: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, tax: Taxonomy) -> _Terms:
        ids = tuple(term.id for term in tax)
        bit = MappingProxyType({term_id: index for index, term_id in enumerate(ids)})
        up = tuple(sum(1 << bit[t] for t in (term_id, *tax.ancestors(term_id))) for term_id in ids)
        roots = sum(1 << bit[t] for t in tax.roots())
        leaves = sum(1 << bit[t] for t in ids if not tax.children.get(t))
        every = (1 << len(ids)) - 1
        deep = any(len(tax.ancestors(t)) > 1 for t in ids)
        return cls(ids, bit, up, roots, (every & ~roots) | leaves, deep)

    def mask(self, terms: Iterable[str]) -> int:
        return sum(1 << self.bit[t] for t in set(terms) if t in self.bit)

    def closure(self, mask: int) -> int:
        """The terms and all their ancestors."""
        found = self._closure.get(mask)
        if found is None:
            found = self._closure[mask] = _union(self.up[index] for index in _bits(mask))
        return found

    def most_specific(self, mask: int) -> int:
        """Leave out the terms that are ancestors of other terms in the mask."""
        above = self._above.get(mask)
        if above is None:
            above = self._above[mask] = _union(self.up[i] & ~(1 << i) for i in _bits(mask))
        return mask & ~above

    def names(self, mask: int) -> tuple[str, ...]:
        """Term ids in taxonomy order."""
        found = self._names.get(mask)
        if found is None:
            found = self._names[mask] = tuple(self.ids[index] for index in _bits(mask))
        return found


# --- what the index knows about each candidate -----------------------------------------


Vector = tuple[int, int, int, int, int, frozenset[int], frozenset[int]]
"""themes, theme_up, regions, region_up, practiced, networks, participants."""


@dataclass(frozen=True)
class _Profile:
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


def ally_order(entry: Entry) -> tuple[str, str, str]:
    return entry.name(DEFAULT_LANGUAGE).casefold(), entry.id, entry.kind


@dataclass(frozen=True)
class _Builder:
    catalog: Catalog
    themes: _Terms
    regions: _Terms
    rank: Mapping[Ref, int]

    def links(self, ref: Ref) -> dict[str, list[Ref]]:
        found: dict[str, list[Ref]] = defaultdict(list)
        for link in self.catalog.links.get(ref, ()):
            found[link.name].append(link.target)
        return found

    def ranks(self, links: Mapping[str, list[Ref]], *names: str) -> frozenset[int]:
        return frozenset(self.rank[ref] for name in names for ref in links.get(name, ())
                         if ref in self.rank)

    def profile(self, entry: Entry) -> _Profile:
        ref, themes, links = entry.ref, self.themes, self.links(entry.ref)
        practices = tuple(
            (practice, themes.closure(themes.mask(self.catalog.entries[practice].themes)))
            for practice in (*links.get("ran", ()), *links.get("network_practice", ()))
            if practice in self.catalog.entries
        )
        practiced = _union(mask for _, mask in practices)
        theme_mask, region_mask = themes.mask(entry.themes), self.regions.mask(entry.regions)
        members, convenors = self.ranks(links, "has_member"), self.ranks(links, "convened_by")
        networks = self.ranks(links, "member_of", "convenes")
        return _Profile(
            rank=self.rank[ref], themes=theme_mask, theme_up=themes.closure(theme_mask),
            regions=region_mask, region_up=self.regions.closure(region_mask),
            practiced=practiced, practices=practices,
            networks=networks, network_list=tuple(sorted(networks)),
            members=members, convenors=convenors, participants=members | convenors,
            participant_list=tuple(sorted(members | convenors))[:NEIGHBOUR_CAP],
            allied=self.ranks(links, "alliance"),
        )

    def post(self, lists: Mapping[str, defaultdict[Any, list[int]]], profile: _Profile) -> None:
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


def _freeze(table: Mapping[Any, list[int]]) -> Mapping[Any, Posting]:
    return MappingProxyType({key: tuple(ranks) for key, ranks in table.items()})


@dataclass(frozen=True)
class AllyIndex:
    """Everything `find_allies` needs, computed once per catalog."""

    themes: _Terms
    regions: _Terms
    refs: tuple[Ref, ...]
    """Every candidate in name order; a candidate's rank is its position here."""
    rank: Mapping[Ref, int]
    profiles: tuple[_Profile, ...]
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
        builder = _Builder(catalog, _Terms.of(catalog.taxonomies["themes"]),
                           _Terms.of(catalog.taxonomies["regions"]), rank)
        profiles = tuple(builder.profile(entry) for entry in entries)
        lists: dict[str, defaultdict[Any, list[int]]] = {
            name: defaultdict(list) for name in TABLES}
        for profile in profiles:
            builder.post(lists, profile)
        tables = {name: _freeze(lists[name]) for name in TABLES}
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
        target = _Profile(-1, theme_mask, self.themes.closure(theme_mask),
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

    def _target(self, ref: Ref) -> _Profile | None:
        index = self.rank.get(ref)
        return None if index is None else self.profiles[index]

    # -- the candidate pool ---------------------------------------------------------

    def _pool(self, target: _Profile, limit: int) -> tuple[int, ...]:
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

    def _tiers(self, target: _Profile) -> Iterator[Iterable[Posting]]:
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

    def _neighbours(self, target: _Profile) -> Iterator[Posting]:
        """Entries related through networks: few, and often the best suggestions."""
        yield target.network_list
        for network in target.network_list:
            yield self.profiles[network].participant_list
        yield target.participant_list
        for member in target.participant_list:
            yield self.profiles[member].network_list

    # -- scoring --------------------------------------------------------------------

    def _rank(self, target: _Profile, pool: Sequence[int], limit: int) -> tuple[Ally, ...]:
        stride = len(self.refs)
        allies = []
        for key in sorted(self._scores(target, pool))[:limit]:
            negative, index = divmod(key, stride)
            allies.append(Ally(self.refs[index], float(-negative),
                               self._reasons(target, self.profiles[index])))
        return tuple(allies)

    def _scores(self, target: _Profile, pool: Iterable[int]) -> list[int]:
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

    def _reasons(self, target: _Profile, candidate: _Profile) -> tuple[Reason, ...]:
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

    def _theme_reasons(self, target: _Profile, candidate: _Profile, found: list[Reason]) -> None:
        exact = target.themes & candidate.themes
        if exact:
            found.append(self._reason("themes", EXACT_THEME * exact.bit_count(), exact))
        related = target.theme_up & candidate.theme_up & ~self.themes.closure(exact)
        if related:
            related = self.themes.most_specific(related)
            nested = related & (target.themes | candidate.themes)
            weight = RELATED_THEME * related.bit_count() + NESTED_EXTRA * nested.bit_count()
            found.append(self._reason("related-themes", weight, related))

    def _region_reason(self, target: _Profile, candidate: _Profile, found: list[Reason]) -> None:
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

    def _network_reasons(self, target: _Profile, candidate: _Profile,
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


def _relations(target: _Profile, candidate: _Profile) -> Iterator[Reason]:
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


# --- the rules the browser's finder applies (tejido-allies.js reads them) ------------------

FINDER_LIMIT = 20
"""How many allies the directory's finder shows (and `allies_for` returns)."""
FINDER_WEIGHTS: Mapping[str, int] = MappingProxyType({
    "themes": EXACT_THEME, "related-themes": RELATED_THEME, "nested-theme": NESTED_THEME,
    "region": SAME_REGION, "parent-region": SAME_PARENT_REGION, "country": SAME_COUNTRY,
    "practice": PRACTICE,
})


def finder_rules(catalog: Catalog) -> dict[str, object]:
    """What `allies_for` weighs, as data for the browser: it applies these, so the two
    rank alike (a browser test compares them over many generated catalogs)."""
    regions = _Terms.of(catalog.taxonomies["regions"])
    return {"kinds": list(KINDS), "weights": dict(FINDER_WEIGHTS), "min": MIN_SCORE,
            "limit": FINDER_LIMIT, "specific": list(_bits(regions.specific))}


# --- the public functions -----------------------------------------------------------------

_LAST: list[tuple[weakref.ref[Catalog], object, AllyIndex, object]] = []


def ally_inputs(catalog: Catalog) -> object:
    """Everything of a catalog the index is built from: the candidates' names, themes,
    regions and links, the practices' themes, and the two taxonomies' shape."""
    candidates = tuple((entry.ref, ally_order(entry), entry.themes, entry.regions,
                        catalog.links.get(entry.ref, ()))
                       for kind in KINDS for entry in catalog.of_kind(kind))
    practices = tuple((entry.ref, entry.themes) for entry in catalog.of_kind("practice"))
    terms = tuple((name, tuple((t.id, t.parent) for t in catalog.taxonomies[name]))
                  for name in ("themes", "regions"))
    return candidates, practices, terms


def index_for(catalog: Catalog) -> AllyIndex:
    """The index of the catalog, built on first use and kept for the last catalog seen.
    A new catalog of the same shape, or whose ally inputs are the same (the preview,
    after an edit of a summary or a label), keeps the index: its answers are the same."""
    if _LAST and (_LAST[0][0]() is catalog or _LAST[0][3] is catalog.shape):
        return _LAST[0][2]
    inputs = ally_inputs(catalog)
    index = _LAST[0][2] if _LAST and _LAST[0][1] == inputs else AllyIndex.build(catalog)
    _LAST[:] = [(weakref.ref(catalog), inputs, index, catalog.shape)]
    return index


def find_allies(catalog: Catalog, ref: Ref, limit: int = 8) -> tuple[Ally, ...]:
    """The likely allies of an organization or network, best first; () for other kinds."""
    return index_for(catalog).find(ref, limit)


def allies_for(catalog: Catalog, themes: Iterable[str], regions: Iterable[str],
               limit: int = FINDER_LIMIT) -> tuple[Ally, ...]:
    """Organizations and networks for chosen themes and regions (ids or ISO codes).

    The same scoring as `find_allies`, without the network signal.  An unknown
    term raises `ValueError` naming it."""
    return index_for(catalog).for_terms(_resolve(catalog, "themes", themes),
                                        _resolve(catalog, "regions", regions), limit)


def _resolve(catalog: Catalog, taxonomy: str, words: Iterable[str]) -> tuple[str, ...]:
    tax = catalog.taxonomies[taxonomy]
    resolved = []
    for word in words:
        term = tax.resolve(word)
        if term is None:
            raise ValueError(f"unknown term in {taxonomy}: {word!r}")
        resolved.append(term)
    return tuple(resolved)


# --- words ----------------------------------------------------------------------------------


SHOWN_REFS = 3
"""A reason names at most this many entries, then says how many more."""


def phrase(lang: str, key: str, **values: object) -> str:
    """Interface text of this module (the reasons and the allies section) in a language."""
    return label(lang, key if key.startswith("allies.") else f"allies.{key}", **values)


def reason_text(reason: Reason, lang: str, catalog: Catalog) -> str:
    """The reason in words, as plain text (escape it before it goes into HTML)."""
    if reason.terms:
        terms = catalog.taxonomies["regions" if reason.kind == "region" else "themes"].terms
        items = [terms[t].label(lang) for t in reason.terms]
        shown = ", ".join(items)
    else:
        items = [catalog.entries[r].name(lang) for r in reason.refs if r in catalog.entries]
        shown = ", ".join(items[:SHOWN_REFS])
        if len(items) > SHOWN_REFS:
            shown = phrase(lang, "more", items=shown, count=len(items) - SHOWN_REFS)
    key = reason.kind
    if key in ("themes", "shared-members"):
        key += ".one" if len(items) == 1 else ".many"
    return phrase(lang, key, count=len(items), items=shown)


@dataclass(frozen=True)
class AllyView:
    link: LinkView
    kind_label: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AlliesView:
    """The allies section of an entry page, for `tejido/partials/allies.html`."""

    title: str
    intro: str
    none: str
    items: tuple[AllyView, ...]


def allies_view(v: Views, allies: Sequence[Ally]) -> AlliesView:
    items = tuple(
        AllyView(v.link(ally.ref), v.t(f"kind.{ally.ref.kind}"),
                 tuple(reason_text(r, v.lang, v.catalog) for r in ally.reasons))
        for ally in allies)
    return AlliesView(phrase(v.lang, "allies.title"), phrase(v.lang, "allies.intro"),
                      phrase(v.lang, "allies.none"), items)


__all__ = [
    "KINDS",
    "AlliesView",
    "Ally",
    "AllyIndex",
    "AllyView",
    "Reason",
    "allies_for",
    "allies_view",
    "find_allies",
    "finder_rules",
    "index_for",
    "phrase",
    "pool_size",
    "reason_text",
]
