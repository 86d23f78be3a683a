"""One order for names: accents and case ignored, per language, in every listing,
the directory's data and the PDF index."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import run_mkdocs
from tejido.core import Layout, load_project
from tejido.core.i18n.text import fold, initial, sort_key
from tejido.core.outputs.pages.directory import facets_data
from tejido.core.outputs.pdf.directory import directory_source
from tejido.core.outputs.urls import Urls

ORGANIZATIONS = ["Zapoteca Viva", "Órgano Ciudadano", "Ñuu Savi", "Nuevo Día", "árbol Vivo",
                 "Oaxaca Unida", "Ébano"]
ORDER_ES = ["árbol Vivo", "Ébano", "Nuevo Día", "Ñuu Savi", "Oaxaca Unida", "Órgano Ciudadano",
            "Zapoteca Viva"]
PRACTICES = {"abaco": ("Ábaco comunitario", "Zither circles"),
             "zurcido": ("Zurcido de redes", "Abacus of networks")}


def test_folding_ascii_text_takes_the_short_way_to_the_same_result() -> None:
    def decomposed(text: str) -> str:
        marks = unicodedata.normalize("NFKD", text.lower())
        return "".join(c for c in marks if not unicodedata.combining(c))

    every_ascii = "".join(map(chr, range(128)))
    assert fold(every_ascii) == decomposed(every_ascii)
    assert fold("Educación Ñuu Savi") == "educacion nuu savi"  # and the long way still


def test_the_sort_key() -> None:
    assert sorted(ORGANIZATIONS, key=lambda n: sort_key(n, "es")) == ORDER_ES
    assert sorted(["niño", "ninos", "nz", "ñu", "o"], key=lambda n: sort_key(n, "es")) == [
        "ninos", "niño", "nz", "ñu", "o"]
    assert sorted(["niño", "ninos"], key=lambda n: sort_key(n, "en")) == ["niño", "ninos"]
    assert sort_key("Árbol", "es") < sort_key("árbol", "es")  # a total order: ties by text
    assert [initial(n, "es") for n in ("Órgano", "Ñuu", "ñandú", "<b>", "1 de mayo")] == [
        "O", "Ñ", "Ñ", "#", "#"]
    assert initial("Ñuu", "en") == "N"


@pytest.fixture
def sample(empty_project: Path) -> Path:
    for name in ORGANIZATIONS:
        slug = re.sub(r"[^a-z]+", "-", sort_key(name, "en")[0]).strip("-")
        (empty_project / f"directory/organizations/{slug}.yml").write_text(
            f"name: {name}\ntype: cso\nsummary: {{es: Texto., en: Text.}}\n"
            "themes: [educacion]\nregions: [oaxaca]\n", encoding="utf-8")
    for slug, (es, en) in PRACTICES.items():
        (empty_project / f"practices/{slug}.md").write_text(
            f"---\ntitle: {{es: {es}, en: {en}}}\nsummary: {{es: Texto., en: Text.}}\n"
            "organizations: [organization:ebano]\nthemes: [educacion]\nregions: [oaxaca]\n"
            "---\nTexto.\n", encoding="utf-8")
    return empty_project


def card_names(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'<li class="tj-card[^"]*"><a href="[^"]*">([^<]*)</a>', html)


def test_listings_directory_and_pdf_index_share_the_order(sample: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEJIDO_PDF", "false")
    result = run_mkdocs(sample)
    assert result.returncode == 0, result.stdout + result.stderr
    site = sample / "site"
    assert card_names(site / "organizaciones/index.html") == ORDER_ES
    assert card_names(site / "temas/educacion/index.html")[:len(ORDER_ES)] == ORDER_ES
    assert card_names(site / "practicas/index.html") == ["Ábaco comunitario", "Zurcido de redes"]
    assert card_names(site / "en/practicas/index.html") == ["Abacus of networks",
                                                           "Zither circles"]

    catalog = load_project(Layout(sample)).catalog
    pdf = directory_source(catalog, "es", Urls()).html
    index = pdf[pdf.index('id="index"'):]
    assert re.findall(r'<li><a href="#[^"]*">([^<]*)</a></li>', index) == ORDER_ES
    assert re.findall(r'<h3 class="letter">([^<]*)</h3>', index) == ["A", "E", "N", "Ñ", "O",
                                                                      "Z"]

    for lang, practices in (("es", ["Ábaco comunitario", "Zurcido de redes"]),
                            ("en", ["Abacus of networks", "Zither circles"])):
        data = json.loads(facets_data(catalog, lang, Urls()).split(",", 1)[1][:-3])
        refs = list(catalog.entries)
        shown = sorted(range(len(refs)), key=lambda n: data["order"][n])
        names = [catalog.entries[refs[n]].name(lang) for n in shown]
        assert names == [*ORDER_ES, *practices]
