"""How many organizations work in each state of each country, for the tile maps
(`outputs/pages/tilemap.py`): made from the catalog's indexes once per catalog (`Catalog.derived`).

- an organization counts for every state it works in, and for the state of a sub-region
  it names (Mixteca counts for Oaxaca): `Catalog.by_term` already holds each term with its
  descendants;
- one that names only the whole country counts for no state (`CountryTally.whole`);
- only organizations (not networks, practices or guides) are counted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from tejido.core.catalog.catalog import Catalog
from tejido.core.model.places import SUBDIVIDED, Place, all_places
from tejido.core.model.taxonomy import Taxonomy

KIND = "organization"
STEPS = 4
"""Shades besides 'none' (`tj-tile--0` … `tj-tile--4`)."""


@dataclass(frozen=True)
class StateTally:
    code: str
    """ISO 3166-2."""
    term: str | None
    """Its region term, when the catalog uses it (else no entry works there)."""
    organizations: int
    has_page: bool


@dataclass(frozen=True)
class CountryTally:
    country: str
    """ISO 3166-1 alpha-2."""
    term: str
    states: tuple[StateTally, ...]
    """Every first-level subdivision pycountry lists, by code."""
    whole: int
    """Organizations that name the country but none of its states (nor a part of one)."""
    organizations: int
    """Organizations in the country, each once."""
    example: tuple[str, str] | None = None
    """A sub-region with organizations and its state (terms), for the caption."""

    @property
    def top(self) -> int:
        return max((state.organizations for state in self.states), default=0)


@cache
def subdivisions() -> Mapping[str, tuple[Place, ...]]:
    found: dict[str, list[Place]] = {}
    for place in all_places():
        if place.code != place.country:
            found.setdefault(place.country, []).append(place)
    return MappingProxyType({country: tuple(places) for country, places in found.items()})


def _orgs(catalog: Catalog, term: str) -> frozenset[str]:
    return frozenset(ref.id for ref in catalog.by_term.get(("regions", term), ())
                     if ref.kind == KIND)


def _example(catalog: Catalog, tax: Taxonomy, states: dict[str, str]) -> tuple[str, str] | None:
    """The first sub-region (in file order) with organizations, inside one of `states`."""
    for term in tax:
        state = next((a for a in tax.ancestors(term.id) if a in states.values()), None)
        if state and term.id not in states.values() and _orgs(catalog, term.id):
            return term.id, state
    return None


def _country_tally(catalog: Catalog, tax: Taxonomy, country: str, term: str,
                   ) -> CountryTally:
    by_code = {t.iso: t.id for t in tax if t.iso}
    states = {p.code: by_code[p.code] for p in subdivisions()[country] if p.code in by_code}
    in_states: set[str] = set()
    tallied = []
    for place in subdivisions()[country]:
        state_term = states.get(place.code)
        orgs = _orgs(catalog, state_term) if state_term else frozenset()
        in_states |= orgs
        tallied.append(StateTally(place.code, state_term, len(orgs),
                                  bool(state_term and catalog.count("regions", state_term))))
    everyone = _orgs(catalog, term)
    return CountryTally(country, term, tuple(tallied), len(everyone - in_states),
                        len(everyone), _example(catalog, tax, states))


def _tallies(catalog: Catalog) -> Mapping[str, CountryTally]:
    tax = catalog.taxonomies["regions"]
    found = {}
    for term in tax:
        country = term.iso or ""
        if term.parent is None and country in SUBDIVIDED and country in subdivisions():
            tally = _country_tally(catalog, tax, country, term.id)
            if tally.top:
                found[country] = tally
    return MappingProxyType(found)


def tallies(catalog: Catalog) -> Mapping[str, CountryTally]:
    """Each country (alpha-2) with at least one organization in one of its states."""
    return catalog.derived("tilemap", _tallies)


def main_country(catalog: Catalog) -> str | None:
    """The country with the most organizations in its states (the home's map)."""
    found = tallies(catalog).values()
    best = max(found, key=lambda t: (t.organizations, t.top, t.country), default=None)
    return best.country if best else None


def step(count: int, top: int) -> int:
    """The shade of a count: 0 for none, then STEPS equal slices of 1…top."""
    return 0 if count <= 0 or top <= 0 else min(STEPS, math.ceil(STEPS * count / top))


def steps(top: int) -> tuple[tuple[int, int, int], ...]:
    """(shade, lowest, highest) of each shade some count can have, 0 first."""
    found = [(0, 0, 0)]
    for shade in range(1, STEPS + 1):
        low, high = (shade - 1) * top // STEPS + 1, shade * top // STEPS
        if low <= high:
            found.append((shade, low, high))
    return tuple(found)


def country_of_place(catalog: Catalog, term: str) -> str | None:
    """The alpha-2 code of the country a region term is in, if it has a map."""
    info = catalog.taxonomies["regions"].terms.get(term)
    country = info.country if info else None
    return country if country in tallies(catalog) else None


__all__ = ["KIND", "STEPS", "CountryTally", "StateTally", "country_of_place", "main_country",
           "step", "steps", "subdivisions", "tallies"]
