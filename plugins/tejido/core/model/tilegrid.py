"""Tile-grid layouts: one equal square per state (department, autonomous community) of a
country, at a row and column that keep it roughly where it is on the ground, as
newsrooms draw election maps.

A layout is data, `data/tilegrid/<alpha-2>.yml`, written by hand from the places' real
relative positions (never fetched, never traced from a map server):

    unit: state            # what the country calls them: state, department, community…
    tiles:
      MX-OAX: [4, 6]       # ISO 3166-2 code: [row, column]; rows north to south
      GT-17: [0, 3, PE]    # a third item: the short label, when the code's tail is none

`tests/test_tilemap.py` checks that every layout gives each first-level subdivision
pycountry lists exactly one square and that no two squares share a place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

from tejido.core.yaml_data import read_data

FOLDER = Path(__file__).parents[1] / "data" / "tilegrid"
UNITS = ("state", "department", "province", "community", "subdivision")
"""The words a caption can use for a country's subdivisions (`tilemap.unit.<word>.*`)."""
_PYCOUNTRY_UNITS = {"state": "state", "department": "department", "province": "province",
                    "autonomous community": "community"}
SHORT = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{2,3}$")
"""A letter at least: a number on a square would read as its count."""


class GridError(ValueError):
    """A layout file that is not as described above (a maintainer's mistake: the tests
    find it before any build does)."""


@dataclass(frozen=True)
class Cell:
    code: str
    """ISO 3166-2 (`MX-OAX`)."""
    row: int
    col: int
    short: str
    """Two or three letters written on the square (`OAX`)."""


@dataclass(frozen=True)
class Grid:
    country: str
    unit: str
    cells: tuple[Cell, ...]

    @property
    def rows(self) -> int:
        return 1 + max(cell.row for cell in self.cells)

    @property
    def cols(self) -> int:
        return 1 + max(cell.col for cell in self.cells)


def _cell(path: Path, code: object, place: object) -> Cell:
    if not isinstance(code, str) or not isinstance(place, list) or len(place) not in (2, 3):
        raise GridError(f"{path.name}: {code!r}: expected CODE: [row, column] or "
                        f"[row, column, LABEL], found {place!r}")
    row, col, *label = place
    if not (isinstance(row, int) and isinstance(col, int)) or row < 0 or col < 0:
        raise GridError(f"{path.name}: {code}: row and column are whole numbers from 0")
    short = str(label[0]) if label else code.partition("-")[2]
    if not SHORT.match(short):
        raise GridError(f"{path.name}: {code}: the short label {short!r} is not 2 or 3 "
                        "capital letters (digits too, but not only digits); give one as the "
                        "third item")
    return Cell(code, row, col, short)


def read_grid(path: Path) -> Grid:
    data = read_data(path)
    if not isinstance(data, dict) or not isinstance(data.get("tiles"), dict):
        raise GridError(f"{path.name}: expected `unit:` and `tiles:` (a mapping of codes)")
    unit = data.get("unit", "subdivision")
    if unit not in UNITS:
        raise GridError(f"{path.name}: unit {unit!r}; expected one of {', '.join(UNITS)}")
    cells = tuple(_cell(path, code, place) for code, place in data["tiles"].items())
    if not cells:
        raise GridError(f"{path.name}: no tiles")
    return Grid(path.stem.upper(), str(unit), cells)


@cache
def grid(country: str) -> Grid | None:
    """The layout of a country (alpha-2), if one is written."""
    path = FOLDER / f"{country.upper()}.yml"
    return read_grid(path) if path.is_file() else None


def grid_countries() -> tuple[str, ...]:
    return tuple(sorted(path.stem.upper() for path in FOLDER.glob("*.yml")))


@cache
def unit_of(country: str) -> str:
    """What a country calls its subdivisions: its layout says, or else the type
    pycountry gives most of them ('State', 'Province'…), or 'subdivision'."""
    layout = grid(country)
    if layout is not None:
        return layout.unit
    found = pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
    types = Counter(str(sub.type).lower() for sub in found if sub.parent_code is None)
    common = types.most_common(1)[0][0] if types else ""
    return _PYCOUNTRY_UNITS.get(common, "subdivision")


__all__ = ["FOLDER", "UNITS", "Cell", "Grid", "GridError", "grid", "grid_countries",
           "read_grid", "unit_of"]
