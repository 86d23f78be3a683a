"""Tile maps (core/model/tilegrid.py, catalog/tilecount.py, outputs/pages/tilemap.py,
tejido/partials/tilemap.html): layouts
that cover every state once, counts from the catalog's indexes, links only to pages
that exist, a real build in both languages, and Chromium (axe, keyboard, focus)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pycountry
import pytest

from conftest import make_project, run_mkdocs
from tejido.core import Catalog, Layout, load_project
from tejido.core.catalog.tilecount import STEPS, main_country, step, steps, tallies
from tejido.core.model.tilegrid import Grid, GridError, grid, grid_countries, read_grid, unit_of
from tejido.core.outputs.pages.tilemap import place_map, tile_map
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import Views

REPO = Path(__file__).resolve().parent.parent
EXPECTED = {"MX": 32, "GT": 22, "SV": 14, "ES": 19}
"""The countries the sample catalog works in that have states, and how many."""


def _first_level(country: str) -> set[str]:
    found = pycountry.subdivisions.get(country_code=country) or ()  # type: ignore[no-untyped-call]
    return {str(sub.code) for sub in found if sub.parent_code is None}


# -- layouts -----------------------------------------------------------------------------

@pytest.mark.parametrize("country", sorted(EXPECTED))
def test_a_layout_gives_every_state_one_square_and_no_two_share_one(country: str) -> None:
    layout = grid(country)
    assert layout is not None, f"no layout for {country}"
    codes = [cell.code for cell in layout.cells]
    assert len(codes) == len(set(codes)) == EXPECTED[country]
    assert set(codes) == _first_level(country)
    places = [(cell.row, cell.col) for cell in layout.cells]
    assert len(places) == len(set(places)), "two squares overlap"
    shorts = [cell.short for cell in layout.cells]
    assert len(shorts) == len(set(shorts)), "two squares have the same label"
    assert all(2 <= len(short) <= 3 for short in shorts)


def test_every_layout_file_is_valid_and_every_sample_country_with_states_has_one() -> None:
    assert set(grid_countries()) >= set(EXPECTED)
    for country in grid_countries():
        layout = grid(country)
        assert isinstance(layout, Grid) and set(c.code for c in layout.cells) == _first_level(
            country)
    sample = load_project(Layout(REPO), dt.date(2026, 12, 2)).catalog
    assert set(tallies(sample)) == set(EXPECTED)


def _square(layout: Grid, code: str) -> tuple[int, int]:
    cell = next(c for c in layout.cells if c.code == code)
    return cell.row, cell.col


@pytest.mark.parametrize(("north_west", "south_east"), [
    ("MX-BCN", "MX-CHP"), ("MX-SON", "MX-OAX"), ("MX-JAL", "MX-YUC"), ("GT-13", "GT-22"),
    ("SV-AH", "SV-US"), ("ES-GA", "ES-MC")])
def test_layouts_keep_north_up_and_west_left(north_west: str, south_east: str) -> None:
    layout = grid(north_west[:2])
    assert layout is not None
    (row_a, col_a), (row_b, col_b) = _square(layout, north_west), _square(layout, south_east)
    assert row_a < row_b and col_a < col_b


def test_a_broken_layout_file_is_refused_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "XX.yml"
    bad.write_text("unit: state\ntiles:\n  XX-01: [0, 1]\n", encoding="utf-8")
    with pytest.raises(GridError, match=r"XX\.yml: XX-01: the short label '01'"):
        read_grid(bad)
    bad.write_text("unit: county\ntiles:\n  XX-AB: [0, 1]\n", encoding="utf-8")
    with pytest.raises(GridError, match="unit 'county'"):
        read_grid(bad)


def test_what_a_country_calls_its_states() -> None:
    assert (unit_of("MX"), unit_of("GT"), unit_of("ES")) == ("state", "department", "community")
    assert unit_of("CO") == "department" and unit_of("AR") == "province"  # no layout: pycountry


# -- shades ------------------------------------------------------------------------------

def test_shades_cover_one_to_the_top_without_gaps() -> None:
    for top in range(1, 40):
        ranges = steps(top)
        assert ranges[0] == (0, 0, 0)
        covered = [n for _, low, high in ranges[1:] for n in range(low, high + 1)]
        assert covered == list(range(1, top + 1))
        for shade, low, high in ranges[1:]:
            assert step(low, top) == step(high, top) == shade
        assert step(top, top) == STEPS and step(0, top) == 0


# -- counts ------------------------------------------------------------------------------

def _org(project: Path, ident: str, regions: str, kind: str = "organizations") -> None:
    (project / "directory" / kind / f"{ident}.yml").write_text(
        f"name: {ident}\ntype: cso\nsummary: {{es: Algo., en: Something.}}\n"
        f"themes: [participacion-ciudadana]\nregions: [{regions}]\n", encoding="utf-8")


HOSTILE = '<img src=x onerror=alert(1)>Guerrero & "Sur"'


def _map_project(target: Path) -> Path:
    """The mini catalog (two organizations in parts of Oaxaca, one in Puebla, a network in
    both), plus: one in two states, one in all of Mexico, one in a sub-region of a state
    the catalog names with hostile text, one in Colombia (a country without a layout), a
    network alone in Tlaxcala."""
    project = make_project(target)
    regions = project / "taxonomies" / "regions.yml"
    regions.write_text(regions.read_text(encoding="utf-8") + (
        f"- {{id: guerrero, iso: MX-GRO, es: '{HOSTILE}', en: '{HOSTILE}'}}\n"
        "- {id: costa-chica, parent: MX-GRO, es: Costa Chica, en: Costa Chica}\n"),
        encoding="utf-8")
    _org(project, "en-dos-estados", "sonora, chihuahua")
    _org(project, "en-todo-mexico", "mexico")
    _org(project, "en-costa-chica", "costa-chica")
    _org(project, "en-antioquia", "CO-ANT")
    (project / "directory" / "networks" / "red-tlaxcala.yml").write_text(
        "name: Red Tlaxcala\nsummary: {es: Una red., en: A network.}\n"
        "themes: [participacion-ciudadana]\nregions: [tlaxcala]\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def map_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _map_project(tmp_path_factory.mktemp("tilemap"))


@pytest.fixture(scope="module")
def catalog(map_project: Path) -> Catalog:
    result = load_project(Layout(map_project), dt.date(2026, 12, 2))
    assert not result.problems, result.problems.report()
    return result.catalog


def _counts(catalog: Catalog, country: str) -> dict[str, int]:
    return {s.code: s.organizations for s in tallies(catalog)[country].states
            if s.organizations}


def test_counts_take_sub_regions_to_their_state_and_leave_the_whole_country_out(
        catalog: Catalog) -> None:
    assert _counts(catalog, "MX") == {"MX-OAX": 2, "MX-PUE": 1, "MX-SON": 1, "MX-CHH": 1,
                                      "MX-GRO": 1}
    mexico = tallies(catalog)["MX"]
    assert mexico.whole == 1  # en-todo-mexico: in no state
    assert mexico.organizations == 6
    assert _counts(catalog, "CO") == {"CO-ANT": 1}
    assert main_country(catalog) == "MX"
    assert tallies(catalog) is tallies(catalog)  # made once per catalog


def test_links_go_only_to_pages_that_exist(catalog: Catalog) -> None:
    v = Views(catalog, Urls(), "es", "regiones/mexico/index.html")
    view = tile_map(v, "MX")
    assert view is not None and len(view.tiles) == 32
    linked = {tile.code: tile.href for tile in view.tiles if tile.href}
    # Tlaxcala has a network, no organization: its page exists, its count is 0.
    assert set(linked) == {"MX-OAX", "MX-PUE", "MX-SON", "MX-CHH", "MX-GRO", "MX-TLA"}
    assert linked["MX-OAX"] == "../oaxaca/index.html"
    tlaxcala = next(t for t in view.tiles if t.code == "MX-TLA")
    assert (tlaxcala.count, tlaxcala.step, tlaxcala.label) == (
        0, 0, "Tlaxcala: ninguna organización")
    for tile in view.tiles:
        if tile.href:
            assert catalog.count("regions", tile.term) > 0
    assert [row.name for row in view.rows] == ["Oaxaca", HOSTILE, "Chihuahua", "Puebla",
                                               "Sonora"]  # most first, then by name
    assert view.rest == "Sin organizaciones: 27 estados."


def test_a_state_page_marks_its_state_and_a_sub_region_page_its_state(catalog: Catalog) -> None:
    for here, current in (("oaxaca", "page"), ("mixteca", "location")):
        v = Views(catalog, Urls(), "en", f"en/regiones/{here}/index.html")
        view = place_map(v, "regions", here)
        assert view is not None and view.within
        marked = {t.code: t.current for t in view.tiles if t.current}
        assert marked == {"MX-OAX": current}
    v = Views(catalog, Urls(), "en", "en/regiones/mexico/index.html")
    country = place_map(v, "regions", "mexico")
    assert country is not None and not country.within
    assert place_map(v, "themes", "salud") is None


def test_a_country_without_a_layout_gets_the_table_and_says_so(catalog: Catalog) -> None:
    v = Views(catalog, Urls(), "en", "en/regiones/colombia/index.html")
    view = tile_map(v, "CO")
    assert view is not None and view.tiles == ()
    assert [(row.name, row.count) for row in view.rows] == [("Antioquia", "1")]
    assert any("no tile map of Colombia" in note for note in view.notes)


# -- a real build ----------------------------------------------------------------------

class _Parts(HTMLParser):
    """The tile map's links (their name, from the <title> inside each, → href), its table
    rows and its caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tiles: dict[str, str] = {}
        self.rows: list[list[str]] = []
        self.tile: str | None = None
        self.name: list[str] | None = None
        self.table = False
        self.cell: list[str] | None = None
        self.caption: list[str] | None = None
        self.captions: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = found.get("class") or ""
        if tag == "a" and "tj-tile" in classes.split():
            self.tile = found.get("href") or ""
        elif tag == "title" and self.tile is not None:
            self.name = []
        elif tag == "table" and "tj-tilemap__table" in classes:
            self.table = True
        elif tag == "tr" and self.table:
            self.rows.append([])
        elif tag in ("th", "td") and self.table:
            self.cell = []
        elif tag == "figcaption":
            self.caption = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.name is not None and self.tile is not None:
            self.tiles["".join(self.name)] = self.tile
            self.name = None
        elif tag == "a":
            self.tile = None
        elif tag in ("th", "td") and self.cell is not None and self.rows:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "table":
            self.table = False
        elif tag == "figcaption" and self.caption is not None:
            self.captions.append("".join(self.caption))
            self.caption = None

    def handle_data(self, data: str) -> None:
        for part in (self.name, self.cell, self.caption):
            if part is not None:
                part.append(data)

    @property
    def caption_text(self) -> str:
        return " ".join(self.captions)


