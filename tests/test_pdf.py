"""Guides and the directory as PDF: real builds, read back with poppler's pdftotext/pdfinfo.

One project (the mini fixture plus an illustrated guide in both languages) is
built cold and then again with nothing changed; the tests read what both
builds wrote.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from conftest import engine, make_project, run_mkdocs
from tejido.core import Layout, load_project
from tejido.core.outputs.pdf import (
    PdfCache,
    PdfSource,
    Rendered,
    build_pdfs,
    cache_key,
    directory_jobs,
    directory_source,
    guide_jobs,
    render_pdf,
)
from tejido.core.outputs.pdf.directory import grouping
from tejido.core.outputs.pdf.markup import rewrite_links
from tejido.core.outputs.urls import Urls

PRIVATE = ("Persona Privada", "privada@example.org", "951 000 0000")
GUIDE = "guias/guia-ilustrada/guia-ilustrada"

ILLUSTRATED_ES = """---
title:
  es: Guía ilustrada
  en: Illustrated guide
summary:
  es: Una guía con imagen, tabla ancha y enlaces.
  en: A guide with a picture, a wide table and links.
authors: [network:red-sur, organization:casa-de-la-mixteca]
year: 2024
licence: CC-BY-SA-4.0
---
## Introducción

Texto con un [enlace externo](https://ejemplo.org/guia) y otro [interno](../../redes/red-sur/),
y una referencia a la [tabla](#tabla-de-regiones). <b onclick="alert(1)">negrita</b>

![Mapa de prueba](mapa.png)

{paragraphs}

## Tabla de regiones

| Región | Organizaciones | Temas principales | Población | Observaciones largas |
|---|---|---|---|---|
{rows}

### Un apartado

{paragraphs}

## Cierre

Fin de la guía.
"""

ILLUSTRATED_EN = """## Introduction

English text with a [link](https://example.org/guide).

{paragraphs}

## Closing

End of the guide.
"""

PARAGRAPH = ("Las organizaciones de la sociedad civil trabajan en redes para compartir "
             "aprendizajes, recursos y agendas comunes con las autoridades locales. ") * 6
ROW = ("| Valles Centrales | Casa de la Mixteca, Centro de Saberes | Participación ciudadana, "
       "economía social | Mujeres, juventudes | "
       "Unaobservaciónmuylargasinespaciosquedebepartirseparanosalirdelapágina y más texto |")


def add_illustrated_guide(project: Path) -> None:
    guides = project / "content/guides"
    paragraphs = "\n\n".join([PARAGRAPH] * 6)
    (guides / "guia-ilustrada.md").write_text(
        ILLUSTRATED_ES.replace("{paragraphs}", paragraphs).replace("{rows}", "\n".join([ROW] * 8)),
        encoding="utf-8")
    (guides / "guia-ilustrada.en.md").write_text(
        ILLUSTRATED_EN.replace("{paragraphs}", paragraphs), encoding="utf-8")
    # Much wider and taller than the page: it must be scaled down to fit.
    Image.new("RGB", (2400, 1600), (0, 105, 92)).save(guides / "mapa.png")


@dataclass(frozen=True)
class Builds:
    project: Path
    site: Path
    cold: str
    warm: str
    cache_before: dict[str, float]
    cache_after: dict[str, float]
    site_before: dict[str, bytes]


def _cache_state(project: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime for p in (project / ".cache/tejido-pdf").glob("*.pdf")}


def _site_pdfs(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.pdf")}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    project = make_project(tmp_path_factory.mktemp("pdf"))
    add_illustrated_guide(project)
    cold = run_mkdocs(project)
    assert cold.returncode == 0, cold.stdout + cold.stderr
    before, site_before = _cache_state(project), _site_pdfs(project / "site")
    warm = run_mkdocs(project)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    return Builds(project, project / "site", cold.stderr + cold.stdout,
                  warm.stderr + warm.stdout, before, _cache_state(project), site_before)


@pytest.fixture(scope="module")
def site(builds: Builds) -> Path:
    return builds.site


def text(pdf: Path, first: int | None = None, last: int | None = None,
         layout: bool = True) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    result = subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert found
    return int(found.group(1))


def flat(value: str) -> str:
    return " ".join(value.split())


def toc_entries(pdf: Path, page: int = 2) -> dict[str, int]:
    """'Heading ...... 7' lines of the contents page."""
    entries = {}
    for line in text(pdf, page).splitlines():
        found = re.match(r"\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", line)
        if found:
            entries[found.group(1)] = int(found.group(2))
    return entries


# -- guides ------------------------------------------------------------------

def test_a_guide_is_a_pdf_in_each_language_its_text_exists_in(site: Path) -> None:
    assert (site / f"{GUIDE}-es.pdf").read_bytes().startswith(b"%PDF-")
    assert (site / f"{GUIDE}-en.pdf").read_bytes().startswith(b"%PDF-")
    assert (site / "guias/guia-de-prueba/guia-de-prueba-es.pdf").exists()
    assert not (site / "guias/guia-de-prueba/guia-de-prueba-en.pdf").exists()  # no English text
    assert not (site / "en/guias/guia-ilustrada/guia-ilustrada-en.pdf").exists()  # published once


def test_the_cover_names_title_authors_year_licence_and_language(site: Path) -> None:
    cover = flat(text(site / f"{GUIDE}-es.pdf", 1))
    assert "Guía ilustrada" in cover
    assert "Una guía con imagen, tabla ancha y enlaces." in cover
    assert "Autoría Red Sur, Casa de la Mixteca" in cover
    assert "Año 2024" in cover and "Licencia CC-BY-SA-4.0" in cover
    assert "Idioma español" in cover
    english = flat(text(site / f"{GUIDE}-en.pdf", 1))
    assert "Illustrated guide" in english and "Language English" in english
    assert "Authors Red Sur, Casa de la Mixteca" in english
    info = subprocess.run(["pdfinfo", str(site / f"{GUIDE}-en.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"^Title:\s+Illustrated guide$", info, re.M)
    assert re.search(r"^Author:\s+Red Sur, Casa de la Mixteca$", info, re.M)


def test_contents_page_numbers_point_at_the_headings(site: Path) -> None:
    pdf = site / f"{GUIDE}-es.pdf"
    assert "Contenido" in text(pdf, 2)
    entries = toc_entries(pdf)
    assert list(entries) == ["Introducción", "Tabla de regiones", "Un apartado", "Cierre"]
    total = pages(pdf)
    assert entries["Introducción"] == 3 and entries["Cierre"] == total
    assert entries["Tabla de regiones"] > 3  # the text is long enough to turn pages
    for heading, number in entries.items():
        assert heading in text(pdf, number), (heading, number)
    english = toc_entries(site / f"{GUIDE}-en.pdf")
    assert list(english) == ["Introduction", "Closing"]
    assert "Contents" in text(site / f"{GUIDE}-en.pdf", 2)


def test_pages_are_numbered_with_running_headers(site: Path) -> None:
    pdf = site / f"{GUIDE}-es.pdf"
    total = pages(pdf)
    assert total >= 5
    assert f"1 / {total}" not in text(pdf, 1)  # the cover has no number
    for number in range(2, total + 1):
        page = text(pdf, number)
        assert f"{number} / {total}" in page or f"{number}/{total}" in page
        if number > 2:
            assert page.lstrip().startswith("Guía ilustrada"), page[:200]
    third = text(pdf, 3).splitlines()[0]
    assert "Guía ilustrada" in third and "Introducción" in third  # title, then chapter


def test_images_and_tables_fit_the_page(site: Path) -> None:
    pdf = site / f"{GUIDE}-es.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert len(listing) == 1
    columns = listing[0].split()
    width, x_ppi = int(columns[3]), int(columns[12])
    assert width == 2400
    assert x_ppi >= 2400 / (170 / 25.4) * 0.99  # shown at most 170 mm wide: the text width
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', words)]
    assert right_edges and max(right_edges) <= 595.3 - 20 * 72 / 25.4 + 1  # A4 less its margin
    table = flat(text(pdf, layout=False)).replace("\u2010 ", "")  # words split at line ends
    assert table.count("Saberes") == 8 and table.count("y más texto") == 8  # no row cut off


def test_links_work_in_the_pdf(site: Path) -> None:
    reader = PdfReader(site / f"{GUIDE}-es.pdf")
    uris, internal = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            action = link.get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
            elif link.get("/Dest") is not None:
                internal.append(str(link["/Dest"]))
    assert "https://ejemplo.org/guia" in uris
    assert not [uri for uri in uris if not uri.startswith(("https:", "http:", "mailto:"))]
    destinations = set(reader.named_destinations)
    assert internal and set(internal) <= destinations  # contents and #anchors resolve
    body = flat(text(site / f"{GUIDE}-es.pdf", 3, layout=False))
    assert "enlace externo (https://ejemplo.org/guia)" in body  # printed, so it works on paper
    assert "otro interno" in body and "alert(" not in body


def test_guide_page_lists_its_pdfs_with_language_size_and_pages(site: Path) -> None:
    page = (site / "en/guias/guia-ilustrada/index.html").read_text(encoding="utf-8")
    for lang, language in (("es", "Spanish"), ("en", "English")):
        pdf = site / f"{GUIDE}-{lang}.pdf"
        size = max(1, round(pdf.stat().st_size / 1024))
        assert (f'href="../../../{GUIDE}-{lang}.pdf" hreflang="{lang}"') in page
        count = pages(pdf)
        assert f"PDF · {language} · {size} KB · {count} page{'s' if count > 1 else ''}<" in page
    spanish = (site / "guias/guia-de-prueba/index.html").read_text(encoding="utf-8")
    assert 'href="guia-de-prueba-es.pdf"' in spanish
    assert re.search(r"PDF · español · \d+ KB · 3 págs\.", spanish)
    assert 'href="guia.pdf"' in spanish  # the attached file is still listed


# -- the directory -----------------------------------------------------------

def test_the_directory_is_a_pdf_per_language(site: Path) -> None:
    spanish = flat(text(site / "directorio-es.pdf", 1))
    assert "Directorio temático" in spanish and "3 organizaciones · 1 red" in spanish
    assert "Idioma español" in spanish
    english = flat(text(site / "directorio-en.pdf", 1))
    assert "Thematic directory" in english and "3 organizations · 1 network" in english
    # Casa de la Mixteca has no English summary: shown in Spanish, marked, and said so.
    assert "Texts marked ES are not yet translated into English." in english
    assert "aún no están traducidos" not in spanish
    card = flat(text(site / "directorio-en.pdf", _page_of(site / "directorio-en.pdf", "CAMIX")))
    assert "Acompaña a mujeres artesanas de la Mixteca. ES" in card
    assert pages(site / "directorio-es.pdf") == pages(site / "directorio-en.pdf") == 7


def test_directory_contents_list_themes_then_regions_with_pages(site: Path) -> None:
    pdf = site / "directorio-es.pdf"
    lines = [line.strip() for line in text(pdf, 2).splitlines() if "..." in line]
    assert [re.sub(r"\s*\.{3,}.*", "", line) for line in lines] == [
        "Gobernanza democrática", "México › Oaxaca", "México › Puebla",
        "Derechos humanos", "México › Oaxaca", "Desarrollo local y territorial",
        "México › Oaxaca", "Redes", "Índice de organizaciones"]
    for line in lines:
        found = re.match(r"(.+?)\s*\.{3,}\s*(\d+)$", line)
        assert found, line
        assert found.group(1) in text(pdf, int(found.group(2)))


def _section(pdf_text: str, start: str, end: str) -> str:
    return pdf_text.split(start, 1)[1].split(end, 1)[0]


def test_organizations_are_in_the_right_groups(site: Path) -> None:
    pdf = site / "directorio-es.pdf"
    body = text(pdf, 3, pages(pdf) - 1, layout=False)  # after the contents, before the index
    governance = _section(body, "Gobernanza democrática\nIncluye", "Derechos humanos\nIncluye")
    oaxaca, puebla = governance.split("México › Puebla")
    assert "Colectivo" in oaxaca and "Centro de Saberes" not in oaxaca
    assert "Centro de Saberes" in puebla and "Casa de la Mixteca" not in governance
    rights = _section(body, "Derechos humanos\nIncluye", "Desarrollo local y territorial\nIncluye")
    assert "Casa de la Mixteca (CAMIX)" in rights and "Ana Pública" in rights
    local = _section(body, "Desarrollo local y territorial\nIncluye", "Redes\n")
    assert "También en este grupo" in local  # its card is in an earlier group: a page reference
    card_page = _page_of(site / "directorio-es.pdf", "Persona de")
    assert f"Casa de la Mixteca (CAMIX) · ver p. {card_page}" in flat(local)


def _page_of(pdf: Path, needle: str) -> int:
    for number in range(1, pages(pdf) + 1):
        if needle in text(pdf, number):
            return number
    raise AssertionError(needle)


def test_cards_show_public_contact_routes_themes_regions_and_networks(site: Path) -> None:
    card = flat(text(site / "directorio-en.pdf", _page_of(site / "directorio-en.pdf", "CAMIX")))
    assert "Casa de la Mixteca (CAMIX)" in card
    assert "Themes Social and inclusive economy, Gender equality" in card
    assert "Regions Mixteca" in card
    assert re.search(r"Networks Red Sur \(see p\. 6\)", card)
    assert "Contact contacto@camix.example.org" in card
    assert "Contact person Ana Pública (Coordinator) · ana@camix.example.org" in card
    networks = flat(text(site / "directorio-en.pdf", 6))
    assert "Red Sur" in networks and "Members Casa de la Mixteca (see p." in networks


def test_the_index_gives_each_organization_its_page(site: Path) -> None:
    pdf = site / "directorio-es.pdf"
    index = flat(text(pdf, pages(pdf), layout=False))
    assert index.startswith("Índice de organizaciones")
    for name, needle in (("Casa de la Mixteca", "CAMIX"), ("Centro de Saberes", "Saberes"),
                         ("CAMIX", "CAMIX")):
        found = re.search(re.escape(name) + r" \.+ (\d+)", index)
        assert found, name
        assert needle in text(pdf, int(found.group(1)))


def test_hostile_text_is_shown_as_text(site: Path) -> None:
    directory = flat(text(site / "directorio-es.pdf", layout=False))
    assert '<script>alert("name")</script> Colectivo & "Hostil"' in directory
    assert "https://hostil.example.org/?q=<x>&a=\"b\"" in directory
    for pdf in site.rglob("*.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"^JavaScript:\s+no$", info, re.M), pdf


def test_no_private_data_in_any_pdf(site: Path) -> None:
    for pdf in site.rglob("*.pdf"):
        content = text(pdf, layout=False)
        for private in PRIVATE:
            assert private not in content, (pdf, private)
    assert "Ana Pública" in text(site / "directorio-es.pdf", layout=False)  # public: true


PARTS = ("directorio-mexico", "directorio-tema-gobernanza", "directorio-tema-derechos-humanos",
         "directorio-tema-desarrollo-local", "directory-mexico", "directory-theme-gobernanza",
         "directory-theme-derechos-humanos", "directory-theme-desarrollo-local")


def test_the_directory_is_also_a_pdf_per_region_and_per_theme(site: Path) -> None:
    published = sorted(p.stem for p in (site / "directorio").glob("*.pdf"))
    assert published == sorted(PARTS)
    assert not list((site / "en").rglob("directory-*.pdf"))  # published once, from the root
    for name in PARTS:
        pdf = site / "directorio" / f"{name}.pdf"
        assert text(pdf, 1), name  # readable
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"^JavaScript:\s+no$", info, re.M), name


def test_a_theme_part_has_its_own_cover_contents_and_index(site: Path) -> None:
    pdf = site / "directorio/directory-theme-gobernanza.pdf"
    cover = flat(text(pdf, 1))
    assert "Thematic directory Democratic governance" in cover
    assert "2 organizations · 1 network" in cover
    contents = [re.sub(r"\s*\.{3,}.*", "", line.strip())
                for line in text(pdf, 2).splitlines() if "..." in line]
    assert contents == ["Democratic governance", "Mexico › Oaxaca", "Mexico › Puebla",
                        "Networks", "Index of organizations"]
    whole = text(pdf, layout=False)
    assert "Human rights" not in whole  # another theme's section
    index = flat(text(pdf, pages(pdf), layout=False))
    assert index.startswith("Index of organizations")
    assert "Centro de Saberes" in index and "Colectivo" in index
    assert "Casa de la Mixteca" not in index and "CAMIX" not in index
    # Red Sur's members include Casa de la Mixteca, whose card is in another part: named,
    # without a page reference that would point nowhere.
    networks = flat(text(pdf, _page_of(pdf, "Convened by")))
    assert "Members Casa de la Mixteca; " in networks
    assert re.search(r"Colectivo & \"Hostil\" \(see p\. \d+\)", networks)


def test_a_region_part_shows_every_theme_of_its_organizations(site: Path) -> None:
    pdf = site / "directorio/directorio-mexico.pdf"
    assert "Directorio temático México" in flat(text(pdf, 1))
    assert "3 organizaciones · 1 red" in flat(text(pdf, 1))
    contents = [re.sub(r"\s*\.{3,}.*", "", line.strip())
                for line in text(pdf, 2).splitlines() if "..." in line]
    assert contents[0] == "Gobernanza democrática" and "Derechos humanos" in contents
    assert contents[-2:] == ["Redes", "Índice de organizaciones"]
    index = flat(text(pdf, pages(pdf), layout=False))
    for name in ("Casa de la Mixteca", "CAMIX", "Centro de Saberes", "Colectivo"):
        assert name in index


def test_pages_offer_the_parts_in_the_readers_language(site: Path) -> None:
    for page, up in (("en/index.html", "../"), ("en/directorio/index.html", "../../"),
                     ("en/datos/index.html", "../../")):
        html = (site / page).read_text(encoding="utf-8")
        assert "The directory as PDF, to print" in html, page
        size = max(1, round((site / "directorio/directory-theme-gobernanza.pdf").stat().st_size
                            / 1024))
        assert (f'<a href="{up}directorio/directory-theme-gobernanza.pdf" hreflang="en">'
                f"Democratic governance</a> <span class=\"tj-meta\">PDF · English · {size} KB"
                " · 5 pages</span>") in html, page
        assert "By region" in html and "By theme" in html
        assert "directorio-tema-gobernanza.pdf" not in html  # the Spanish parts: on Spanish pages
    spanish = (site / "datos/index.html").read_text(encoding="utf-8")
    assert 'href="../directorio/directorio-tema-gobernanza.pdf" hreflang="es">Gobernanza ' \
           "democrática</a>" in spanish
    assert "Por región" in spanish and "directory-theme" not in spanish


def test_home_links_the_directory_pdfs(site: Path) -> None:
    home = (site / "en/index.html").read_text(encoding="utf-8")
    size = max(1, round((site / "directorio-en.pdf").stat().st_size / 1024))
    assert 'href="../directorio-en.pdf" hreflang="en"' in home
    assert f"PDF · English · {size} KB · 7 pages" in home
    assert 'href="../directorio-es.pdf" hreflang="es"' in home
    assert home.index("directorio-en.pdf") < home.index("directorio-es.pdf")  # reader's first


# -- cache -------------------------------------------------------------------

def _pdf_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "PDF" in line]


def test_a_rebuild_with_nothing_changed_renders_nothing(builds: Builds) -> None:
    # 3 guide PDFs, the whole directory and 4 parts, each in 2 languages.
    assert "13 PDFs: 13 rendered, 0 from cache" in builds.cold, _pdf_lines(builds.cold)
    assert "13 PDFs: 0 rendered, 13 from cache" in builds.warm, _pdf_lines(builds.warm)
    assert builds.cache_after == builds.cache_before  # no cache file rewritten
    assert _site_pdfs(builds.site) == builds.site_before  # the same bytes


def _edited_project(folder: Path, cache_from: Path) -> Path:
    project = make_project(folder)
    add_illustrated_guide(project)
    shutil.copytree(cache_from / ".cache", project / ".cache")
    org = project / "directory/organizations/casa-de-la-mixteca.yml"
    org.write_text(org.read_text().replace("Acompaña a mujeres", "Acompaña a muchas mujeres"))
    return project


def test_a_change_renders_only_what_it_touches(builds: Builds, tmp_path: Path) -> None:
    """Edited: the summary of Casa de la Mixteca (Oaxaca; human rights, local
    development). To render again: the directory, Mexico, human rights and local
    development in both languages; democratic governance, which names Casa de la Mixteca
    only as a member of Red Sur, comes from the cache. (The guides too, since this copy
    of the project is in another folder: see `cache_key`.)"""
    project = _edited_project(tmp_path, builds.project)
    result = run_mkdocs(project)
    output = result.stderr + result.stdout
    assert result.returncode == 0, output
    assert "13 PDFs: 11 rendered, 2 from cache" in output, output
    # The PDFs they replace are gone from the cache: it does not grow with every edit.
    assert len(list((project / ".cache/tejido-pdf").glob("*.pdf"))) == 13
    assert "Acompaña a muchas mujeres" in text(project / "site/directorio-es.pdf",
                                               layout=False)
    # What an incremental build publishes is, byte for byte, what a cold build of the same
    # folder publishes (the same folder: WeasyPrint names images after their address).
    incremental = _site_pdfs(project / "site")
    shutil.rmtree(project / ".cache")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "13 PDFs: 13 rendered, 0 from cache" in result.stderr + result.stdout
    cold = _site_pdfs(project / "site")
    assert incremental == cold
    # A damaged cache (a PDF cut short, a missing checksum, a garbled warnings file) is
    # rendered again, silently, and the site is the same again.
    entries = sorted((project / ".cache/tejido-pdf").glob("*.pdf"))
    cut, unsummed, garbled = entries[0], entries[1], entries[2]
    cut.write_bytes(cut.read_bytes()[:500])
    unsummed.with_suffix(".sha256").unlink()
    garbled.with_suffix(".warnings").write_bytes(b"\xff\xfe\x00broken")
    result = run_mkdocs(project)
    output = result.stderr + result.stdout
    assert result.returncode == 0, output
    assert "Traceback" not in output
    assert "13 PDFs: 3 rendered, 10 from cache" in output, output
    assert _site_pdfs(project / "site") == cold


def test_the_cache_key_covers_html_css_images_and_engine(tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"one")
    source = PdfSource("<p>x</p>", "p {}", assets=(image,))
    key = cache_key(source, engine="e1")
    assert key == cache_key(source, engine="e1")
    assert key != cache_key(PdfSource("<p>y</p>", "p {}", assets=(image,)), engine="e1")
    assert key != cache_key(PdfSource("<p>x</p>", "p {color: red}", assets=(image,)), "e1")
    assert key != cache_key(source, engine="e2")
    moved = PdfSource("<p>x</p>", "p {}", base_dir=tmp_path / "elsewhere", assets=(image,))
    assert key != cache_key(moved, engine="e1")  # images are named after their address
    image.write_bytes(b"two")
    assert key != cache_key(source, engine="e1")


def test_build_pdfs_renders_only_missing_ones(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    catalog = load_project(Layout(project)).catalog
    jobs = guide_jobs(catalog, Urls(), project)
    calls: list[PdfSource] = []

    def fake(source: PdfSource) -> Rendered:
        calls.append(source)
        return Rendered(_blank_pdf(), ("not fetched: https://example.org/x.png",))

    cache = PdfCache(tmp_path / "cache")
    first = build_pdfs(jobs, cache, render=fake)
    assert (first.rendered, first.cached, len(calls)) == (1, 0, 1)
    second = build_pdfs(jobs, cache, render=fake)
    assert (second.rendered, second.cached, len(calls)) == (0, 1, 1)
    assert second.outputs[0].pages == 1 and second.outputs[0].job.url == \
        "guias/guia-de-prueba/guia-de-prueba-es.pdf"
    # A cached PDF reports what its rendering reported, so strict builds agree.
    assert first.outputs[0].warnings == second.outputs[0].warnings == (
        "not fetched: https://example.org/x.png",)


def test_a_remote_image_is_refused_with_its_line(project: Path) -> None:
    guide = project / "content/guides/guia-de-prueba.md"
    guide.write_text(guide.read_text() + "\n![remota](https://example.org/x.png)\n")
    result = run_mkdocs(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "content/guides/guia-de-prueba.md:19: text: images from other websites are not " \
           "allowed" in output
    assert "Traceback" not in output


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


# -- rendering ---------------------------------------------------------------

def test_rendering_is_deterministic_and_reads_nothing_remote(tmp_path: Path) -> None:
    image = tmp_path / "local.png"
    Image.new("RGB", (20, 10), (255, 0, 0)).save(image)
    html = ('<p>Hola</p><img src="local.png"><img src="https://example.org/x.png">'
            '<img src="../outside.png">')
    (tmp_path.parent / "outside.png").write_bytes(image.read_bytes())
    source = PdfSource(html, "p { font-family: 'DejaVu Serif'; }", base_dir=tmp_path,
                       allowed=tmp_path)
    first, second = render_pdf(source), render_pdf(source)
    assert first.data == second.data
    assert any("not fetched" in w and "https://example.org/x.png" in w for w in first.warnings)
    assert any("outside the repository" in w for w in first.warnings)
    assert not any("local.png" in w for w in first.warnings)


def test_a_missing_system_library_names_the_debian_packages(project: Path, tmp_path: Path
                                                            ) -> None:
    fake = tmp_path / "fake"
    (fake / "weasyprint").mkdir(parents=True)
    (fake / "weasyprint/__init__.py").write_text(
        "print('WeasyPrint could not import some external libraries')\n"
        "raise OSError(\"cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open "
        "shared object file: No such file or directory\")\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(fake)}
    result = subprocess.run(
        engine("build", "--strict", "-f", str(project / "mkdocs.yml"), "--site-dir",
               str(project / "site")), cwd=project, env=env, capture_output=True, text=True,
        timeout=300, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "could not load 'libpango-1.0-0'" in output
    assert "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0" in output


def test_pdfs_can_be_turned_off_and_then_no_page_links_them(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("enabled: !ENV [TEJIDO_PDF, true]",
                                                 "enabled: false"))
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert sorted(p.name for p in site.rglob("*.pdf")) == ["guia.pdf"]  # attachments stay
    assert "directorio-es.pdf" not in (site / "index.html").read_text()
    assert "guia-de-prueba-es.pdf" not in (site / "guias/guia-de-prueba/index.html").read_text()


def test_serve_leaves_pdfs_off_unless_asked(project: Path) -> None:
    from mkdocs.config import load_config

    for on_serve, command, active in ((False, "serve", False), (True, "serve", True),
                                      (False, "build", True)):
        config = load_config(str(project / "mkdocs.yml"))
        plugin = config.plugins["tejido/pdf"]
        plugin.config.on_serve = on_serve
        plugin.on_startup(command=command, dirty=False)
        plugin.on_config(config)
        assert plugin.active is active, (on_serve, command)


# -- pure core ---------------------------------------------------------------

def test_grouping_follows_root_themes_then_state_level_regions(project: Path) -> None:
    catalog = load_project(Layout(project)).catalog
    shape = [(theme.theme, [(g.region, [m.id for m in g.members]) for g in theme.groups])
             for theme in grouping(catalog)]
    assert shape == [
        ("gobernanza", [("oaxaca", ["colectivo-hostil"]), ("puebla", ["red-de-saberes"])]),
        ("derechos-humanos", [("oaxaca", ["casa-de-la-mixteca"])]),
        ("desarrollo-local", [("oaxaca", ["casa-de-la-mixteca"])]),
    ]


def test_large_parts_are_cut_by_state_then_into_volumes(project: Path) -> None:
    catalog = load_project(Layout(project)).catalog
    names = {job.url.removeprefix("directorio/"): job.title
             for job in directory_jobs(catalog, Urls(), limit=1) if job.lang == "es"}
    assert names == {
        # Mexico (3 > 1): Oaxaca (Casa de la Mixteca, Colectivo; 2 > 1 and no level below:
        # two volumes by name) and Puebla. No whole directory: it is larger than a part.
        # The hostile name starts with no letter: filed under '#', before the others.
        "directorio-mexico-oaxaca-1.pdf": "Directorio temático: México › Oaxaca, volumen 1 "
                                          "de 2 (#–#)",
        "directorio-mexico-oaxaca-2.pdf": "Directorio temático: México › Oaxaca, volumen 2 "
                                          "de 2 (Ca–Ca)",
        "directorio-mexico-puebla.pdf": "Directorio temático: México › Puebla",
        # A theme: into volumes by name (inside, its organizations are grouped by region).
        "directorio-tema-gobernanza-1.pdf":
            "Directorio temático: Gobernanza democrática, volumen 1 de 2 (#–#)",
        "directorio-tema-gobernanza-2.pdf":
            "Directorio temático: Gobernanza democrática, volumen 2 de 2 (Ce–Ce)",
        "directorio-tema-derechos-humanos.pdf": "Directorio temático: Derechos humanos",
        "directorio-tema-desarrollo-local.pdf": "Directorio temático: Desarrollo local y "
                                                "territorial",
    }
    parts = {job.url: job.part for job in directory_jobs(catalog, Urls(), limit=1)}
    oaxaca = parts["directorio/directorio-mexico-oaxaca-1.pdf"]
    assert oaxaca is not None and [r.id for r in oaxaca.members] == ["colectivo-hostil"]
    # An organization is in the parts of its regions and themes, and only there.
    of_saberes = {url.removeprefix("directorio/") for url, part in parts.items()
                  if part is not None and url.startswith("directorio/directorio-")
                  and any(ref.id == "red-de-saberes" for ref in part.members)}
    assert of_saberes == {"directorio-mexico-puebla.pdf", "directorio-tema-gobernanza-2.pdf"}


def test_a_country_is_cut_into_its_states_and_its_country_wide_part(project: Path) -> None:
    org = project / "directory/organizations/red-de-saberes.yml"
    org.write_text(org.read_text().replace("regions: [MX-PUE]", "regions: [mexico]"))
    catalog = load_project(Layout(project)).catalog
    jobs = directory_jobs(catalog, Urls(), limit=2)
    titles = {job.url.removeprefix("directorio/"): job.title for job in jobs}
    assert titles["directorio-mexico-todo-el-pais.pdf"] == \
        "Directorio temático: México, todo el país"
    assert titles["directory-mexico-whole-country.pdf"] == \
        "Thematic directory: Mexico, the whole country"
    assert "directorio-mexico-oaxaca.pdf" in titles
    wide = next(job for job in jobs if job.url.endswith("directorio-mexico-todo-el-pais.pdf"))
    html = wide.source.html
    assert 'id="o-red-de-saberes"' in html and 'id="o-casa-de-la-mixteca"' not in html
    assert "México › Oaxaca" not in html  # only the country-wide group


def _keys_and_html(project: Path) -> tuple[dict[str, str], dict[str, str]]:
    catalog = load_project(Layout(project)).catalog
    jobs = directory_jobs(catalog, Urls(), "https://tejido.example.org/")
    return ({job.url: job.key() for job in jobs if job.key},
            {job.url: job.source.html for job in jobs})


@pytest.mark.parametrize(("path", "old", "new"), [
    ("directory/organizations/casa-de-la-mixteca.yml", "Acompaña a mujeres",
     "Acompaña a muchas mujeres"),                       # one card
    ("directory/organizations/red-de-saberes.yml", "Centro de Saberes", "Centro Saberes"),
    ("taxonomies/themes.yml", "en: Human rights}", "en: Human rights and freedoms}"),
    ("practices/talleres-de-incidencia.md", "Talleres para preparar", "Talleres que preparan"),
])
def test_a_parts_input_key_changes_exactly_when_its_html_does(
        project: Path, path: str, old: str, new: str) -> None:
    """The parts are keyed by their inputs, not their HTML (too costly to make at 10,000
    organizations only to hash it): the keys must move with the HTML, no more, no less."""
    keys, html = _keys_and_html(project)
    assert len(set(keys.values())) == len(keys) == 10
    file = project / path
    assert old in file.read_text(encoding="utf-8"), path
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    keys_after, html_after = _keys_and_html(project)
    moved = {url for url in keys if keys[url] != keys_after[url]}
    changed = {url for url in html if html[url] != html_after[url]}
    if path.startswith("taxonomies/"):
        # A label: every part of that language (its labels are hashed as one), never less.
        assert changed and changed <= moved
        assert moved == {job for job in keys if "directory-" in job or job.endswith("-en.pdf")}
    else:
        assert moved == changed, (moved ^ changed)
    if path.startswith("practices/"):
        assert not changed  # practices are not in the directory
    else:
        assert changed


def test_directory_html_escapes_content_and_leaves_private_data_out(project: Path) -> None:
    catalog = load_project(Layout(project)).catalog
    html = directory_source(catalog, "es", Urls()).html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; Colectivo &amp;" in html
    for private in PRIVATE:
        assert private not in html


@pytest.mark.parametrize(("href", "page", "expected"), [
    ("#x", None, '<a href="#x">t</a>'),
    ("https://a.org/", None, '<a href="https://a.org/">t</a> <span class="tj-url">'
                             "(https://a.org/)</span>"),
    ("mailto:a@b.org", None, '<a href="mailto:a@b.org">t</a>'),
    ("../x/", None, '<span class="tj-link">t</span>'),
    ("../x/", "https://site.org/guias/g/", '<a href="https://site.org/guias/x/">t</a> '
                                           '<span class="tj-url">(https://site.org/guias/x/)'
                                           "</span>"),
])
def test_links_are_made_to_work_in_a_pdf(href: str, page: str | None, expected: str) -> None:
    assert rewrite_links(f'<a href="{href}">t</a>', page) == expected


# -- print view --------------------------------------------------------------

def test_print_view_has_the_text_alone_with_link_addresses(site: Path, browser: Any) -> None:
    hidden = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".tj-searchbar-wrap",
              ".md-nav", ".headerlink")
    page = browser.new_page()
    page.goto((site / "guias/guia-ilustrada/index.html").as_uri())
    page.emulate_media(media="print")
    for selector in hidden:
        shown = page.eval_on_selector_all(
            selector, "els => els.filter(e => getComputedStyle(e).display !== 'none').length")
        assert shown == 0, selector
    assert page.eval_on_selector("article", "e => getComputedStyle(e).display") != "none"
    after = page.eval_on_selector('article a[href="https://ejemplo.org/guia"]',
                                  "e => getComputedStyle(e, '::after').content")
    assert "attr(href)" in after or "https://ejemplo.org/guia" in after
    page.goto((site / "organizaciones/colectivo-hostil/index.html").as_uri())
    page.emulate_media(media="print")
    website = page.eval_on_selector(".tj-facts dd > a[href^='https://hostil']",
                                    "e => getComputedStyle(e, '::after').content")
    assert website == "none"  # its text already is its address
    page.emulate_media(media="screen")
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).display") != "none"
    page.close()


def test_the_guide_picture_is_published_beside_both_pages(site: Path) -> None:
    page = (site / "guias/guia-ilustrada/index.html").read_text()
    assert 'src="mapa.png"' in page
    for lang in ("", "en/"):  # the English page may show the Spanish text, picture included
        assert (site / lang / "guias/guia-ilustrada/mapa.png").read_bytes().startswith(b"\x89PNG")
