"""The theme × region matrix: how many organizations work on each theme in each state.

Rows are themes, each parent followed by its sub-themes (indented).  Columns are
the states of every country where at least one organization works, grouped
under their country and followed by the country's total; a country that the
taxonomy does not divide into states has a single column.  A cell counts the
organizations that list the theme or one of its sub-themes and work in the state
or one of its sub-regions (an organization in several states counts in each;
the total counts it once).  A zero stays visible as a gap: that is where nobody
works yet.

CSS hooks (the stylesheet is the theme's): `tj-scroll` (the wrapper that scrolls
sideways on a phone; focusable, so a keyboard can scroll it), `tj-matrix` (the
table), `tj-matrix__corner`, `tj-matrix__country`, `tj-matrix__region` (column
headers), `tj-matrix__theme` (row headers: the first column, meant to be
`position: sticky; left: 0`), `tj-matrix__sub` and `tj-depth-1`, `tj-depth-2`…
(rows of sub-themes), `tj-matrix__total` (a country's total column), `tj-gap`
(a zero), `tj-heat-1` … `tj-heat-4` (non-zero counts, by quarter of the largest
state count), `tj-matrix__legend`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import product

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import group, label
from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.model.regions import by_name
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import PageView, TermView, Views

FOLDER = "matriz"
"""The page lives at `matriz/` in Spanish and `en/matriz/` in English."""
HEAT_LEVELS = 4




def text(lang: str, key: str, **values: object) -> str:
    return label(lang, f"matrix.{key}", **values)


@dataclass(frozen=True)
class Column:
    region: str
    """A state; or the country itself, for its total or when it has no states."""
    country: str
    total: bool = False
    """The total of a country that has states."""

    @property
    def undivided(self) -> bool:
        """The only column of a country the taxonomy does not divide into states."""
        return self.region == self.country and not self.total


@dataclass(frozen=True)
class Matrix:
    rows: tuple[tuple[str, int], ...]
    """(theme, depth) in taxonomy order, each parent before its sub-themes."""
    columns: tuple[Column, ...]
    counts: Mapping[tuple[str, str], int]
    """(theme, region) -> organizations; missing means zero."""
    largest: int
    """The largest count in a state column (totals left out), for shading."""

    def count(self, theme: str, region: str) -> int:
        return self.counts.get((theme, region), 0)


def _upward(tax: Taxonomy) -> dict[str, tuple[str, ...]]:
    return {term.id: (term.id, *tax.ancestors(term.id)) for term in tax}


def count_organizations(catalog: Catalog) -> Counter[tuple[str, str]]:
    """(theme, region) -> organizations with the theme or a sub-theme, in the region or
    a sub-region; (theme, "") and ("", region) hold the totals of a row and a column."""
    themes = _upward(catalog.taxonomies["themes"])
    regions = _upward(catalog.taxonomies["regions"])
    counts: Counter[tuple[str, str]] = Counter()
    for entry in catalog.of_kind("organization"):
        theme_set = {up for term in entry.themes for up in themes[term]}
        region_set = {up for term in entry.regions for up in regions[term]}
        counts.update(product(theme_set | {""}, region_set | {""}))
    return counts


def _rows(tax: Taxonomy, ids: Iterable[str], depth: int = 0) -> Iterator[tuple[str, int]]:
    for term_id in ids:
        yield term_id, depth
        yield from _rows(tax, tax.children.get(term_id, ()), depth + 1)


def _columns(regions: Taxonomy, counts: Mapping[tuple[str, str], int],
             lang: str) -> Iterator[Column]:
    """Countries by name in the reader's language (wider scopes after them), each with its
    states by name; only places where an organization works."""
    roots = by_name(regions, regions.roots(), lang)
    for country in sorted(roots, key=lambda r: regions.terms[r].country is None):
        if not counts.get(("", country)):
            continue
        states = [s for s in by_name(regions, regions.children.get(country, ()), lang)
                  if counts.get(("", s))]
        for state in states:
            yield Column(state, country)
        yield Column(country, country, total=bool(states))


def build_matrix(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> Matrix:
    counts = count_organizations(catalog)
    themes = catalog.taxonomies["themes"]
    rows = tuple(_rows(themes, themes.roots()))
    columns = tuple(_columns(catalog.taxonomies["regions"], counts, lang))
    largest = max((counts.get((theme, column.region), 0) for theme, _ in rows
                   for column in columns if not column.total), default=0)
    return Matrix(rows, columns, counts, largest)


# --- the page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadCell:
    term: TermView | None
    """A country or a state; None for a country's total."""
    columns: int = 1
    rows: int = 1


@dataclass(frozen=True)
class Cell:
    count: int
    level: int
    """Shade, 1 to HEAT_LEVELS; 0 for a gap."""
    total: bool
    gap: str
    """What a zero means, for screen readers."""


@dataclass(frozen=True)
class MatrixRow:
    theme: TermView
    depth: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class MatrixView:
    countries: tuple[HeadCell, ...]
    """The first header row: countries spanning their states (or both rows)."""
    states: tuple[HeadCell, ...]
    rows: tuple[MatrixRow, ...]
    texts: Mapping[str, str]
    """The matrix's interface text (`matrix.…` keys without the prefix)."""


def _head(v: Views, matrix: Matrix) -> tuple[tuple[HeadCell, ...], tuple[HeadCell, ...]]:
    """Countries on the first row (spanning their states), states on the second; a
    country without states spans both rows instead."""
    spans: dict[str, int] = {}
    for column in matrix.columns:
        spans[column.country] = spans.get(column.country, 0) + 1
    countries = tuple(HeadCell(v.term("regions", country), span, 2 if span == 1 else 1)
                      for country, span in spans.items())
    states = tuple(HeadCell(None if column.total else v.term("regions", column.region))
                   for column in matrix.columns if not column.undivided)
    return countries, states


def _cell(v: Views, matrix: Matrix, theme: str, column: Column) -> Cell:
    count = matrix.count(theme, column.region)
    if count:
        level = min(HEAT_LEVELS, -(-HEAT_LEVELS * count // max(1, matrix.largest)))  # ceil
        return Cell(count, level, column.total, "")
    regions, themes = v.catalog.taxonomies["regions"], v.catalog.taxonomies["themes"]
    gap = text(v.lang, "gap", theme=themes.terms[theme].label(v.lang),
               region=regions.terms[column.region].label(v.lang))
    return Cell(0, 0, column.total, gap)


def matrix_view(v: Views, matrix: Matrix) -> MatrixView:
    countries, states = _head(v, matrix)
    rows = tuple(MatrixRow(v.term("themes", theme), depth,
                           tuple(_cell(v, matrix, theme, column) for column in matrix.columns))
                 for theme, depth in matrix.rows) if matrix.columns else ()
    return MatrixView(countries, states, rows, group(v.lang, "matrix."))


def matrix_page(catalog: Catalog, lang: str, urls: Urls) -> PageView:
    v = Views(catalog, urls, lang, urls.folder(FOLDER, lang))
    organizations = len(catalog.by_kind.get("organization", ()))
    counted = text(lang, "organizations.one" if organizations == 1 else "organizations.many",
                   count=organizations)
    return v.page(source=urls.source_file(FOLDER, lang), title=text(lang, "title"),
                  description=text(lang, "description"), kind="matrix",
                  templates=("tejido/matrix.html",),
                  context={"matrix": matrix_view(v, build_matrix(catalog, lang)),
                           "counted": counted})


__all__ = ["FOLDER", "Column", "Matrix", "build_matrix", "count_organizations", "matrix_page",
           "matrix_view"]
