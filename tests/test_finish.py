"""The finish of the public site (issue 11): each defect seen, checked on a real build of
the sample catalog, in Chromium at phone and desktop widths where it is about layout,
keyboard or focus."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import REPO, _Quiet, run_mkdocs
from tejido.core.i18n.labels import TABLES

PAGE_SIZE = 10
"""Listing pages of the sample site under test: small, so listings come in pages."""


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own sample catalog, built without PDFs, in pages of 10."""
    project = tmp_path_factory.mktemp("sample")
    for name in ("content", "directory", "practices", "taxonomies"):
        shutil.copytree(REPO / name, project / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - tejido/catalog:\n",
                            f"  - tejido/catalog:\n      listing_page_size: {PAGE_SIZE}\n", 1)
    config = config.replace("enabled: !ENV [TEJIDO_PDF, true]", "enabled: false")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def sample_url(sample_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(sample_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def _receive(path: Path) -> Any:
    match = re.fullmatch(r'tejidoSearch\.receive\("[^"]+",(.*)\);\n',
                         path.read_text(encoding="utf-8"), re.S)
    assert match, path
    return json.loads(match.group(1))


PAGE_TYPES = [
    "index.html", "directorio/index.html", "organizaciones/mujeres-tierra-de-valles/index.html",
    "redes/red-polo/index.html", "practicas/index.html", "organizaciones/index.html",
    "organizaciones/pagina-2/index.html", "temas/index.html", "regiones/oaxaca/index.html",
    "ods/index.html", "matriz/index.html", "contribuir.html", "404.html",
    "temas/salud/index.html", "acerca.html", "datos/index.html",
]


def _first_practice(site: Path) -> str:
    found = sorted((site / "practicas").glob("*/index.html"))
    pages = [p for p in found if not p.parent.name.startswith("pagina-")]
    return pages[0].relative_to(site).as_posix()


def _first_guide(site: Path) -> str:
    found = sorted(p for p in (site / "guias").glob("*/index.html")
                   if not p.parent.name.startswith("pagina-"))
    return found[0].relative_to(site).as_posix()


# -- the build -------------------------------------------------------------------------


def test_directory_texts_are_words_not_templates(sample_site: Path) -> None:
    for lang, more in (("", "Ver más"), ("en/", "Show more")):
        texts = _receive(sample_site / lang / "search" / "facets.js")["texts"]
        assert texts["more"] == more
        assert not [k for k, v in texts.items() if isinstance(v, str) and "{items}" in v]


def test_the_field_reference_speaks_the_page_language(sample_site: Path) -> None:
    spanish = (sample_site / "contribuir.html").read_text(encoding="utf-8")
    english = (sample_site / "en" / "contribuir.html").read_text(encoding="utf-8")
    assert "texto por idioma" in spanish and "text by language" not in spanish
    assert "text by language" in english and "texto por idioma" not in english
    assert 'data-label="Forma"' in spanish


def test_a_404_in_each_language_with_search_and_absolute_links(sample_site: Path) -> None:
    for lang, title, directory in (("", "Página no encontrada", "/directorio/index.html"),
                                   ("en/", "Page not found", "/en/directorio/index.html")):
        html = (sample_site / lang / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang.strip("/") or "es"}"' in html
        assert f"<h1>{title}</h1>" in html
        assert f'<form class="tj-searchbar" role="search" action="{directory}"' in html
        assert f'href="{directory}"' in html
        links = re.findall(r'(?:href|src)="([^"]*)"', html)
        relative = [u for u in links if not u.startswith(("/", "#", "http", "data:"))]
        assert relative == [], "a 404 is served at any path: every link must be absolute"
        assert 'href="/index.html" hreflang="es"' in html
        assert 'href="/en/index.html" hreflang="en"' in html
        assert "informe" not in html  # its language links led to the maintainers' report
        assert 'class="md-skip"' in html
        # the footer's ways on, as on every other page (About, the data, the licence)
        footer = html[html.index('<nav class="tj-footer"'):]
        assert f'href="/{lang}datos/index.html"' in footer.split("</nav>", 1)[0]


def test_titles_name_the_site_once(sample_site: Path) -> None:
    for page in ("index.html", "en/index.html", "directorio/index.html"):
        html = (sample_site / page).read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]*)</title>", html)
        assert title and title.group(1).count("Tejido") == 1, title


