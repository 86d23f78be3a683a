"""The terms of a taxonomy as bits of an int, so comparing two entries' themes or
regions costs a few integer operations: the arithmetic scoring is made of."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tejido.core.model.taxonomy import Taxonomy


def bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def union(masks: Iterable[int]) -> int:
    found = 0
    for mask in masks:
        found |= mask
    return found


@dataclass(frozen=True)
class Terms:
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
    def of(cls, tax: Taxonomy) -> Terms:
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
            found = self._closure[mask] = union(self.up[index] for index in bits(mask))
        return found

    def most_specific(self, mask: int) -> int:
        """Leave out the terms that are ancestors of other terms in the mask."""
        above = self._above.get(mask)
        if above is None:
            above = self._above[mask] = union(self.up[i] & ~(1 << i) for i in bits(mask))
        return mask & ~above

    def names(self, mask: int) -> tuple[str, ...]:
        """Term ids in taxonomy order."""
        found = self._names.get(mask)
        if found is None:
            found = self._names[mask] = tuple(self.ids[index] for index in bits(mask))
        return found
