"""Open data, read back by the standards' own tools: frictionless validates the data
packages, the HSDS tables meet the specification's required fields and types, pyld
expands every page's JSON-LD with a schema.org context shipped in tests/fixtures,
feedparser reads the feeds. Everything offline."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import frictionless
import pytest
from pyld import jsonld

from conftest import make_project, run_mkdocs
from tejido.core import Layout, load_project
from tejido.core.outputs.data.hsds import Ids, spec
from tejido.core.outputs.data.package import _cell, csv_name
from tejido.core.outputs.data.settings import DATA_FOLDER, Publication
from tejido.core.outputs.data.tables import columns, table
from tejido.core.outputs.urls import Urls

SCHEMA_ORG = Path(__file__).parent / "fixtures" / "schemaorg" / "schemaorgcontext-30.0.jsonld"
SITE = "https://tejido.example.org/"
KINDS = ("organization", "network", "practice", "guide")
PRIVATE = ("privada@example.org", "+52 951 000 0000", "Persona Privada")
"""colectivo-hostil's contact person, who is not public."""


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network connection was attempted: {args}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def mini_catalog(tmp_path_factory: pytest.TempPathFactory) -> Any:
    project = make_project(tmp_path_factory.mktemp("catalog"))
    result = load_project(Layout(project), dt.date.today())
    assert not result.problems, result.problems.report()
    return result.catalog


def data(site: Path, name: str) -> Path:
    return site / DATA_FOLDER / name


def errors(report: frictionless.Report) -> list[Any]:
    return report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


# -- the Frictionless data package -------------------------------------------------

