"""`tejido import` on a messy directory: four file forms, the suggested mapping, the
report, the files it writes, a re-import that keeps hand edits, --update, and a build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import make_project, run_mkdocs
from tejido.cli.commands import main
from tejido.core import Layout, load_project
from tejido.core.sources.importer.mask import mask
from tejido.core.sources.importer.table import read_table

FIXTURES = Path(__file__).parent / "fixtures" / "import"
sys.path.insert(0, str(FIXTURES))
import messy  # noqa: E402

ORGS = "directory/organizations"


def _spreadsheet(folder: Path, form: str) -> Path:
    writers = {
        "cp1252.csv": lambda p: messy.write_csv(p, "cp1252"),
        "bom.csv": lambda p: messy.write_csv(p, "utf-8-sig"),
        "xlsx": messy.write_xlsx,
        "ods": messy.write_ods,
    }
    path = folder / f"directorio.{form.split('.')[-1]}"
    writers[form](path)
    shutil.copy(FIXTURES / "directorio.mapping.yml", folder / "directorio.mapping.yml")
    return path


def _import(project: Path, *args: str) -> int:
    return main(["--root", str(project), "import", *args])


def _entry(project: Path, name: str) -> dict[str, object]:
    data = yaml.safe_load((project / ORGS / f"{name}.yml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("form", ["cp1252.csv", "bom.csv", "xlsx", "ods"])
def test_every_form_reads_the_same_rows(tmp_path: Path, form: str) -> None:
    table = read_table(_spreadsheet(tmp_path, form))
    assert table.headers == tuple(messy.HEADERS)
    assert len(table.rows) == 16  # the empty row is left out
    assert [n for n, _ in table.rows][:3] == [2, 3, 5]  # numbered as the spreadsheet shows
    assert table.rows[-2][1][0] == "Colectivo Junax Ko’tantik"  # accents and ’ intact
    if form.endswith(".csv"):
        assert table.delimiter == ";"
        assert table.encoding == {"cp1252.csv": "Windows-1252",
                                  "bom.csv": "UTF-8 with BOM"}[form]


def test_suggested_mapping(empty_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _spreadsheet(empty_project, "cp1252.csv")
    (empty_project / "directorio.mapping.yml").unlink()
    assert _import(empty_project, str(sheet), "--suggest-mapping") == 0
    text = (empty_project / "directorio.mapping.yml").read_text("utf-8")
    for line in ('"Nombre de la organización": name', '"Estado": regions',
                 '"País": country', '"Municipio": address.city',
                 '"Teléfono": contact.phone', '"Correo electrónico": contact.email',
                 '"Página web": website', '"Facebook": social.facebook',
                 '"Persona de contacto": contact_person.name',  # a person: never published
                 '"Teléfono de contacto": contact_person.phone', '"Temas": themes',
                 'fill_down: ["Nombre de la organización"]',
                 '"Colectivo": collective   # a guess: check it', '"A.C.":    # ?',
                 '"CDMX": ciudad-de-mexico', '"Edo. de México": estado-de-mexico',
                 '"nuevo leon": nuevo-leon', '"Michoacán": michoacan',
                 '"La Libertad":    # each row\'s country decides',
                 '"Comunicación y periodismo ciudadano": comunicacion'):
        assert line in text, line
    assert yaml.safe_load(text)["kind"] == "organization"
    assert _import(empty_project, str(sheet), "--suggest-mapping") == 1  # never overwrites


def test_dry_run_reports_and_writes_nothing(empty_project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _spreadsheet(empty_project, "cp1252.csv")
    assert _import(empty_project, str(sheet), "--dry-run") == 0
    out = capsys.readouterr().out
    assert not list((empty_project / ORGS).iterdir())
    assert not (empty_project / ".tejido").exists()
    assert "Read as Windows-1252 text, columns separated by ';'" in out
    assert ("16 rows read; 4 rows merged into an entry with the same name; 12 entries: "
            "would write 12 new, 0 updated, 0 unchanged.") in out
    assert ("row 17, 'Estado': 'Chiapaz': no place is called this (did you mean 'chiapas' "
            "(Chiapas, México)?)\n    fix: under values: in ") in out
    assert """add '  regions: {"Chiapaz": <id>}'""" in out
    assert "row 18, 'Tipo': 'Cooperativa': not a term of taxonomies/organization-types.yml" in out
    assert "tejido check will still ask for 13 things in 12 files (summary (12), type (1))" in out
    assert f"{ORGS}/cooperativa-cafe-de-altura.yml: summary (required); type (required)" in out
    assert "Dry run: nothing was written." in out


@pytest.mark.parametrize("form", ["cp1252.csv", "xlsx", "ods"])
def test_import_writes_entries_in_the_agreed_structure(empty_project: Path, form: str) -> None:
    assert _import(empty_project, str(_spreadsheet(empty_project, form))) == 0
    files = sorted(p.stem for p in (empty_project / ORGS).glob("*.yml"))
    assert len(files) == 12 and "colectivo-junax-kotantik" in files  # slugs as `tejido new`
    roots = _entry(empty_project, "colectivo-raices-del-sur")
    assert roots["regions"] == ["oaxaca", "chiapas"]  # the merged-cell row joins the one above
    assert roots["themes"] == ["educacion", "derechos-humanos"]
    assert roots["contact"] == {"email": "contacto@raicesdelsur.example.org",
                                "phone": "951 514 0000"}
    assert roots["contact_person"] == {"name": "Ana Pérez", "phone": "951 222 3344",
                                       "public": False}
    assert roots["website"] == "https://raicesdelsur.example.org"
    mothers = _entry(empty_project, "red-de-madres-buscadoras-del-noroeste")
    assert mothers["regions"] == ["sinaloa", "sonora", "baja-california-sur"]  # once per state
    assert mothers["contact"] == {"email": "red@buscadoras.example.org", "phone": "667 100 2000"}
    places = {name: _entry(empty_project, name)["regions"] for name in (
        "fundacion-tierra-fertil-a-c", "comision-estatal-de-derechos-humanos-de-nuevo-leon",
        "observatorio-ciudadano-michoacano", "fiscalia-especializada-en-busqueda-de-personas",
        "asociacion-mujeres-de-la-libertad", "red-centroamericana-de-defensoras",
        "radio-comunitaria-voz-maya", "colectivo-junax-kotantik")}
    assert places == {
        "fundacion-tierra-fertil-a-c": ["ciudad-de-mexico", "estado-de-mexico"],
        "comision-estatal-de-derechos-humanos-de-nuevo-leon": ["nuevo-leon"],
        "observatorio-ciudadano-michoacano": ["michoacan"],
        "fiscalia-especializada-en-busqueda-de-personas": ["mexico"],  # 'Nacional'
        "asociacion-mujeres-de-la-libertad": ["la-libertad-sv"],  # the row's country decides
        "red-centroamericana-de-defensoras": ["centroamerica"],
        "radio-comunitaria-voz-maya": ["yucatan"],
        "colectivo-junax-kotantik": ["mexico"],  # 'Chiapaz' reported; its country kept
    }
    types = {p.stem: yaml.safe_load(p.read_text("utf-8")).get("type")
             for p in (empty_project / ORGS).glob("*.yml")}
    assert types["comision-estatal-de-derechos-humanos-de-nuevo-leon"] == "human-rights-commission"
    assert types["radio-comunitaria-voz-maya"] == "media"
    assert types["fiscalia-especializada-en-busqueda-de-personas"] == "prosecutor"
    assert types["cooperativa-cafe-de-altura"] is None
    state = (empty_project / ".tejido/imports.json").read_text("utf-8")
    assert "951 222 3344" not in state and "Ana" not in state  # digests, never the values


def test_several_routes_become_lists_and_personal_values_are_masked(
        empty_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = empty_project / "lista.csv"
    sheet.write_text("Nombre,Correo,Teléfono,Correo de contacto,Estado,Notas\n"
                     'Casa Común,"uno@casa.example.org; dos@casa.example.org",'
                     '"+52 951 100 2000; +52 951 100 3000",ana.perez@gmail,Oaxaca,x\n',
                     encoding="utf-8")
    (empty_project / "lista.mapping.yml").write_text(
        "columns: {Nombre: name, Correo: contact.email, Teléfono: contact.phone,\n"
        "          Correo de contacto: contact_person.email, Estado: regions,\n"
        "          Sitio: website}\n")
    assert _import(empty_project, str(sheet)) == 0
    out = capsys.readouterr().out
    data = _entry(empty_project, "casa-comun")
    assert data["contact"] == {
        "emails": [{"address": "uno@casa.example.org"}, {"address": "dos@casa.example.org"}],
        "phones": [{"number": "+52 951 100 2000"}, {"number": "+52 951 100 3000"}]}
    assert "ana.perez@gmail" not in out and "'an•••@gmail': not a valid email" in out
    assert "row 1, 'Sitio': '': the mapping names a column the spreadsheet lacks" in out
    assert "row 1, 'Notas': '': a column the mapping does not name: not imported" in out
    # The core's masking, as in every message of `tejido check`.
    assert mask("+52 951 222 3344") == "+52 95• ••• 3344" and mask("Ana Pérez") == "A…"


def test_reimport_keeps_hand_edits_and_update_takes_them(
        empty_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _spreadsheet(empty_project, "bom.csv")
    assert _import(empty_project, str(sheet)) == 0
    file = empty_project / ORGS / "colectivo-raices-del-sur.yml"
    text = file.read_text("utf-8").replace("type: collective", "type: cso")  # a hand edit
    text = text.replace("  phone: 951 514 0000\n",
                        "  phone: 951 514 0000\n  form: https://raicesdelsur.example.org/c\n")
    file.write_text(text + "summary:\n  es: Acompaña a comunidades de Oaxaca.\n", "utf-8")
    sheet.write_text(sheet.read_text("utf-8-sig").replace("951 514 0000", "951 514 9999")
                     .replace(";Oaxaca;", ";Guerrero;"), encoding="utf-8-sig")
    capsys.readouterr()
    assert _import(empty_project, str(sheet), "--dry-run") == 0
    out = capsys.readouterr().out
    assert (f"{ORGS}/colectivo-raices-del-sur.yml: type: kept 'cso' (edited by hand); the "
            "spreadsheet says 'collective'; --update takes it") in out
    # Masked like every message (the route may be a person's), the change still visible.
    assert "contact.phone: '951 5•• 0000' -> '951 5•• 9999'" in out
    assert "regions: ['oaxaca', 'chiapas'] -> ['guerrero', 'chiapas']" in out
    assert "0 new, 1 updated, 11 unchanged" in out
    assert "type: cso" in file.read_text("utf-8")  # a dry run wrote nothing
    assert _import(empty_project, str(sheet)) == 0
    data = yaml.safe_load(file.read_text("utf-8"))
    assert data["type"] == "cso"  # the hand edit stays
    assert data["contact"] == {"email": "contacto@raicesdelsur.example.org",
                               "phone": "951 514 9999",
                               "form": "https://raicesdelsur.example.org/c"}
    assert data["summary"] == {"es": "Acompaña a comunidades de Oaxaca."}
    assert data["regions"] == ["guerrero", "chiapas"]
    capsys.readouterr()
    assert _import(empty_project, str(sheet), "--update") == 0
    assert "type: 'cso' -> 'collective'" in capsys.readouterr().out
    assert yaml.safe_load(file.read_text("utf-8"))["type"] == "collective"
    sheet.write_text(sheet.read_text("utf-8-sig").split("\n", 1)[0] + "\n",
                     encoding="utf-8-sig")  # only the header row left
    capsys.readouterr()
    assert _import(empty_project, str(sheet)) == 0
    assert "0 rows read" in capsys.readouterr().out
    assert len(list((empty_project / ORGS).glob("*.yml"))) == 12  # nothing is ever deleted


def test_the_imported_catalog_builds(tmp_path: Path) -> None:
    project = make_project(tmp_path, entries=None)
    sheet = _spreadsheet(project, "xlsx")
    mapping = project / "directorio.mapping.yml"
    mapping.write_text(mapping.read_text("utf-8").replace('"Cooperativa":', '"Cooperativa": cso')
                       + 'defaults: {}\n', "utf-8")
    text = mapping.read_text("utf-8").replace("values:\n", 'values:\n  regions:\n'
                                              '    "Chiapaz": chiapas\n', 1)
    mapping.write_text(text, "utf-8")
    assert main(["--root", str(project), "import", str(sheet)]) == 0
    problems = [p.format() for p in load_project(Layout(project)).problems]
    assert len(problems) == 12 and all("'summary' is missing" in p for p in problems)
    for file in (project / ORGS).glob("*.yml"):  # what the coordinator writes by hand
        file.write_text(file.read_text("utf-8") + "summary:\n  es: Trabaja en su región.\n")
    assert not load_project(Layout(project)).problems
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site/organizaciones/colectivo-junax-kotantik/index.html").read_text()
    assert "Colectivo Junax Ko’tantik" in page and "Chiapas" in page
    assert "Juana" not in page  # the contact person is never published
    regions = (project / "site/regiones/index.html").read_text()
    assert 'href="sinaloa/index.html"' in regions and "durango" not in regions  # no empty place
