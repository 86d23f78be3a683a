"""The directory cut into printable parts: one per region, one per theme.

A catalog of 10,000 organizations is thousands of pages: one file would take
WeasyPrint many minutes and gigabytes.  So the directory is published as parts
a reader can print on their own, each with its own cover, contents and index:

- one per top-level region (a country, or a wider scope such as "Internacional"),
- one per root theme,
- and the whole directory in one file only while the catalog is small enough
  to be one part itself.

A region part with more than `limit` organizations is cut along the region
tree, since a reader looks for the place they work in: a country by its states
(the organizations that work in the whole country make their own part).  A part
still too large when the tree has no further level (a state with 2,000
organizations), and a theme part too large, are cut into volumes of equal size
in the order of the organizations' names, each volume naming the range it
covers.  A theme is not cut by region: inside its file the organizations are
already grouped by region, a reader after one theme in one state finds it in
that state's part, and an organization working in three states would be printed
three times over (at 10,000 organizations that more than doubles the pages to
render).  Membership is the same in both languages; only the order of volumes'
names follows the default language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from math import ceil

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.text import initial, sort_key
from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.model.model import Entry, Ref

REGION_DEPTH = 2
"""Regions group down to this level: 1 country, 2 state (sub-regions join their state)."""
PART_LIMIT = 250
"""Organizations in one part, at most (unless one cannot be cut further).  Measured by
bench/pdf_time.py: a part of 250 organizations is about 100 pages, well under the budget
of 2 minutes and 500 MB for one WeasyPrint process."""

ALL, REGION, THEME = "all", "region", "theme"


@dataclass(frozen=True)
class Part:
    """Which organizations one directory PDF shows, and how it is cut."""

    kind: str
    """`all`, `region` (a country and what is in it) or `theme` (a root theme)."""
    top: str
    """The region or theme the part belongs to on the download list ('' for `all`)."""
    theme: str | None
    """Only this root theme's section (theme parts)."""
    region: str | None
    """Only groups in this region (a country or a state)."""
    exact: bool
    """Only the groups of `region` itself, not of its states (the country-wide ones)."""
    members: tuple[Ref, ...]
    """The organizations it shows, in the catalog's order of names."""
    path: tuple[str, ...] = ()
    """The regions it was cut by, below `top`, in order (for its name)."""
    volume: int = 0
    """1, 2, … when cut into volumes by name; 0 when not."""
    volumes: int = 0
    first: str = ""
    """The initials of the first and last names of a volume ('A', 'Fe')."""
    last: str = ""

    def shows(self, region: str, tree: tuple[str, ...]) -> bool:
        """Whether a group of `region` (whose path from the top is `tree`) is in it."""
        if self.region is None:
            return True
        return region == self.region if self.exact else self.region in tree


def _region_key(catalog: Catalog, region: str, depth: int) -> tuple[str, ...]:
    return catalog.taxonomies["regions"].path(region)[:depth]


def _theme_roots(catalog: Catalog, org: Entry) -> set[str]:
    tax = catalog.taxonomies["themes"]
    return {tax.path(term)[0] for term in org.themes}


def _volumes(part: Part, catalog: Catalog, limit: int) -> list[Part]:
    """Equal cuts in the order of names (the catalog's `of_kind` order)."""
    count = ceil(len(part.members) / limit)
    size = ceil(len(part.members) / count)
    cuts = []
    for number in range(count):
        members = part.members[number * size:(number + 1) * size]
        first = catalog.entries[members[0]].name(DEFAULT_LANGUAGE)
        last = catalog.entries[members[-1]].name(DEFAULT_LANGUAGE)
        cuts.append(Part(part.kind, part.top, part.theme, part.region, part.exact, members,
                         part.path, number + 1, count, _initials(first, last)[0],
                         _initials(first, last)[1]))
    return cuts


def _initials(first: str, last: str) -> tuple[str, str]:
    """'A' and 'F', or 'Ca' and 'Co' when both start with the same letter."""
    one, two = initial(first, DEFAULT_LANGUAGE), initial(last, DEFAULT_LANGUAGE)
    if one != two or one == "#":
        return one, two

    def second(name: str) -> str:
        letters = [ch for ch in sort_key(name, DEFAULT_LANGUAGE)[0] if ch.isalpha()]
        return letters[1] if len(letters) > 1 and one != "Ñ" else ""

    return one + second(first), two + second(last)


def _by_next_region(catalog: Catalog, part: Part) -> dict[str, list[Ref]]:
    """The part's members by the region one level down (its own region when an
    organization works in the whole of it)."""
    depth = len(catalog.taxonomies["regions"].path(part.region)) if part.region else 0
    if part.exact or depth >= REGION_DEPTH:
        return {}
    found: dict[str, list[Ref]] = {}
    for ref in part.members:
        keys = []
        for region in catalog.entries[ref].regions:
            tree = _region_key(catalog, region, depth + 1)
            if part.region is None or part.region in tree:
                keys.append(tree[-1])
        for key in dict.fromkeys(keys):
            found.setdefault(key, []).append(ref)
    return found


def _split(catalog: Catalog, part: Part, limit: int) -> list[Part]:
    if len(part.members) <= limit:
        return [part]
    below = _by_next_region(catalog, part) if part.kind == REGION else {}
    if not below or list(below) == [part.region]:
        return _volumes(part, catalog, limit)
    # The region itself first (its country-wide organizations), then the others by id:
    # the download list sorts them by name in the reader's language.
    order = sorted(below, key=lambda key: (key != part.region, key))
    cuts = []
    for key in order:
        child = Part(part.kind, part.top, part.theme, key, key == part.region,
                     tuple(below[key]), (*part.path, key))
        cuts.extend(_split(catalog, child, limit))
    return cuts


def _members(orgs: Iterable[Entry]) -> tuple[Ref, ...]:
    return tuple(org.ref for org in orgs)


def directory_parts(catalog: Catalog, limit: int = PART_LIMIT) -> list[Part]:
    """Every part of the directory, in the order of the download list's sections."""
    orgs = catalog.of_kind("organization")
    parts: list[Part] = []
    if len(orgs) <= limit:
        parts.append(Part(ALL, "", None, None, False, _members(orgs)))
    by_region: dict[str, list[Entry]] = {}
    by_theme: dict[str, list[Entry]] = {}
    for org in orgs:
        for country in dict.fromkeys(_region_key(catalog, r, 1)[0] for r in org.regions):
            by_region.setdefault(country, []).append(org)
        for theme in _theme_roots(catalog, org):
            by_theme.setdefault(theme, []).append(org)
    for country in sorted(by_region):
        part = Part(REGION, country, None, country, False, _members(by_region[country]))
        parts.extend(_split(catalog, part, limit))
    for theme in catalog.taxonomies["themes"].roots():
        if theme in by_theme:
            part = Part(THEME, theme, theme, None, False, _members(by_theme[theme]))
            parts.extend(_split(catalog, part, limit))
    return parts
