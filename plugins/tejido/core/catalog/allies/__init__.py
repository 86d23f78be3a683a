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

Modules: `rules` (weights, limits, what the browser applies), `masks` (terms as
bits), `index` (building the index, once per catalog, which the catalog keeps),
`ranking` (the candidate pool and scoring), `wording` (reasons in words).
"""

from __future__ import annotations

from collections.abc import Iterable

from tejido.core.catalog.allies.index import AllyIndex, ally_order
from tejido.core.catalog.allies.rules import (
    FINDER_LIMIT,
    KINDS,
    MIN_SCORE,
    Ally,
    Reason,
    finder_rules,
    pool_size,
)
from tejido.core.catalog.allies.wording import (
    AlliesView,
    AllyView,
    allies_view,
    phrase,
    reason_text,
)
from tejido.core.catalog.catalog import Catalog
from tejido.core.model.model import Ref


def index_for(catalog: Catalog) -> AllyIndex:
    """The index of the catalog, built on first use and kept by the catalog itself (it
    goes with the catalog: no module keeps one)."""
    return catalog.derived("allies", AllyIndex.build)


def find_allies(catalog: Catalog, ref: Ref, limit: int = 8) -> tuple[Ally, ...]:
    """The likely allies of an organization or network, best first; () for other kinds.
    Found once per entry, not once per language: they depend on the catalog's shape only,
    as the index does."""
    found = allies_found(catalog)
    key = (ref, limit)
    if key not in found:
        found[key] = index_for(catalog).find(ref, limit)
    return found[key]


FoundAllies = dict[tuple[Ref, int], tuple[Ally, ...]]
"""Allies by (entry, limit), as `find_allies` found them."""


def allies_found(catalog: Catalog) -> FoundAllies:
    """Every entry's allies found so far in this process.  A process that forked from
    this one and shares its catalog may send what it found back, to be added here: the
    next language's pages then find them again in no process."""
    return catalog.derived("allies-found", _no_allies)


def _no_allies(_: Catalog) -> FoundAllies:
    return {}


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


__all__ = [
    "KINDS",
    "MIN_SCORE",
    "AlliesView",
    "Ally",
    "AllyIndex",
    "AllyView",
    "FoundAllies",
    "Reason",
    "allies_for",
    "allies_found",
    "allies_view",
    "ally_order",
    "find_allies",
    "finder_rules",
    "index_for",
    "phrase",
    "pool_size",
    "reason_text",
]