def _parts(html: str) -> _Parts:
    parser = _Parts()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def map_site(map_project: Path) -> Path:
    result = run_mkdocs(map_project)
    assert result.returncode == 0, result.stdout + result.stderr
    return map_project / "site"


def _page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize(("prefix", "tile", "row", "rest"), [
    ("", "Oaxaca: 2 organizaciones", ["Oaxaca", "2"], "Sin organizaciones: 27 estados."),
    ("en/", "Oaxaca: 2 organizations", ["Oaxaca", "2"], "No organizations: 27 states.")])
def test_the_built_country_page_has_the_svg_and_the_same_numbers_in_a_table(
        map_site: Path, prefix: str, tile: str, row: list[str], rest: str) -> None:
    html = _page(map_site, f"{prefix}regiones/mexico/index.html")
    assert re.search(r'<svg class="tj-tilemap__svg" role="group"[^>]*aria-labelledby=', html)
    parts = _parts(html)
    assert parts.tiles[tile] == "../oaxaca/index.html"
    assert len(parts.tiles) == 6  # Oaxaca, Puebla, Sonora, Chihuahua, Guerrero, Tlaxcala
    assert row in parts.rows and len(parts.rows) == 1 + 5  # a header and five states
    assert rest in html
    for href in parts.tiles.values():  # every link leads to a page that was built
        assert (map_site / prefix / "regiones" / "mexico" / href).resolve().is_file()
    assert 'class="tj-tile tj-tile--0" aria-hidden="true"' in html  # Zacatecas: no page
    assert "style=" not in html.split('class="tj-tilemap')[1].split("</figure>")[0]


