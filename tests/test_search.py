"""Search and the directory: the index in Python, then the real thing in Chromium."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tejido.core.i18n.text import MARKS_FILE, combining_marks, scan_combining_marks
from tejido.core.outputs.search.index import SearchDoc, build_index, fold


def _receive(text: str) -> Any:
    match = re.fullmatch(r'tejidoSearch\.receive\("[^"]+",(.*)\);\n', text, re.S)
    assert match
    return json.loads(match.group(1))


def test_the_kept_combining_marks_are_this_pythons() -> None:
    """The table the browser folds with is kept per Unicode version; it must be the one
    this Python's database gives, and this Python's version must be kept."""
    kept = json.loads(MARKS_FILE.read_text(encoding="utf-8"))
    assert unicodedata.unidata_version in kept, (
        f"add Unicode {unicodedata.unidata_version} to {MARKS_FILE.name}: "
        "json.dumps({version: list(scan_combining_marks())})")
    assert combining_marks() == scan_combining_marks() == tuple(
        kept[unicodedata.unidata_version])
    assert min(combining_marks()) >= 0


def test_words_are_folded_and_grouped_by_stem() -> None:
    assert fold("Educación MÉXICO Ñandú") == "educacion mexico nandu"
    files = build_index([
        SearchDoc("Red de organizaciones", "network", "a/", "Educación popular"),
        SearchDoc("Organización civil", "organization", "b/", "Salud"),
    ], "es").files
    shard = _receive(files["s-or.js"])
    assert shard["forms"]["organizaciones"] == shard["forms"]["organizacion"]
    postings = shard["stems"][shard["forms"]["organizacion"]]
    assert postings == [0, 10, 1, 10]  # both docs, weighted as titles
    assert "s-de.js" not in files  # 'de' is a stop word, and nothing else starts with it
    assert _receive(files["meta.js"])["count"] == 2


def test_words_with_apostrophes_hyphens_or_zero_width_are_found_by_parts_and_whole() -> None:
    files = build_index([SearchDoc("Junax Ko’tantik", "organization", "a/",
                                   "Radio Tu\u200bKuun, casa-escuela y Koꞌtan")], "es").files
    forms = {form for name, text in files.items() if name.startswith("s-")
             for form in _receive(text)["forms"]}
    assert {"junax", "ko", "tantik", "kotantik", "kuun", "tukuun", "casa", "escuela",
            "casaescuela", "kotan"} <= forms


def _forms(docs: list[SearchDoc], lang: str) -> set[str]:
    return {form for name, text in build_index(docs, lang).files.items()
            if name.startswith("s-") for form in _receive(text)["forms"]}


def test_stop_words_are_left_out_but_compounds_with_them_kept() -> None:
    forms = _forms([SearchDoc("La casa de las Mujeres", "organization", "a/",
                              "El taller y la-radio, d\uff07Oaxaca")], "es")
    assert {"casa", "mujeres", "taller", "radio", "laradio", "oaxaca", "doaxaca"} <= forms
    assert not {"la", "de", "las", "el", "y"} & forms


def test_a_text_without_joiners_gives_only_its_words() -> None:
    assert _forms([SearchDoc("Educación popular", "practice", "a/", "Ñuu Savi 2024")],
                  "es") == {"educacion", "popular", "nuu", "savi", "2024"}


def test_a_query_loads_little(built_mini: Path) -> None:
    files = {p.name: p.stat().st_size for p in (built_mini / "search").iterdir()}
    assert files["meta.js"] < 4_000
    assert max(size for name, size in files.items() if name.startswith("s-")) < 20_000


# -- in the browser -----------------------------------------------------------


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    tab = browser.new_page(viewport={"width": 1100, "height": 900})
    yield tab
    tab.close()


def header_results(page: Any, text: str) -> list[str]:
    page.fill("#tj-search-input", "")
    page.type("#tj-search-input", text)
    page.wait_for_selector("#tj-search-results [role=option]", timeout=3000)
    return [t.strip() for t in page.locator("#tj-search-results [role=option]").all_inner_texts()]


@pytest.mark.parametrize(("lang", "query", "expected", "kind"), [
    ("", "participacion", "Centro de Saberes", "Organización"),
    ("", "PARTICIPACIÓN ciudadana", "Centro de Saberes", "Organización"),
    ("", "míxteca", "Casa de la Mixteca", "Organización"),
    ("", "gobierno", "Talleres de incidencia", "Buena práctica"),
    ("en/", "participation", "Centro de Saberes", "Organization"),
    ("en/", "workshop", "Advocacy workshops", "Good practice"),
    ("en/", "camix", "Casa de la Mixteca", "Organization"),
    ("", "paz justicia", "Centro de Saberes", "Organización"),  # its SDG 16
])
def test_header_search(page: Any, site_url: str, lang: str, query: str, expected: str,
                       kind: str) -> None:
    page.goto(site_url + lang + "temas/index.html")
    results = header_results(page, query)
    assert results[0].startswith(expected), results
    assert kind in results[0]


@pytest.mark.parametrize("query", [
    "Ko’tantik", "ko'tantik", "KOTANTIK", "tantik", "junax ko-tantik", "Tu\u200bKuun",
    "tukuun", "kuun", "casa-escuela", "casaescuela", "escuela",
])
def test_a_word_with_joiners_is_found_by_each_part_and_the_whole(page: Any, site_url: str,
                                                                  query: str) -> None:
    page.goto(site_url + "index.html")
    assert header_results(page, query)[0].startswith("Casa de la Mixteca")


def test_names_rank_above_body_text(page: Any, site_url: str) -> None:
    page.goto(site_url + "index.html")
    results = header_results(page, "red sur")
    assert results[0].startswith("Red Sur")


def test_keyboard_selects_a_result(page: Any, site_url: str) -> None:
    page.goto(site_url + "en/index.html")
    header_results(page, "mixteca")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/en/(organizaciones|practicas)/.*index\.html"))


def facet(page: Any, name: str) -> Any:
    return page.locator(".tj-facet__value", has_text=re.compile(rf"^{re.escape(name)} "))


def test_directory_facets_counts_url_and_reload(page: Any, site_url: str) -> None:
    page.goto(site_url + "en/directorio/index.html")
    page.wait_for_selector(".tj-card")
    assert page.locator(".tj-status").inner_text() == "6 results"
    assert facet(page, "Organization").locator(".tj-count").inner_text() == "3"
    facet(page, "Organization").locator("input").check()
    page.wait_for_function("document.querySelector('.tj-status').textContent === '3 results'")
    assert parse_qs(urlsplit(page.url).query) == {"kind": ["organization"]}
    # counts in other facets now count organizations only; a parent counts its children
    assert facet(page, "Oaxaca").locator(".tj-count").inner_text() == "2"
    facet(page, "Oaxaca").locator("input").check()
    page.wait_for_function("document.querySelector('.tj-status').textContent === '2 results'")
    assert parse_qs(urlsplit(page.url).query) == {"kind": ["organization"], "region": ["oaxaca"]}
    # OR within a facet
    facet(page, "Network").locator("input").check()
    page.wait_for_function("document.querySelector('.tj-status').textContent === '3 results'")
    page.reload()
    page.wait_for_selector(".tj-card")
    assert page.locator(".tj-status").inner_text() == "3 results"
    assert facet(page, "Oaxaca").locator("input").is_checked()
    page.get_by_role("button", name="Remove all filters").click()
    page.wait_for_function("document.querySelector('.tj-status').textContent === '6 results'")
    assert urlsplit(page.url).query == ""


def test_directory_text_and_empty_state(page: Any, site_url: str) -> None:
    page.goto(site_url + "directorio/index.html?q=mixteca&kind=network")
    page.wait_for_selector(".tj-empty")
    assert "Prueba quitar alguno" in page.locator(".tj-empty").inner_text()
    page.get_by_role("button", name="Quitar filtro: Red").click()
    page.wait_for_selector(".tj-card")
    titles = page.locator(".tj-card > a").all_inner_texts()
    assert "Casa de la Mixteca" in titles
    page.locator(".tj-card > a", has_text="Casa de la Mixteca").click()
    page.wait_for_url("**/organizaciones/casa-de-la-mixteca/index.html")


def test_the_site_works_from_disk(browser: Any, built_mini: Path) -> None:
    tab = browser.new_page()
    tab.goto((built_mini / "en/organizaciones/red-de-saberes/index.html").as_uri())
    results = header_results(tab, "mixteca")
    assert any(r.startswith("Casa de la Mixteca") for r in results)
    tab.locator("#tj-search-results [role=option]", has_text="Casa de la Mixteca").first.click()
    tab.wait_for_url("file://**/en/organizaciones/casa-de-la-mixteca/index.html")
    tab.goto((built_mini / "directorio/index.html").as_uri() + "?theme=economia-social")
    tab.wait_for_selector(".tj-card")
    assert tab.locator(".tj-status").inner_text() == "1 resultado"
    tab.close()


def test_find_allies_in_the_browser_matches_the_core(browser: Any, site_url: str,
                                                     project: Path) -> None:
    from tejido.core import Layout, load_project
    from tejido.core.catalog.allies import allies_for

    catalog = load_project(Layout(project)).catalog
    expected = [catalog.entries[a.ref].name("en")
                for a in allies_for(catalog, ["participacion-ciudadana"], ["oaxaca"])]
    tab = browser.new_page()
    tab.goto(site_url + "en/directorio/index.html")
    tab.wait_for_selector(".tj-card")
    tab.locator("#aliadas label", has_text="Citizen participation").click()
    tab.select_option("#tj-ally-region", label="Oaxaca")
    tab.get_by_role("button", name="Find allies").click()
    tab.wait_for_selector(".tj-ally")
    shown = tab.locator(".tj-ally > a").all_inner_texts()
    reasons = tab.locator(".tj-ally__why").all_inner_texts()
    tab.close()
    assert shown == expected
    assert reasons[0].startswith("1 shared theme: Citizen participation")
