"""Tile maps: for each country whose states have organizations, one square per state
(`model/tilegrid.py`), shaded by how many organizations work there (`catalog/tilecount.py`), each a
link to the state's page, with the same numbers as a table.

A page turns the counts, made once per catalog, into a view in its language with links
relative to it.  A state links to its page only when it has one (some entry works
there): never to an empty page.  A country without a layout gets the table alone (see
`TileMapView.tiles`); one that names only the whole country is said in the caption.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from tejido.core.catalog.tilecount import (
    CountryTally,
    StateTally,
    country_of_place,
    main_country,
    step,
    steps,
    subdivisions,
    tallies,
)
from tejido.core.i18n.locale import number
from tejido.core.i18n.text import sort_key
from tejido.core.model.places import Place
from tejido.core.model.regions import by_name
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.model.tilegrid import Cell, grid, unit_of
from tejido.core.outputs.views import TermView, Views

WIDE = 7
"""Columns beyond which a map's squares are too small on a 320 px phone for two lines."""
TILE, GAP = 46, 4
"""A square's side and the space between squares, in SVG units (pixels at full size)."""


@dataclass(frozen=True)
class TileView:
    code: str
    short: str
    name: str
    """In the reader's language."""
    count: int
    shown: str
    """The count as the reader's language writes numbers."""
    label: str
    """The accessible name: 'Oaxaca: 12 organizaciones'."""
    step: int
    href: str
    """The state's page, or '' when it has none."""
    term: str
    """The region term ('' when the catalog does not use the state): the directory's
    place picker filters by it."""
    x: int
    y: int
    current: str = ""
    """'page' on the state's own page, 'location' on the page of a place within it."""


@dataclass(frozen=True)
class RowView:
    name: str
    href: str
    count: str
    current: bool = False


@dataclass(frozen=True)
class LegendView:
    step: int
    text: str


@dataclass(frozen=True)
class TileMapView:
    id: str
    """Unique on the page: ids of the title, description and table hang from it."""
    title: str
    desc: str
    notes: tuple[str, ...]
    """The caption: how organizations are counted, those of the whole country."""
    tiles: tuple[TileView, ...]
    """Empty when the country has no layout: then the table alone (and a note says so)."""
    width: int
    height: int
    legend_title: str
    legend: tuple[LegendView, ...]
    table_caption: str
    name_header: str
    count_header: str
    rows: tuple[RowView, ...]
    """States with organizations, most first."""
    rest: str
    """'Sin organizaciones: 25 estados.'"""
    picker: bool = False
    """In the directory: a tile filters the directory by its place (tejido-directory.js);
    its link stays the way in without JavaScript."""
    wide: bool = False
    """More columns than a small phone shows with legible counts (the counts then hide)."""
    within: bool = False
    """Shown on the page of a place within the country (a state, a sub-region): the map
    locates it, after the page's entries; a country's own page shows it first."""


def _organizations(v: Views, count: int) -> str:
    if count == 0:
        return v.t("tilemap.organizations.none")
    if count == 1:
        return v.t("tilemap.organizations.one")
    return v.t("tilemap.organizations.many", count=number(v.lang, count))


def _state_name(v: Views, tax: Taxonomy, state: StateTally, places: Mapping[str, Place]) -> str:
    if state.term and state.term in tax.terms:
        return tax.terms[state.term].label(v.lang)
    place = places[state.code]
    return place.es if v.lang == "es" else place.en


@cache
def _cells(country: str) -> Mapping[str, Cell]:
    layout = grid(country)
    return MappingProxyType({c.code: c for c in layout.cells} if layout else {})


def _current(tax: Taxonomy, state: StateTally, here: str | None) -> str:
    if here is None or state.term is None:
        return ""
    if here == state.term:
        return "page"
    return "location" if here in tax.terms and state.term in tax.ancestors(here) else ""


def _tile(v: Views, tally: CountryTally, state: StateTally, name: str, current: str,
          ) -> TileView | None:
    cell = _cells(tally.country).get(state.code)
    if cell is None:
        return None
    label = v.t("tilemap.tile", name=name, count=_organizations(v, state.organizations))
    if current == "page":
        label += " " + v.t("tilemap.here")
    href = v.href(v.urls.page("regions", state.term, v.lang)) if (
        state.has_page and state.term) else ""
    return TileView(state.code, cell.short, name, state.organizations,
                    number(v.lang, state.organizations), label,
                    step(state.organizations, tally.top), href, state.term or "",
                    cell.col * (TILE + GAP), cell.row * (TILE + GAP), current)


