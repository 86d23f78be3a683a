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

from . import html
from .catalog import Catalog
from .fields import DEFAULT_LANGUAGE
from .regions import by_name
from .taxonomy import Taxonomy
from .urls import Urls
from .writer import PageText, Writer

FOLDER = "matriz"
"""The page lives at `matriz/` in Spanish and `en/matriz/` in English."""
HEAT_LEVELS = 4

TEXTS: Mapping[str, Mapping[str, str]] = {
    "es": {
        "title": "Temas por región",
        "description": "Cuántas organizaciones trabajan cada tema en cada estado, y dónde no hay "
                       "ninguna todavía.",
        "intro": "Cuántas organizaciones trabajan cada tema en cada estado. Los ceros son los "
                 "huecos: lugares donde nadie trabaja ese tema todavía. Una organización que "
                 "trabaja en varios estados cuenta en cada uno; un subtema cuenta también en su "
                 "tema general.",
        "caption": "Organizaciones por tema (filas) y por estado (columnas)",
        "corner": "Tema",
        "total": "Total",
        "gap": "{theme} en {region}: ninguna organización todavía",
        "legend": "nadie todavía",
        "scroll": "Tabla de temas por región; se desplaza hacia los lados",
        "organizations.one": "1 organización",
        "organizations.many": "{count} organizaciones",
    },
    "en": {
        "title": "Themes by region",
        "description": "How many organizations work on each theme in each state, and where none "
                       "does yet.",
        "intro": "How many organizations work on each theme in each state. The zeros are the "
                 "gaps: places where nobody works on that theme yet. An organization that works "
                 "in several states counts in each; a sub-theme also counts in its broader theme.",
        "caption": "Organizations by theme (rows) and by state (columns)",
        "corner": "Theme",
        "total": "Total",
        "gap": "{theme} in {region}: no organization yet",
        "legend": "nobody yet",
        "scroll": "Table of themes by region; it scrolls sideways",
        "organizations.one": "1 organization",
        "organizations.many": "{count} organizations",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    table = TEXTS.get(lang, TEXTS[DEFAULT_LANGUAGE])
    return table[key].format(**values) if values else table[key]


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


def _head(w: Writer, matrix: Matrix) -> str:
    """Countries on the first row (spanning their states), states on the second; a
    country without states spans both rows instead."""
    spans: dict[str, int] = {}
    for column in matrix.columns:
        spans[column.country] = spans.get(column.country, 0) + 1
    corner = (f'<th rowspan="2" scope="col" class="tj-matrix__theme tj-matrix__corner">'
              f"{html.text(text(w.lang, 'corner'))}</th>")
    top = "".join(
        f'<th {_span(span)} scope="col" class="tj-matrix__country">'
        f'{w.term("regions", country)}</th>' for country, span in spans.items())
    states = "".join(_column_head(w, column) for column in matrix.columns
                     if not column.undivided)
    return f"<thead><tr>{corner}{top}</tr><tr>{states}</tr></thead>"


def _span(columns: int) -> str:
    return 'rowspan="2"' if columns == 1 else f'colspan="{columns}"'


def _column_head(w: Writer, column: Column) -> str:
    if column.total:
        return (f'<th scope="col" class="tj-matrix__region tj-matrix__total">'
                f"{html.text(text(w.lang, 'total'))}</th>")
    return f'<th scope="col" class="tj-matrix__region">{w.term("regions", column.region)}</th>'


def _cell(w: Writer, matrix: Matrix, theme: str, column: Column) -> str:
    count = matrix.count(theme, column.region)
    total = " tj-matrix__total" if column.total else ""
    if count:
        level = min(HEAT_LEVELS, -(-HEAT_LEVELS * count // max(1, matrix.largest)))  # ceil
        return f'<td class="tj-heat-{level}{total}">{count}</td>'
    regions, themes = w.catalog.taxonomies["regions"], w.catalog.taxonomies["themes"]
    label = html.text(text(w.lang, "gap", theme=themes.terms[theme].label(w.lang),
                           region=regions.terms[column.region].label(w.lang)))
    return f'<td class="tj-gap{total}" aria-label="{label}">0</td>'


def _row(w: Writer, matrix: Matrix, theme: str, depth: int) -> str:
    css = f' class="tj-matrix__sub tj-depth-{depth}"' if depth else ""
    cells = "".join(_cell(w, matrix, theme, column) for column in matrix.columns)
    return (f'<tr{css}><th scope="row" class="tj-matrix__theme">'
            f"{w.term('themes', theme)}</th>{cells}</tr>")


def matrix_table(w: Writer, matrix: Matrix) -> str:
    """The table in its scrolling wrapper, as escaped HTML."""
    if not matrix.columns or not matrix.rows:
        return f"<p>{html.text(w.t('none'))}</p>"
    body = "".join(_row(w, matrix, theme, depth) for theme, depth in matrix.rows)
    caption = html.text(text(w.lang, "caption"))
    return (f'<div class="tj-scroll" role="region" tabindex="0" '
            f'aria-label="{html.text(text(w.lang, "scroll"))}">'
            f'<table class="tj-matrix"><caption>{caption}</caption>'
            f"{_head(w, matrix)}<tbody>{body}</tbody></table></div>")


def matrix_page(catalog: Catalog, lang: str, urls: Urls) -> PageText:
    here = urls.folder(FOLDER, lang)
    w = Writer(catalog, urls, lang, here)
    matrix = build_matrix(catalog, lang)
    title = text(lang, "title")
    organizations = len(catalog.by_kind.get("organization", ()))
    counted = text(lang, "organizations.one" if organizations == 1 else "organizations.many",
                   count=organizations)
    head = (f'<h1 class="tj-title">{html.text(title)}</h1>'
            f'<p class="tj-subtitle">{html.text(counted)}</p>'
            f"<p>{html.text(text(lang, 'intro'))}</p>"
            f'<p class="tj-matrix__legend"><span class="tj-gap">0</span> = '
            f"{html.text(text(lang, 'legend'))}</p>")
    parts = [w.raw(head), w.raw(matrix_table(w, matrix))]
    return PageText(
        source=urls.source_file(FOLDER, lang), url=here, lang=lang, title=title,
        description=text(lang, "description"), markdown="\n\n".join(parts), kind="matrix",
        alternates=w.alternates(), fragments=tuple(w.fragments),
    )


__all__ = ["FOLDER", "Column", "Matrix", "build_matrix", "count_organizations", "matrix_page",
           "matrix_table"]