def test_pages_without_a_table_of_contents_have_a_skip_link(sample_site: Path) -> None:
    for page in ("organizaciones/index.html", "organizaciones/pagina-2/index.html",
                 "temas/index.html", "matriz/index.html", "regiones/oaxaca/index.html",
                 "directorio/index.html", "en/404.html"):
        html = (sample_site / page).read_text(encoding="utf-8")
        skip = re.search(r'<a href="([^"]+)" class="md-skip">', html)
        assert skip, page
        target = skip.group(1).split("#")[-1]
        assert f'id="{target}"' in html, page


def test_two_pagers_have_two_labels(sample_site: Path) -> None:
    html = (sample_site / "organizaciones" / "pagina-2" / "index.html").read_text("utf-8")
    labels = re.findall(r'<nav class="tj-pager" aria-label="([^"]+)"', html)
    assert len(labels) == 2 and labels[0] != labels[1]


def test_snippets_carry_no_heading_marks(sample_site: Path) -> None:
    for lang in ("", "en/"):
        for chunk in (sample_site / lang / "search").glob("d-*.js"):
            assert "¶" not in chunk.read_text(encoding="utf-8"), chunk


def test_one_spanish_word_for_allies() -> None:
    words = " ".join(TABLES["es"].values()).lower()
    assert "aliadas" in words
    assert "aliado" not in words


def test_network_allies_set_existing_relations_apart(sample_site: Path) -> None:
    html = (sample_site / "redes" / "red-polo" / "index.html").read_text(encoding="utf-8")
    members = re.search(r'<h2 id="miembros">.*?</ul>', html, re.S)
    assert members, "the sample's Red POLO lists its members"
    member_links = set(re.findall(r'href="([^"]+)"', members.group(0)))
    allies = re.search(r'<ul class="tj-allies">(.*?)</ul>', html, re.S)
    connected = re.search(r'<h3 class="tj-allies__connected">Ya conectadas</h3>'
                          r'<ul class="tj-allies tj-allies--connected">(.*?)</ul>', html, re.S)
    assert allies and connected
    suggested = set(re.findall(r'href="([^"]+)"', allies.group(1)))
    assert suggested and not suggested & member_links
    assert set(re.findall(r'href="([^"]+)"', connected.group(1))) & member_links


# -- in the browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=False)
    yield context
    context.close()


