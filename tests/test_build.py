"""Real `mkdocs build --strict` of a small project; we read the HTML it writes."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from conftest import run_mkdocs

Reader = Callable[[str], str]


def html_lang(page: str) -> str:
    match = re.search(r'<html lang="([a-z]+)"', page)
    assert match, "no <html lang>"
    return match.group(1)


def alternates(page: str) -> dict[str, str]:
    return {lang: href for href, lang in
            re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([a-z]+)">', page)}


def article(page: str) -> str:
    return page.split('<article class="md-content__inner md-typeset">', 1)[1].split(
        "</article>", 1)[0]


def test_entry_pages_exist_in_both_languages_with_the_right_lang(read_page: Reader) -> None:
    assert html_lang(read_page("organizaciones/casa-de-la-mixteca")) == "es"
    assert html_lang(read_page("en/organizaciones/casa-de-la-mixteca")) == "en"
    assert html_lang(read_page("en/redes/red-sur")) == "en"
    assert html_lang(read_page("en/practicas/talleres-de-incidencia")) == "en"
    assert html_lang(read_page("en/guias/guia-de-prueba")) == "en"


def test_language_switch_and_hreflang_lead_to_the_same_entry(read_page: Reader) -> None:
    assert alternates(read_page("organizaciones/casa-de-la-mixteca")) == {
        "es": "index.html", "en": "../../en/organizaciones/casa-de-la-mixteca/index.html"}
    assert alternates(read_page("en/redes/red-sur")) == {
        "es": "../../../redes/red-sur/index.html", "en": "index.html"}
    switcher = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link"',
                          read_page("en/regiones/oaxaca"))
    assert switcher == [("../../../regiones/oaxaca/index.html", "es"), ("index.html", "en")]


def test_hand_written_pages_keep_i18n_alternates(read_page: Reader) -> None:
    assert alternates(read_page("en/temas")) == {"es": "../../temas/index.html", "en": "index.html"}


def test_relations_are_linked_both_ways(read_page: Reader) -> None:
    network = article(read_page("redes/red-sur"))
    assert 'href="../../organizaciones/casa-de-la-mixteca/index.html"' in network
    assert "desde 2018" in network
    member = article(read_page("organizaciones/casa-de-la-mixteca"))
    assert 'href="../../redes/red-sur/index.html"' in member  # derived: member_of
    assert 'href="../../practicas/talleres-de-incidencia/index.html"' in member  # derived: ran
    assert 'href="../red-de-saberes/index.html"' in member  # alliance declared on the other side
    practice = article(read_page("en/practicas/talleres-de-incidencia"))
    assert 'href="../../guias/guia-de-prueba/index.html"' in practice
    guide = article(read_page("en/guias/guia-de-prueba"))
    assert 'href="../../practicas/talleres-de-incidencia/index.html"' in guide  # derived: used_in
    assert 'href="../../redes/red-sur/index.html"' in guide


def test_missing_translation_falls_back_with_notice_and_lang(read_page: Reader) -> None:
    english = article(read_page("en/organizaciones/casa-de-la-mixteca"))
    assert 'class="tj-fallback' in english
    assert "not yet translated into English; it is shown in Spanish" in english
    assert '<span lang="es">Acompaña a mujeres artesanas de la Mixteca.</span>' in english
    assert '<div class="tj-prose" lang="es">' in english
    translated = article(read_page("en/organizaciones/red-de-saberes"))
    assert "tj-fallback" not in translated


def test_hostile_text_is_escaped_or_removed(built_mini: Path) -> None:
    for lang in ("", "en/"):
        page = (built_mini / lang / "organizaciones/colectivo-hostil/index.html").read_text()
        body = article(page)
        assert "<script" not in body
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", body), "event handler attribute"
        assert not re.search(r"(href|src)=\"(javascript|data):", body), "unsafe link"
        heading = re.search(r'<h1 class="tj-title">(.*?)</h1>', body, re.S)
        assert heading and "<" not in heading.group(1)
        # Escaped once: the reader sees exactly what the contributor wrote.
        assert html.unescape(heading.group(1)).startswith('<script>alert("name")</script> '
                                                          "Colectivo &")
        jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert jsonld and json.loads(jsonld.group(1))["name"].startswith('<script>alert("name")')
        assert "<" not in jsonld.group(1)
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title and "<script" not in title.group(1)
        assert html.unescape(title.group(1)).startswith('<script>alert("name")</script>')
        website = re.search(r'href="(https://hostil\.example\.org/[^"]*)"', body)
        assert website and html.unescape(website.group(1)) == 'https://hostil.example.org/?q=<x>&a="b"'
        assert 'class="md-dialog' not in body and 'id="tj-search-input"' not in body.split(
            '<div class="tj-prose"', 1)[1]
        assert "color:red" not in body
    listing = (built_mini / "organizaciones/index.html").read_text()
    assert '<script>alert("' not in listing


def test_private_contact_person_is_not_published(built_mini: Path) -> None:
    every_page = "".join(p.read_text() for p in built_mini.rglob("*.html"))
    every_page += "".join(p.read_text() for p in built_mini.rglob("*.json"))
    assert "Persona Privada" not in every_page
    assert "privada@example.org" not in every_page
    public = (built_mini / "organizaciones/casa-de-la-mixteca/index.html").read_text()
    assert "Ana Pública" in public and "mailto:ana@camix.example.org" in public


def test_browse_pages_list_entries_with_counts(read_page: Reader) -> None:
    oaxaca = article(read_page("regiones/oaxaca"))
    assert "Regiones · 4 entradas" in oaxaca  # its sub-regions count for oaxaca
    assert 'href="../mixteca/index.html">Mixteca</a> <span class="tj-count">2</span>' in oaxaca
    mexico = article(read_page("en/regiones/mexico"))
    assert "Regions · 5 entries" in mexico
    sdg = article(read_page("en/ods/16"))
    assert "SDG 16: Peace, justice and strong institutions" in sdg
    themes = article(read_page("temas"))
    assert 'href="participacion-ciudadana/index.html">Participación ciudadana</a>' in themes
    kinds = article(read_page("en/organizaciones"))
    assert kinds.count('class="tj-card ') == 3
    assert kinds.count("(not yet translated)") == 1  # Casa de la Mixteca has no English


def test_home_shows_counts_and_ways_in(read_page: Reader) -> None:
    home = article(read_page("en"))
    assert re.search(r'<strong class="tj-figure">3</strong> Organizations', home)
    assert re.search(r'<strong class="tj-figure">1</strong> Networks', home)
    assert 'href="regiones/mexico/index.html">Mexico</a>' in home


def test_catalog_json_per_language(built_mini: Path) -> None:
    es = json.loads((built_mini / "catalog.json").read_text())
    en = json.loads((built_mini / "en/catalog.json").read_text())
    assert es["language"] == "es" and en["language"] == "en"
    assert es["count"] == en["count"] == 6
    by_ref = {e["ref"]: e for e in en["entries"]}
    assert by_ref["organization:casa-de-la-mixteca"]["url"] == \
        "en/organizaciones/casa-de-la-mixteca/index.html"
    assert by_ref["practice:talleres-de-incidencia"]["name"] == "Advocacy workshops"
    assert by_ref["organization:casa-de-la-mixteca"]["languages"] == ["es"]
    for entry in en["entries"]:
        assert (built_mini / entry["url"]).exists()


def test_attached_files_are_published_with_size_and_pages(built_mini: Path) -> None:
    assert (built_mini / "guias/guia-de-prueba/guia.pdf").read_bytes().startswith(b"%PDF-")
    page = article((built_mini / "en/guias/guia-de-prueba/index.html").read_text())
    assert 'href="../../../guias/guia-de-prueba/guia.pdf"' in page
    assert re.search(r"PDF · Spanish · \d+ KB · 2 pages", page)


def test_no_request_leaves_the_site(built_mini: Path) -> None:
    for page in built_mini.rglob("*.html"):
        text = page.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        assert not re.search(r'<script[^>]+src="https?://', text), page


def test_entry_pages_stay_out_of_the_navigation(read_page: Reader) -> None:
    nav = read_page("en").split('<nav class="md-nav md-nav--primary', 1)[1].split("</nav>")[0]
    assert "casa-de-la-mixteca" not in nav


def test_bad_content_fails_the_build_once_without_traceback(project: Path) -> None:
    bad = project / "directory/organizations/casa-de-la-mixteca.yml"
    bad.write_text(bad.read_text().replace("[mixteca]", "[mixteka]"))
    result = run_mkdocs(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert output.count("casa-de-la-mixteca.yml:11: regions[0]: unknown regions term") == 1
    assert "did you mean 'mixteca'?" in output


def test_long_listings_come_in_pages(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - tejido/catalog:\n", "  - tejido/catalog:\n      listing_page_size: 2\n"))
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    first = article((site / "en/organizaciones/index.html").read_text())
    assert first.count('class="tj-card ') == 2
    assert '<span aria-current="page">1</span>' in first
    assert '<a href="pagina-2/index.html">2</a>' in first
    second = article((site / "en/organizaciones/pagina-2/index.html").read_text())
    assert second.count('class="tj-card ') == 1
    assert "Organizations (page 2 of 2)" in second
    assert '<a href="../index.html">1</a>' in second
    assert (site / "organizaciones/pagina-2/index.html").exists()
    assert not (site / "redes/pagina-2").exists()  # one network: one page
    mexico = article((site / "en/regiones/mexico/index.html").read_text())
    assert "Regions · 5 entries" in mexico and "Includes" in mexico
    assert mexico.count('class="tj-card ') == 2
    last = article((site / "en/regiones/mexico/pagina-3/index.html").read_text())
    assert "Mexico (page 3 of 3)" in last and last.count('class="tj-card ') == 1
    assert "Within this term" not in last


def test_a_sitemap_per_language_lists_every_page(built_mini: Path) -> None:
    for lang in ("", "en/"):
        text = (built_mini / lang / "sitemap.xml").read_text()
        locs = re.findall(r"<loc>([^<]+)</loc>", text)
        assert f"https://tejido.example.org/{lang}organizaciones/casa-de-la-mixteca/index.html" \
            in locs
        assert f"https://tejido.example.org/{lang}temas/index.html" in locs
        assert all(loc.startswith(f"https://tejido.example.org/{lang}") for loc in locs)
        assert ('hreflang="en" href="https://tejido.example.org/en/redes/red-sur/index.html"'
                in text)