def _notes(v: Views, tally: CountryTally, unit: str, country: str) -> tuple[str, ...]:
    tax = v.catalog.taxonomies["regions"]
    notes = []
    if tally.example:
        part, state = (tax.terms[t].label(v.lang) for t in tally.example)
        notes.append(v.t("tilemap.counting.part", unit=v.t(f"tilemap.unit.{unit}.one"),
                         part=part, state=state))
    else:
        notes.append(v.t("tilemap.counting", unit=v.t(f"tilemap.unit.{unit}.one")))
    if tally.whole:
        key = "tilemap.whole.one" if tally.whole == 1 else "tilemap.whole.many"
        notes.append(v.t(key, count=number(v.lang, tally.whole)))
    if grid(tally.country) is None:
        notes.append(v.t("tilemap.nomap", country=country))
    return tuple(notes)


def _legend(v: Views, top: int) -> tuple[LegendView, ...]:
    def text(low: int, high: int) -> str:
        if low == high:
            return number(v.lang, low)
        return f"{number(v.lang, low)}–{number(v.lang, high)}"
    return tuple(LegendView(shade, text(low, high)) for shade, low, high in steps(top))


def tile_map(v: Views, country: str, here: str | None = None,
             picker: bool = False) -> TileMapView | None:
    """The map of a country (alpha-2) for the page `v` builds, or None when no state of
    it has organizations; `here` is the region term of the page (its state is marked)."""
    tally = tallies(v.catalog).get(country)
    if tally is None:
        return None
    tax = v.catalog.taxonomies["regions"]
    places = {p.code: p for p in subdivisions()[country]}
    unit = unit_of(country)
    country_name = tax.terms[tally.term].label(v.lang)
    names = {s.code: _state_name(v, tax, s, places) for s in tally.states}
    tiles = []
    for state in tally.states:
        tile = _tile(v, tally, state, names[state.code], _current(tax, state, here))
        if tile is not None:
            tiles.append(tile)
    layout = grid(country)
    width = layout.cols * (TILE + GAP) - GAP if layout else 0
    height = layout.rows * (TILE + GAP) - GAP if layout else 0
    counted = sorted((s for s in tally.states if s.organizations),
                     key=lambda s: (-s.organizations, sort_key(names[s.code], v.lang)))
    rows = tuple(RowView(names[s.code], v.href(v.urls.page("regions", s.term, v.lang))
                         if s.term and s.has_page else "", number(v.lang, s.organizations),
                         _current(tax, s, here) == "page") for s in counted)
    rest = len(tally.states) - len(counted)
    units = v.t(f"tilemap.unit.{unit}.{'one' if rest == 1 else 'many'}")
    return TileMapView(
        id=f"tj-map-{country.lower()}",
        title=v.t("tilemap.title", country=country_name,
                  unit=v.t(f"tilemap.unit.{unit}.one")),
        desc=v.t("tilemap.desc", unit=v.t(f"tilemap.unit.{unit}.one")),
        notes=_notes(v, tally, unit, country_name), tiles=tuple(tiles),
        width=width, height=height, legend_title=v.t("tilemap.legend"),
        legend=_legend(v, tally.top), table_caption=v.t(
            "tilemap.table", country=country_name, unit=v.t(f"tilemap.unit.{unit}.one")),
        name_header=v.t(f"tilemap.unit.{unit}.title"), count_header=v.t("kinds.organization"),
        rows=rows, rest=v.t("tilemap.rest", count=number(v.lang, rest), units=units)
        if rest else "",
        picker=picker, wide=bool(layout and layout.cols > WIDE),
        within=here is not None and here != tally.term)


def countries_by_name(v: Views) -> tuple[str, ...]:
    """The countries with a map, by name in the reader's language."""
    found = tallies(v.catalog)
    terms = {t.term: code for code, t in found.items()}
    return tuple(terms[t] for t in by_name(v.catalog.taxonomies["regions"], terms, v.lang))


def place_map(v: Views, taxonomy: str, term: str) -> TileMapView | None:
    """On a region's page: a country's map of its states; a state's (or a sub-region's)
    map of its country with the state marked."""
    if taxonomy != "regions":
        return None
    country = country_of_place(v.catalog, term)
    return tile_map(v, country, here=term) if country else None


@dataclass(frozen=True)
class HomeMaps:
    main: TileMapView | None
    others: tuple[TermView, ...]
    """The other countries with a map: links to their pages, which show it."""


def home_maps(v: Views) -> HomeMaps:
    """The home shows the map of the catalog's main country and links to the others."""
    main = main_country(v.catalog)
    found = tallies(v.catalog)
    others = tuple(v.term("regions", found[c].term) for c in countries_by_name(v) if c != main)
    return HomeMaps(tile_map(v, main) if main else None, others)


def picker_maps(v: Views) -> tuple[TileMapView, ...]:
    """The directory's place picker: every country's map, the main country first."""
    main = main_country(v.catalog)
    ordered = sorted(countries_by_name(v), key=lambda country: country != main)
    return tuple(m for c in ordered if (m := tile_map(v, c, picker=True)) is not None)


__all__ = ["HomeMaps", "LegendView", "RowView", "TileMapView", "TileView", "countries_by_name",
           "home_maps", "picker_maps", "place_map", "tile_map"]