def test_hostile_place_names_are_escaped_in_the_map(map_site: Path) -> None:
    for prefix in ("", "en/"):
        html = _page(map_site, f"{prefix}regiones/guerrero/index.html")
        figure = html.split('<figure class="tj-tilemap')[1].split("</figure>")[0]
        assert "<img" not in figure
        assert "&lt;img src=x onerror=alert(1)&gt;Guerrero &amp; &#34;Sur&#34;" in figure
        assert 'aria-current="page"' in figure


def test_a_state_page_shows_its_country_with_the_state_marked(map_site: Path) -> None:
    html = _page(map_site, "en/regiones/oaxaca/index.html")
    parts = _parts(html)
    assert parts.tiles["Oaxaca: 2 organizations (this page)"] == "index.html"
    assert html.index("tj-cards") < html.index('<figure class="tj-tilemap')  # after entries
    assert "(one in Central Valleys counts in Oaxaca)" in parts.caption_text
    assert "1 organization works across the whole country" in parts.caption_text


def test_no_page_links_a_state_without_entries(map_site: Path) -> None:
    for page in (map_site / "regiones").glob("*/index.html"):
        for href in _parts(page.read_text(encoding="utf-8")).tiles.values():
            assert (page.parent / href).resolve().is_file(), (page, href)