def test_data_package_is_valid_by_frictionless(built_mini: Path, offline: None) -> None:
    report = frictionless.validate(str(data(built_mini, "datapackage.json")))
    assert report.valid, errors(report)
    package = json.loads(data(built_mini, "datapackage.json").read_text("utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert set(package["descriptions"]) == {"es", "en"}
    names = {r["name"] for r in package["resources"]}
    assert {"organizations-es", "organizations-en", "networks-es", "memberships", "terms",
            "entry-terms"} <= names


def test_frictionless_sees_a_broken_value(built_mini: Path, tmp_path: Path,
                                          offline: None) -> None:
    """The validation reads the data: an unknown term id and a dangling reference fail."""
    copy = tmp_path / "package"
    shutil.copytree(built_mini / DATA_FOLDER, copy)
    orgs = copy / "organizations-es.csv"
    text = orgs.read_text("utf-8").replace(",cso,", ",not-a-type,", 1)
    orgs.write_text(text, "utf-8")
    networks = copy / "networks-es.csv"
    networks.write_text(networks.read_text("utf-8").replace(
        "organization:red-de-saberes", "organization:nobody", 1), "utf-8")
    links = copy / "entry-terms.csv"
    links.write_text(links.read_text("utf-8").replace(",themes,economia-social",
                                                      ",themes,economia-socail", 1), "utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    found = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert {("organizations-es", "constraint-error"), ("networks-es", "foreign-key"),
            ("entry-terms", "foreign-key")} <= found, errors(report)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_csv_read_back_equals_the_catalog(built_mini: Path, mini_catalog: Any, kind: str,
                                          lang: str) -> None:
    rows = read_csv(data(built_mini, csv_name(kind, lang)))
    expected = table(mini_catalog, kind, lang, Urls(), Publication(site_url=SITE))
    assert [list(r) for r in rows][:1] == [[c.name for c in columns(kind)]][:len(rows)]
    assert rows == [{name: _cell(value) for name, value in row.items()} for row in expected]
    # and against the entries themselves, not only the exporter's own table
    entries = mini_catalog.of_kind(kind)
    assert [r["ref"] for r in rows] == [str(e.ref) for e in entries]
    assert [r["name" if kind in ("organization", "network") else "title"] for r in rows] == [
        e.name(lang) for e in entries]


def test_csv_columns_hold_ids_labels_relations_and_identifiers(built_mini: Path) -> None:
    orgs = {r["id"]: r for r in read_csv(data(built_mini, "organizations-en.csv"))}
    camix = orgs["casa-de-la-mixteca"]
    assert camix["themes"] == "economia-social;igualdad-de-genero"
    assert camix["themes_labels"].split(";")[0].startswith("Social")
    assert camix["identifiers"] == "MX-RFC-CMI040312AB1;XI-WIKIDATA-Q4115189"
    assert camix["member_of"] == "network:red-sur"
    assert camix["member_of_names"] == "Red Sur"
    assert camix["member_of_years"] == "2018"
    assert camix["emails"] == "contacto@camix.example.org"
    assert camix["contact_person_name"] == "Ana Pública"  # public: true
    hostile = orgs["colectivo-hostil"]
    assert hostile["contact_person_name"] == "" and hostile["contact_person_emails"] == ""


def test_public_json_has_every_entry(built_mini: Path, mini_catalog: Any) -> None:
    for lang in ("es", "en"):
        document = json.loads(data(built_mini, f"tejido-{lang}.json").read_text("utf-8"))
        assert document["language"] == lang and document["licence"] == "CC-BY-4.0"
        assert [e["ref"] for e in document["entries"]] == [
            str(e.ref) for kind in KINDS for e in mini_catalog.of_kind(kind)]
        camix = next(e for e in document["entries"] if e["id"] == "casa-de-la-mixteca")
        assert camix["identifiers"] == ["MX-RFC-CMI040312AB1", "XI-WIKIDATA-Q4115189"]


def all_data_files(site: Path) -> Iterator[Path]:
    yield from (p for p in sorted((site / DATA_FOLDER).rglob("*")) if p.is_file())
    for prefix in ("", "en/"):
        yield from sorted((site / prefix / "feeds").rglob("*.xml"))


def test_nothing_private_in_any_data_file(built_mini: Path) -> None:
    for path in all_data_files(built_mini):
        text = path.read_text("utf-8")
        for value in PRIVATE:
            assert value not in text, f"{value!r} in {path}"


# -- HSDS ----------------------------------------------------------------------------

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_hsds_package_is_valid_by_frictionless(built_mini: Path, lang: str,
                                               offline: None) -> None:
    report = frictionless.validate(str(data(built_mini, f"hsds-{lang}/datapackage.json")))
    assert report.valid, errors(report)


def test_hsds_tables_meet_the_specification(built_mini: Path) -> None:
    """Every table: the specification's columns in its order, required fields present,
    uuid/email/uri/number formats, and references that resolve."""
    folder = data(built_mini, "hsds-es")
    ids: dict[str, set[str]] = {}
    tables = {}
    for resource in spec()["resources"]:
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [f["name"] for f in resource["schema"]["fields"]]
            rows = list(reader)
        tables[resource["name"]] = (resource, rows)
        ids[resource["name"]] = {row["id"] for row in rows}
        assert len(ids[resource["name"]]) == len(rows), f"duplicate ids in {resource['name']}"
    for name, (resource, rows) in tables.items():
        for row in rows:
            for field in resource["schema"]["fields"]:
                value = row[field["name"]]
                if field.get("constraints", {}).get("required"):
                    assert value, f"{name}.{field['name']} is required"
                if value and field.get("format") == "uuid":
                    assert UUID.match(value), f"{name}.{field['name']}: {value}"
                if value and field["type"] == "number":
                    float(value)
        for key in resource["schema"].get("foreignKeys", []):
            column, target = key["fields"], key["reference"]["resource"]
            for row in rows:
                if row[column]:
                    assert row[column] in ids[target], f"{name}.{column} -> {target}"
    for table_name in ("organization", "service", "service_area", "attribute",
                       "organization_identifier", "taxonomy_term"):
        assert tables[table_name][1], f"no rows in {table_name}"


def test_hsds_ids_are_uuid5_of_tejido_ids(built_mini: Path) -> None:
    ids = Ids(Publication(site_url=SITE))
    organizations = read_csv(data(built_mini, "hsds-es/organizations.csv"))
    camix = next(r for r in organizations if r["name"] == "Casa de la Mixteca")
    expected = ids("organization", "organization:casa-de-la-mixteca")
    assert camix["id"] == expected
    assert uuid.UUID(expected).version == 5
    identifiers = read_csv(data(built_mini, "hsds-es/organization_identifiers.csv"))
    assert {(r["identifier_scheme"], r["identifier"]) for r in identifiers
            if r["organization_id"] == expected} == {("MX-RFC", "CMI040312AB1"),
                                                     ("XI-WIKIDATA", "Q4115189")}
    english = read_csv(data(built_mini, "hsds-en/organizations.csv"))
    assert [r["id"] for r in english] == [r["id"] for r in organizations]


# -- DCAT ----------------------------------------------------------------------------

def refuse_remote(url: str, options: object = None) -> Any:
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url,
                "document": json.loads(SCHEMA_ORG.read_text("utf-8"))}
    raise AssertionError(f"pyld tried to fetch {url}")


def test_dcat_catalog_describes_every_download(built_mini: Path, offline: None) -> None:
    document = json.loads(data(built_mini, "catalog.jsonld").read_text("utf-8"))
    expanded = jsonld.expand(document, {"documentLoader": refuse_remote})
    dcat = "http://www.w3.org/ns/dcat#"
    catalog = expanded[0]
    assert catalog["@type"] == [dcat + "Catalog"]
    datasets = catalog[dcat + "dataset"]
    assert {d["@type"][0] for d in datasets} == {dcat + "Dataset"}
    sizes = {}
    for dataset in datasets:
        for item in dataset[dcat + "distribution"]:
            url = item[dcat + "downloadURL"][0]["@id"]
            sizes[url.removeprefix(SITE + DATA_FOLDER + "/")] = int(
                item[dcat + "byteSize"][0]["@value"])
    for name, size in sizes.items():
        assert data(built_mini, name).stat().st_size == size, name
    assert "datapackage.json" in sizes and "hsds-en/datapackage.json" in sizes


# -- JSON-LD on pages ----------------------------------------------------------------

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def page_jsonld(site: Path) -> Iterator[tuple[Path, Any]]:
    for page in sorted(site.rglob("*.html")):
        for found in SCRIPT.findall(page.read_text("utf-8")):
            yield page, json.loads(found)


def used_terms(node: Any) -> Iterator[str]:
    if isinstance(node, list):
        for item in node:
            yield from used_terms(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                yield value
            elif not key.startswith("@"):
                yield key
                yield from used_terms(value)


def test_every_page_jsonld_expands_with_known_terms(built_mini: Path, offline: None) -> None:
    context = json.loads(SCHEMA_ORG.read_text("utf-8"))["@context"]
    pages = list(page_jsonld(built_mini))
    assert len(pages) >= 10
    for page, document in pages:
        expanded = jsonld.expand(document, {"documentLoader": refuse_remote})
        assert len(expanded) == 1 and expanded[0]["@type"], page
        unknown = {term for term in used_terms(document) if term not in context}
        assert not unknown, f"{page}: terms schema.org does not define: {unknown}"


def expanded_page(site: Path, url: str) -> dict[str, Any]:
    text = (site / url).read_text("utf-8")
    found: dict[str, Any] = jsonld.expand(json.loads(SCRIPT.findall(text)[0]),
                                          {"documentLoader": refuse_remote})[0]
    return found


S = "http://schema.org/"


def test_jsonld_types_and_links(built_mini: Path, offline: None) -> None:
    camix = expanded_page(built_mini, "en/organizaciones/casa-de-la-mixteca/index.html")
    assert camix["@type"] == [S + "NGO"]
    assert next(v["@value"] for v in camix[S + "knowsAbout"]).startswith("Social")
    assert camix[S + "areaServed"][0]["@type"] == [S + "Place"]
    role = camix[S + "memberOf"][0]
    assert role["@type"] == [S + "OrganizationRole"]
    assert role[S + "startDate"][0]["@value"] == "2018"
    network = role[S + "memberOf"][0]
    assert network["@id"] == SITE + "en/redes/red-sur/index.html"
    ids = {(i[S + "propertyID"][0]["@value"], i[S + "value"][0]["@value"])
           for i in camix[S + "identifier"]}
    assert ids == {("MX-RFC", "CMI040312AB1"), ("XI-WIKIDATA", "Q4115189")}
    assert camix[S + "sameAs"] == [{"@id": "https://www.wikidata.org/wiki/Q4115189"}]
    academic = expanded_page(built_mini, "organizaciones/red-de-saberes/index.html")
    assert academic["@type"] == [S + "EducationalOrganization"]
    red = expanded_page(built_mini, "redes/red-sur/index.html")
    assert {m[S + "member"][0]["@id"] for m in red[S + "member"]} == {
        SITE + "organizaciones/casa-de-la-mixteca/index.html",
        SITE + "organizaciones/colectivo-hostil/index.html"}
    practice = expanded_page(built_mini, "practicas/talleres-de-incidencia/index.html")
    assert practice["@type"] == [S + "CreativeWork"]
    assert practice[S + "creator"][0]["@id"].endswith("/index.html")
    guide = expanded_page(built_mini, "guias/guia-de-prueba/index.html")
    assert guide["@type"] == [S + "DigitalDocument"]
    files = guide[S + "encoding"]
    assert {f[S + "encodingFormat"][0]["@value"] for f in files} == {"application/pdf"}
    assert all(f[S + "inLanguage"][0]["@value"] in ("es", "en") for f in files)


# -- meta ------------------------------------------------------------------------------

def test_open_graph_canonical_and_x_default(read_page: Any) -> None:
    html = read_page("en/organizaciones/casa-de-la-mixteca")
    assert '<meta property="og:title" content="Casa de la Mixteca">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert ('<meta property="og:url" content="https://tejido.example.org/en/organizaciones/'
            'casa-de-la-mixteca/index.html">') in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert ('<link rel="alternate" hreflang="x-default" href="https://tejido.example.org/'
            'organizaciones/casa-de-la-mixteca/index.html">') in html
    assert ('<link rel="canonical" href="https://tejido.example.org/en/organizaciones/'
            'casa-de-la-mixteca/index.html">') in html
    hostile = read_page("organizaciones/colectivo-hostil")
    og = re.search(r'<meta property="og:title" content="([^"]*)">', hostile)
    assert og and "<script>" not in og.group(1) and "&lt;script&gt;" in og.group(1)


# -- feeds -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["", "en/"])
def test_feeds_parse_and_are_linked(built_mini: Path, read_page: Any, lang: str) -> None:
    feed = feedparser.parse((built_mini / lang / "feeds" / "catalog.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == (lang.strip("/") or "es")
    assert feed.entries and all(e.updated_parsed for e in feed.entries)
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert any(e.link.endswith("organizaciones/colectivo-hostil/index.html")
               for e in feed.entries)
    theme = feedparser.parse((built_mini / lang / "feeds/themes/participacion-ciudadana.xml")
                             .read_bytes())
    assert not theme.bozo and theme.entries
    page = read_page(f"{lang}temas/participacion-ciudadana")
    assert 'href="../../feeds/themes/participacion-ciudadana.xml"' in page
    region = read_page(f"{lang}regiones/oaxaca")
    assert 'href="../../feeds/regions/oaxaca.xml"' in region
    assert (built_mini / lang / "feeds/regions/oaxaca.xml").is_file()


# -- the data page ------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "word"), [("", "Datos abiertos"), ("en/", "Open data")])
def test_data_page_lists_every_download(built_mini: Path, read_page: Any, lang: str,
                                        word: str) -> None:
    html = read_page(f"{lang}datos")
    assert f">{word}</h1>" in html
    package = json.loads(data(built_mini, "datapackage.json").read_text("utf-8"))
    cell = r'<td(?: class="tj-num")? data-label="[^"]+">'
    listed = re.findall(rf'<tr>{cell}<a href="([^"]+)" download>([^<]+)</a></td>{cell}([^<]+)'
                        rf"</td>{cell}([^<]+)</td>{cell}([^<]*)</td>"
                        rf'{cell}<a href="[^"]+" rel="license">CC BY 4.0</a></td>'
                        rf"{cell}([^<]+)</td>", html)
    paths = {row[1] for row in listed}
    assert {r["path"] for r in package["resources"]} <= paths
    assert {"datapackage.json", "catalog.jsonld", "hsds-es/datapackage.json",
            "tejido-es.json"} <= paths
    for href, name, _fmt, size, _records, description in listed:
        target = (built_mini / lang / "datos" / href).resolve()
        assert target == data(built_mini, name).resolve() and target.is_file()
        assert size.endswith("KB") or size.endswith("MB")
        assert description
    records = {row[1]: row[4] for row in listed}
    assert records["organizations-es.csv"] == str(len(read_csv(
        data(built_mini, "organizations-es.csv"))))
    home = read_page(lang.rstrip("/") or ".")
    assert 'href="datos/index.html"' in home
    footer = read_page(f"{lang}organizaciones/casa-de-la-mixteca")
    nav = re.search(r'<nav class="tj-footer"[^>]*>(.*?)</nav>', footer, re.S)
    assert nav and 'href="../../datos/index.html"' in nav.group(1)
    assert 'href="../../feeds/catalog.xml"' in nav.group(1)


# -- determinism --------------------------------------------------------------------

def test_two_builds_give_the_same_data_bytes(built_mini: Path, tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    again = project / "site"
    first = {p.relative_to(built_mini): p.read_bytes() for p in all_data_files(built_mini)}
    second = {p.relative_to(again): p.read_bytes() for p in all_data_files(again)}
    assert first.keys() == second.keys() and len(first) > 30
    assert [name for name in first if first[name] != second[name]] == []



def test_entry_page_shows_identifiers_linked_where_a_register_has_a_page(
        read_page: Any) -> None:
    for lang, label in (("", "Identificadores"), ("en/", "Identifiers")):
        html = read_page(f"{lang}organizaciones/casa-de-la-mixteca")
        facts = html.split(f"<dt>{label}</dt><dd>", 1)[1].split("</dd>", 1)[0]
        assert '<abbr title="Federal Taxpayers Registry">MX-RFC</abbr> CMI040312AB1' in facts
        assert ('<abbr title="Wikidata">XI-WIKIDATA</abbr> <a href="https://www.wikidata.org/'
                'wiki/Q4115189">Q4115189</a>') in facts


def test_en_data_leads_to_the_data_page(built_mini: Path) -> None:
    html = (built_mini / "en" / "data" / "index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../datos/index.html">' in html
    assert (built_mini / "en" / "data" / "../datos/index.html").resolve().is_file()
