"""The rules of allies: the weights of every reason, the least score, the kinds ranked,
how large a candidate pool grows, and what the directory's finder in the browser
applies (`finder_rules`: tejido-allies.js reads these, so the weights live here only).
The table of reasons and weights is in the package's docstring (`allies/__init__.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from tejido.core.catalog.allies.masks import Terms, bits
from tejido.core.catalog.catalog import Catalog
from tejido.core.model.model import Ref

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
    regions = Terms.of(catalog.taxonomies["regions"])
    return {"kinds": list(KINDS), "weights": dict(FINDER_WEIGHTS), "min": MIN_SCORE,
            "limit": FINDER_LIMIT, "specific": list(bits(regions.specific))}