# -- Chromium ----------------------------------------------------------------------------

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def map_url(map_site: Path) -> Iterator[str]:
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from conftest import _Quiet

    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(map_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def _axe(page: Any, context: str = "document") -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (context) => {
        const where = context === 'document' ? document : document.querySelector(context);
        const result = await axe.run(where, {resultTypes: ['violations'],
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'wcag22aa', 'best-practice']}});
        return result.violations.map(
            v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
    }""", context)
    return list(found)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["regiones/mexico/index.html", "en/regiones/oaxaca/index.html"])
def test_no_axe_violations_on_a_page_with_the_map(browser: Any, map_url: str, path: str,
                                                  width: int, scheme: str) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(map_url + path)
    assert page.locator(".tj-tilemap__svg").is_visible()
    if scheme == "slate":
        # Material's dark scheme, as a site's palette toggle sets it. The sample's own
        # colours are for the light scheme only: the map is checked on its own.
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        assert _axe(page, ".tj-tilemap") == []
    else:
        assert _axe(page) == []
    page.close()


def test_tab_reaches_the_tiles_with_a_visible_focus_ring(browser: Any, map_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(map_url + "regiones/mexico/index.html")
    tile = page.get_by_role("link", name="Oaxaca: 2 organizaciones")  # its <title>
    assert tile.get_attribute("class") == "tj-tile tj-tile--4"
    tile.scroll_into_view_if_needed()
    box = tile.bounding_box()
    assert box is not None
    clip = {"x": box["x"] - 6, "y": box["y"] - 6, "width": box["width"] + 12,
            "height": box["height"] + 12}
    before = page.screenshot(clip=clip)
    for _ in range(200):
        page.keyboard.press("Tab")
        name = page.evaluate(
            "document.activeElement.querySelector('title')?.textContent || ''")
        if name.startswith("Oaxaca"):
            break
    else:
        pytest.fail("Tab never reached the Oaxaca tile")
    after = page.screenshot(clip=clip)
    assert before != after, "focus changes no pixel around the tile"
    ring = page.evaluate("""() => getComputedStyle(
        document.activeElement.querySelector('.tj-tile__ring')).strokeWidth""")
    assert float(ring.removesuffix("px")) >= 3
    page.keyboard.press("Enter")
    page.wait_for_url("**/regiones/oaxaca/index.html")
    page.close()


@pytest.mark.parametrize(("prefix", "others"), [("", "Mapas de otros países:"),
                                                ("en/", "Maps of other countries:")])
def test_the_home_shows_the_main_country_and_links_to_the_others(
        map_site: Path, prefix: str, others: str) -> None:
    html = _page(map_site, f"{prefix}index.html")
    assert html.count('<figure class="tj-tilemap') == 1
    assert 'id="tj-map-mx"' in html
    assert _parts(html).tiles  # the squares link to the states' pages
    line = html.split(others)[1].split("</p>")[0]
    assert 'href="regiones/colombia/index.html"' in line


def _status(page: Any) -> str:
    return str(page.locator(".tj-status").inner_text())


def test_a_tile_in_the_directory_filters_it_by_its_state(browser: Any, map_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(map_url + "directorio/index.html")
    page.wait_for_selector(".tj-card")
    everything = _status(page)
    page.locator(".tj-picker summary").click()
    tile = page.locator('a.tj-tile[data-region="oaxaca"]')
    assert tile.get_attribute("role") == "button"
    assert tile.get_attribute("aria-pressed") == "false"
    tile.click()
    page.wait_for_url("**/directorio/index.html?region=oaxaca")
    # Oaxaca's entries: two organizations in its sub-regions, the network, the practice.
    page.wait_for_function("document.querySelector('.tj-status').textContent.startsWith('4')")
    assert tile.get_attribute("aria-pressed") == "true"
    titles = page.locator(".tj-card > a").all_inner_texts()
    assert "Casa de la Mixteca" in titles and "Centro de Saberes" not in titles
    assert _axe(page) == []
    tile.focus()
    page.keyboard.press(" ")  # a button: Space toggles it off again
    page.wait_for_function(f"document.querySelector('.tj-status').textContent === {everything!r}")
    assert tile.get_attribute("aria-pressed") == "false"
    assert "region=" not in page.url
    page.close()


def test_without_javascript_a_directory_tile_is_a_link_to_the_state(
        browser: Any, map_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(map_url + "en/directorio/index.html")
    page.locator(".tj-picker summary").click()
    tile = page.get_by_role("link", name="Puebla: 1 organization")
    assert tile.get_attribute("role") is None
    tile.click()
    page.wait_for_url("**/en/regiones/puebla/index.html")
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violations_in_the_directory_with_the_picker_open(
        browser: Any, map_url: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(map_url + "en/directorio/index.html")
    page.wait_for_selector(".tj-card")
    page.locator(".tj-picker summary").click()
    assert page.locator(".tj-picker .tj-tilemap__svg").first.is_visible()
    assert _axe(page) == []
    page.close()