@pytest.fixture(scope="module")
def desktop(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def _open(context: Any, url: str) -> Any:
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    if re.search(r"/directorio/index\.html(\?|$)", url):  # its facets come in turns
        page.wait_for_selector("#tj-directory[data-ready]")
    return page


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_no_page_scrolls_sideways_on_a_phone(browser: Any, sample_site: Path,
                                            sample_url: str, width: int, lang: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    wide = {}
    for path in [*PAGE_TYPES, _first_practice(sample_site), _first_guide(sample_site)]:
        page = _open(context, sample_url + lang + path)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[path] = scroll
        page.close()
    context.close()
    assert wide == {}


def _region(page: Any, selector: str) -> bytes:
    box = page.locator(selector).first.bounding_box()
    assert box, selector
    clip = {"x": max(0, box["x"] - 6), "y": max(0, box["y"] - 6),
            "width": box["width"] + 12, "height": box["height"] + 12}
    shot: bytes = page.screenshot(clip=clip)
    return shot


def _contrast(a: list[int], b: list[int]) -> float:
    def luminance(rgb: list[int]) -> float:
        parts = [c / 255 for c in rgb]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(css: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", css)[:3]]


FOCUSABLE = [
    ("directorio/index.html", "#tj-search-input", 1280),
    ("directorio/index.html", "#tj-q", 1280),
    ("directorio/index.html", "#tj-f-kind-0", 1280),
    ("directorio/index.html", "#tj-ally-t-0", 1280),
    ("directorio/index.html", ".md-header__option .md-select > button", 1280),
    ("index.html", ".tj-menu-button", 390),
]


@pytest.mark.parametrize(("path", "selector", "width"), FOCUSABLE)
def test_focus_is_visible(browser: Any, sample_url: str, path: str, selector: str,
                          width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = _open(context, sample_url + path)
    page.locator(selector).first.scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    before = _region(page, selector)
    page.keyboard.press("Shift")  # the last input was the keyboard: focus shows as from Tab
    page.locator(selector).first.focus()
    page.wait_for_timeout(100)
    assert page.evaluate(f"document.activeElement === document.querySelector({selector!r})")
    after = _region(page, selector)
    assert before != after, f"{selector}: focus changes no pixel"
    style = page.evaluate(f"""() => {{
        const el = document.querySelector({selector!r});
        const s = getComputedStyle(el);
        let bg = 'rgba(0, 0, 0, 0)', node = el.parentElement;
        while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) {{
            bg = getComputedStyle(node).backgroundColor; node = node.parentElement;
        }}
        return {{outline: s.outlineColor, width: s.outlineWidth, style: s.outlineStyle, bg}};
    }}""")
    context.close()
    assert style["style"] != "none" and float(style["width"].rstrip("px")) >= 2
    assert _contrast(_rgb(style["outline"]), _rgb(style["bg"])) >= 3, style


def test_focus_stays_put_after_facet_chip_and_show_more(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "directorio/index.html")
    page.locator("#tj-f-kind-0").focus()
    page.keyboard.press("Space")
    page.wait_for_selector(".tj-chip")
    page.wait_for_timeout(200)
    assert page.evaluate("document.activeElement.id") == "tj-f-kind-0"
    page.locator("#tj-f-kind-1").focus()
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelectorAll('.tj-chip').length === 2")
    page.locator(".tj-chip").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.tj-chip').length === 1")
    page.wait_for_timeout(200)
    assert page.evaluate("document.activeElement.classList.contains('tj-chip')")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('.tj-chip')")
    page.wait_for_timeout(200)
    assert page.evaluate("document.activeElement.classList.contains('tj-status')")
    assert page.locator("#tj-results > button").inner_text() == "Ver más"
    page.locator("#tj-results > button").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    focused = page.evaluate("[...document.querySelectorAll('.tj-card > a')]"
                            ".indexOf(document.activeElement)")
    assert focused == 30
    page.close()


def test_phone_menu_by_tab_and_no_hidden_drawer_stops(phone: Any, sample_url: str) -> None:
    page = _open(phone, sample_url + "regiones/oaxaca/index.html")
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("""() => {
            const el = document.activeElement;
            return {inDrawer: !!el.closest('.md-sidebar--primary'),
                    inContent: !!el.closest('.md-content'),
                    menu: el.matches('.tj-menu-button'), skip: el.matches('.md-skip')};
        }"""))
        if stops[-1]["inContent"]:
            break
    assert stops[0]["skip"]
    assert any(s["menu"] for s in stops)
    assert not any(s["inDrawer"] for s in stops)
    assert stops[-1]["inContent"] and len(stops) <= 8
    menu = page.locator(".tj-menu-button")
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    page.close()


def test_skip_link_moves_focus_to_the_content(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "matriz/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert page.locator(".md-skip").is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop is in the content, past header and tabs
    assert page.evaluate("!!document.activeElement.closest('.md-content')")
    page.close()


def test_the_directory_does_not_jump_while_it_loads(browser: Any, sample_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()

    def slow(route: Any) -> None:
        page.wait_for_timeout(700)
        route.continue_()

    page.route("**/search/facets.js", slow)
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(sample_url + "directorio/index.html")
    page.wait_for_selector(".tj-card")
    page.wait_for_timeout(500)
    shift = page.evaluate("window.__shift")
    context.close()
    assert shift < 0.1


def test_filters_toggle_chips_and_see_results(browser: Any, sample_url: str) -> None:
    url = sample_url + "directorio/index.html?region=oaxaca"
    wide = browser.new_context(viewport={"width": 1280, "height": 900})
    page = _open(wide, url)
    assert not page.locator(".tj-facets-toggle").is_visible()
    assert page.locator(".tj-chip", has_text="Oaxaca").is_visible()
    wide.close()
    narrow = browser.new_context(viewport={"width": 390, "height": 844})
    page = _open(narrow, url)
    assert page.locator(".tj-chip", has_text="Oaxaca").is_visible()
    assert not page.locator(".tj-facets").is_visible()  # results first, filters folded
    toggle = page.locator(".tj-facets-toggle")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.locator("#tj-f-kind-0").check()
    page.wait_for_timeout(300)
    status = page.locator(".tj-status").inner_text()
    count = re.match(r"\d+", status)
    assert count
    done = page.locator(".tj-facets-done")
    assert done.is_visible() and done.inner_text() == f"Ver {count.group(0)} resultados"
    done.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('tj-status')")
    narrow.close()


def test_remove_all_filters_only_when_there_are_filters(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "directorio/index.html")
    reset = page.get_by_role("button", name="Quitar todos los filtros")
    assert not reset.is_visible()
    page.locator("#tj-f-kind-0").check()
    assert reset.is_visible()
    reset.click()
    assert not reset.is_visible()
    page.close()


def test_switching_language_keeps_the_filters(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "directorio/index.html?region=oaxaca&kind=organization")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/directorio/index.html?*")
    assert parse_qs(urlsplit(page.url).query) == {"region": ["oaxaca"], "kind": ["organization"]}
    page.wait_for_selector(".tj-chip")
    assert page.locator(".tj-chip", has_text="Oaxaca").is_visible()
    page.close()


def _header_search(page: Any, text: str) -> list[str]:
    page.fill("#tj-search-input", "")
    page.type("#tj-search-input", text)
    page.wait_for_selector("#tj-search-results:not([hidden]) li")
    page.wait_for_timeout(200)
    return [t.strip() for t in page.locator("#tj-search-results li").all_inner_texts()]


def test_header_search_ranks_every_word_first(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "temas/index.html")
    found = page.evaluate("""async () => {
        const both = await tejidoSearch.query('mujeres oaxaca');
        const a = new Set(await tejidoSearch.query('mujeres'));
        const b = new Set(await tejidoSearch.query('oaxaca'));
        return {complete: both.complete, total: both.length,
                leaders: both.slice(0, both.complete).every(n => a.has(n) && b.has(n)),
                rest: both.slice(both.complete).every(n => !(a.has(n) && b.has(n)))};
    }""")
    assert found["complete"] > 0 and found["leaders"] and found["rest"]
    shown = _header_search(page, "mujeres oaxaca")
    status = page.locator(".tj-searchbar__status").inner_text()
    assert status == f"{found['total']} resultados"
    assert shown[-1] == f"Ver los {found['total']} resultados en el directorio"
    if found["complete"] < min(8, found["total"]):  # where those with every word end
        assert shown[found["complete"]] == "Con solo algunas de las palabras:"
    last = page.locator("#tj-search-results [role=option]").last
    assert last.get_attribute("data-href").endswith("directorio/index.html?q=mujeres%20oaxaca")
    page.close()


def test_header_search_says_no_results_and_forgives_a_typo(desktop: Any,
                                                           sample_url: str) -> None:
    page = _open(desktop, sample_url + "index.html")
    shown = _header_search(page, "qqzzxx")
    assert shown[0] == "Ninguna entrada coincide con tu búsqueda."
    assert "menos palabras" in shown[1]
    assert _header_search(page, "lindavsta")[0].startswith("Centro Lindavista")
    page.close()


def test_missing_translations_are_marked(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "en/directorio/index.html")
    marked = page.evaluate("""() => [...document.querySelectorAll('.tj-card__summary')]
        .filter(p => p.querySelector('[lang=es]'))
        .map(p => !!p.querySelector('.tj-untranslated'))""")
    assert marked and all(marked)
    page.close()


def test_allies_finder_lists_regions_and_themes_whole(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "directorio/index.html")
    options = page.locator("#tj-ally-region option").all_inner_texts()
    assert options and not [o for o in options if o != o.strip() or "\u00a0" in o]
    assert page.locator("#tj-ally-region optgroup[label='México']").count() == 1
    parted = page.evaluate("""() => [...document.querySelectorAll('.tj-allies__group')]
        .filter(g => !g.firstElementChild.classList.contains('tj-depth-0')).length""")
    assert parted == 0
    page.close()


# -- ways back, breakdowns, the matrix, locale ------------------------------------------


def _read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_entry_pages_have_breadcrumbs_and_their_section_lit(sample_site: Path) -> None:
    html = _read(sample_site, "organizaciones/mujeres-tierra-de-valles/index.html")
    crumbs = re.search(r'<nav class="tj-breadcrumbs" aria-label="Ruta de navegación"><ol>'
                       r'<li><a href="([^"]+)">Organizaciones</a></li>'
                       r'<li aria-current="page">Colectivo Mujeres Tierra de Valles</li>', html)
    assert crumbs and crumbs.group(1) == "../index.html"
    active = re.search(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="[^"]*"'
                       r' class="md-tabs__link">\s*Organizaciones', html)
    assert active, "the Organizaciones tab is lit on an organization's page"
    assert html.count("md-tabs__item--active") == 1
    assert 'data-md-component="sidebar" data-md-type="navigation" hidden' in html
    other = _read(sample_site, "redes/red-polo/index.html")  # the tab went out again
    assert re.search(r'md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link">\s*Redes',
                     other)


def test_term_pages_lead_back_to_the_directory_and_break_down(sample_site: Path) -> None:
    oaxaca = _read(sample_site, "regiones/oaxaca/index.html")
    assert re.search(r'<li><a href="\.\./index\.html">Regiones</a></li><li><a href="\.\./mexico/'
                     r'index\.html">México</a></li><li aria-current="page">Oaxaca</li>', oaxaca)
    assert re.search(r'class="md-button md-button--primary" href="\.\./\.\./directorio/index\.html'
                     r'\?region=oaxaca">Ver \d+ entradas en el directorio', oaxaca)
    assert '<h2 id="por-tema">Por tema' in oaxaca
    assert re.search(r'<li class="tj-depth-1"><a href="\.\./\.\./directorio/index\.html\?'
                     r'region=oaxaca&amp;theme=participacion-ciudadana">Participación ciudadana'
                     r'</a> <span class="tj-count">\d+</span></li>', oaxaca)
    assert "Dentro de este término" not in oaxaca and "Incluye" in oaxaca
    theme = _read(sample_site, "en/temas/participacion-ciudadana/index.html")
    assert '<h2 id="by-place">By place' in theme
    assert "?theme=participacion-ciudadana&amp;region=oaxaca" in theme


def test_no_links_to_empty_term_pages(sample_site: Path) -> None:
    for page in ("ods/index.html", "regiones/index.html", "en/ods/index.html"):
        html = _read(sample_site, page)
        linked_zero = re.findall(r'<a href="[^"]+">[^<]+</a> <span class="tj-count">0</span>', html)
        assert linked_zero == [], page
    assert '<span class="tj-empty-term">' in _read(sample_site, "ods/index.html")


def test_numbers_dates_licences_and_pages_in_the_reader_language(sample_site: Path) -> None:
    guide = _read(sample_site, "guias/memoria-polo/index.html")
    english = _read(sample_site, "en/guias/memoria-polo/index.html")
    assert "<dt>Licencia</dt><dd>CC BY-SA 4.0</dd>" in guide
    assert "<dt>Licence</dt><dd>CC BY-SA 4.0</dd>" in english
    # the freshness line's date (en_GB writes the day first, as Spanish does)
    assert re.search(r"Verificada</span> el \d{1,2} de [a-z]+ de 20\d\d", guide)
    assert re.search(r"Verified</span> on \d{1,2} [A-Z][a-z]+ 20\d\d", english)
    assert re.search(r"KB · 5 págs\.</span>", guide)
    assert re.search(r"KB · 5 pages</span>", english)
    assert " p.</span>" not in guide


def test_locale_numbers() -> None:
    from tejido.core.i18n.labels import count_label
    from tejido.core.i18n.locale import number, pages
    from tejido.core.model.licences import licence

    assert (number("es", 1000), number("en", 1000)) == ("1.000", "1,000")
    assert count_label("es", 12345) == "12.345 entradas"
    assert (pages("es", 24), pages("en", 1)) == ("24 págs.", "1 page")
    assert [licence(x).name for x in ("CC-BY-4.0", "CC0-1.0", "MIT")] == [
        "CC BY 4.0", "CC0 1.0", "MIT"]


def test_a_state_names_its_country(sample_site: Path) -> None:
    html = _read(sample_site, "organizaciones/mujeres-tierra-de-valles/index.html")
    facts = re.search(r'<dt>Dónde</dt><dd class="tj-fact-regions">(.*?)</dd>', html)
    assert facts and "Valles Centrales (Oaxaca, México)</a>" in facts.group(1)


def test_the_matrix_one_country_at_a_time_with_links(phone: Any, sample_site: Path,
                                                    sample_url: str) -> None:
    html = _read(sample_site, "matriz/index.html")
    assert '<nav class="tj-matrix__pick" aria-label="Elige un país">' in html
    assert html.count('<section class="tj-matrix__block"') >= 2
    page = _open(phone, sample_url + "matriz/index.html")
    page.locator(".tj-matrix__pick a", has_text="México").click()
    assert page.evaluate("location.hash") == "#m-mexico"
    # the phone's list form: each count beside its state's name, nothing off screen
    cell = page.locator("#m-mexico td[data-label=Oaxaca] a").first
    assert cell.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    before = page.evaluate("getComputedStyle(document.querySelector("
                           "'#m-mexico td[data-label=Oaxaca]'), '::before').content")
    assert before.startswith('"Oaxaca')
    count = int(cell.inner_text())
    cell.click()
    page.wait_for_url("**/directorio/index.html?kind=organization&theme=*&region=oaxaca")
    page.wait_for_selector(".tj-status:not(:empty)")
    assert page.locator(".tj-status").inner_text().startswith(str(count))
    page.close()


def test_a_guide_pdf_is_named_apart_from_its_attachment() -> None:
    from tejido.core import Layout, load_project
    from tejido.core.model.model import Ref
    from tejido.core.outputs.pages.entry_page import entry_view
    from tejido.core.outputs.pdf.published import Published, PublishedPdf
    from tejido.core.outputs.urls import Urls
    from tejido.core.outputs.views import Views

    catalog = load_project(Layout(REPO)).catalog
    ref = Ref("guide", "memoria-polo")
    published = Published()
    published.replace([PublishedPdf(str(ref), "guias/memoria-polo/memoria-polo-texto-es.pdf",
                                    "es", "Memoria", 18_000, 3)])
    urls = Urls()
    v = Views(catalog, urls, "es", urls.entry(ref, "es"))
    downloads = entry_view(v, catalog.entries[ref], REPO, published).downloads
    names = [str(d.link.text.text if hasattr(d.link.text, "text") else d.link.text)
             for d in downloads]
    assert names[0] == "Esta página en español, para imprimir"
    assert len(set(names)) == len(names)
    assert not [n for n in names if "PDF" in n]  # the format is said once, beside the link


# -- proof: axe-core with best practices on every page type ---------------------------

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _axe(page: Any) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    found: list[str] = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return result.violations.map(
            v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
    }""", AXE_TAGS)
    return found


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_axe_best_practices_on_every_page_type(browser: Any, sample_site: Path,
                                              sample_url: str, width: int, lang: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    found = {}
    paths = [*PAGE_TYPES, _first_practice(sample_site), _first_guide(sample_site),
             "regiones/oaxaca/pagina-2/index.html", "directorio/index.html?region=oaxaca"]
    for path in paths:
        if not (sample_site / lang / path.split("?")[0]).exists():
            pytest.fail(f"{lang}{path} is missing from the sample site")
        page = _open(context, sample_url + lang + path)
        if violations := _axe(page):
            found[path] = violations
        page.close()
    # the header search open with results, one of them chosen by the keyboard
    page = _open(context, sample_url + lang + "temas/index.html")
    _header_search(page, "oaxaca")
    page.keyboard.press("ArrowDown")
    if violations := _axe(page):
        found["search open"] = violations
    page.close()
    # the allies finder with results
    page = _open(context, sample_url + lang + "directorio/index.html")
    page.locator("#tj-ally-t-0").check()
    page.locator(".tj-allies__form button[type=submit]").click()
    page.wait_for_selector(".tj-ally")
    if violations := _axe(page):
        found["allies found"] = violations
    page.close()
    context.close()
    assert found == {}


def test_the_home_introduction_names_only_countries_with_entries(sample_site: Path) -> None:
    from tejido.core import Layout, load_project

    catalog = load_project(Layout(REPO)).catalog
    regions = catalog.taxonomies["regions"]
    for lang, page in (("es", "index.html"), ("en", "en/index.html")):
        intro = re.search(r"<h1[^>]*>.*?</h1>\s*<p>(.*?)</p>", _read(sample_site, page), re.S)
        assert intro
        named = [c for c in regions.roots() if regions.terms[c].label(lang) in intro.group(1)]
        assert named, "the introduction says where the catalog's entries are"
        assert all(catalog.count("regions", c) for c in named), named


def test_the_home_searches_first_then_ways_in_results_and_recent(sample_site: Path) -> None:
    home = _read(sample_site, "index.html")
    article = home[home.index('<article class="md-content__inner'):]
    search = article.index('<form class="tj-home-search" role="search" action="directorio/')
    assert search < article.index('<h2 id="el-catalogo-hoy"')
    assert '<input id="tj-home-q" name="q" type="search"' in article
    featured = re.findall(r'<ul class="tj-featured">(.*?)</ul>', article, re.S)
    assert featured and re.search(r'<strong class="tj-figure">[^<]+</strong> \w', featured[0])
    recent = re.findall(r"verificada el (\d{1,2} de [a-z]+ de 20\d\d)", article)
    assert len(recent) == 5


def test_the_menu_button_is_for_phones_only(desktop: Any, sample_url: str) -> None:
    page = _open(desktop, sample_url + "index.html")
    assert page.locator(".tj-menu-button").count() == 1
    assert not page.locator(".tj-menu-button").is_visible()  # the sidebar is there instead
    page.close()


# -- the entry page's face: a header block, then facts beside the long text -------------

ORGANIZATION = "organizaciones/mujeres-tierra-de-valles/index.html"


def test_an_entry_page_starts_with_who_where_how_fresh_and_how_to_reach(
        sample_site: Path) -> None:
    for lang, where, contact, facts in (("", "Dónde", "Contacto", "Datos"),
                                        ("en/", "Where", "Contact", "Details")):
        html = _read(sample_site, lang + ORGANIZATION)
        head = re.search(r'<header class="tj-entry-head">(.*?)</header>', html, re.S)
        assert head, "the header block"
        block = head.group(1)
        assert re.search(r'<h1 class="tj-title">Colectivo Mujeres Tierra de Valles</h1>', block)
        # its kind, then its type
        assert re.search(r'<p class="tj-subtitle"><a [^>]+>[^<]+</a> · <a [^>]+>', block)
        assert re.search(rf'<dt>{where}</dt><dd class="tj-fact-regions"><a [^>]+>'
                         r'(Valles Centrales|Central Valleys) \(Oaxaca, M[eé]xico\)</a>', block)
        routes = re.search(rf'<dt>{contact}</dt><dd class="tj-fact-contact">(.*?)</dd>', block)
        assert routes and "mailto:contacto@tierradevalles.example.org" in routes.group(1)
        assert 'href="tel:+52951' in routes.group(1)
        assert 'class="tj-freshness"' in block
        # the rest of the facts come after, once: the routes are not repeated there
        rest = html[html.index("</header>"):]
        side = re.search(r'<section class="tj-entry__side" aria-labelledby="tj-entry-facts">'
                         rf'\s*<h2 id="tj-entry-facts" class="tj-entry__side-title">{facts}</h2>'
                         r'(.*?)</section>', rest, re.S)
        assert side and "<dt>" in side.group(1)
        assert "mailto:" not in side.group(1) and f"<dt>{contact}</dt>" not in side.group(1)
        assert rest.index("tj-entry__side") < rest.index('class="tj-entry__main"')


def test_entry_facts_beside_the_text_on_desktop_below_the_header_on_phones(
        browser: Any, sample_url: str) -> None:
    for lang in ("", "en/"):
        for width in (1280, 390, 320):
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = _open(context, sample_url + lang + ORGANIZATION)
            head = page.locator(".tj-entry-head").bounding_box()
            side = page.locator(".tj-entry__side").bounding_box()
            main = page.locator(".tj-entry__main").bounding_box()
            assert head and side and main
            assert side["y"] >= head["y"] + head["height"]
            if width == 1280:  # a side column: right of the text, level with its top
                assert side["x"] >= main["x"] + main["width"]
                assert abs(side["y"] - main["y"]) < 2
                assert page.locator(".md-sidebar--secondary").is_hidden()  # its column
            else:  # one column: the facts, then the long text
                assert abs(side["x"] - main["x"]) < 2 and main["y"] > side["y"]
                assert page.evaluate("document.documentElement.scrollWidth") <= width
            # the routes a reader came for are on the first screen
            mail = page.locator(".tj-fact-contact a[href^=mailto]").bounding_box()
            assert mail and mail["y"] + mail["height"] < 900
            context.close()


def test_a_kind_template_can_replace_the_facts_block(tmp_path: Path) -> None:
    from tejido.core import THEME_DIR, Layout, Renderer, entry_page, load_project
    from tejido.core.model.model import Ref
    from tejido.core.outputs.urls import Urls

    own = tmp_path / "overrides" / "tejido" / "entry"
    own.mkdir(parents=True)
    (own / "organization.html").write_text(
        '{% extends "tejido/entry.html" %}\n'
        '{% block facts %}<p class="owner-facts">Ficha de la red</p>{% endblock %}\n',
        encoding="utf-8")
    catalog = load_project(Layout(REPO)).catalog
    ref = Ref("organization", "mujeres-tierra-de-valles")
    view = entry_page(catalog, catalog.entries[ref], "es", Urls(), REPO)
    html = Renderer([str(tmp_path / "overrides"), THEME_DIR], None).page(view, "", str)
    assert '<p class="owner-facts">Ficha de la red</p>' in html
    assert 'class="tj-entry__side"' not in html
    assert '<header class="tj-entry-head">' in html and "tj-fact-contact" in html


def test_no_script_holds_up_the_first_paint(sample_site: Path) -> None:
    """Every external script is deferred, Material's bundle too (Lighthouse counted it as
    render-blocking on a throttled phone)."""
    for page in ("index.html", "directorio/index.html", "en/" + ORGANIZATION):
        html = _read(sample_site, page)
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert any("bundle." in tag for tag in tags)
        assert [tag for tag in tags if " defer" not in tag] == [], page
