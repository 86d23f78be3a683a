"""Contributors' tools: templates, JSON Schemas, output formats, the report, fix links."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import REPO, run_mkdocs
from tejido.core import KINDS, Layout, load_project
from tejido.core.model.taxonomy import load_taxonomies
from tejido.core.sources.scaffold import MAINTAINER_FIELDS
from tejido.core.validate.problems import Problems
from tejido.core.validate.schema import schema_files
from test_validation_cases import single_organization_cases


def tejido(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tejido.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


class _PlainDates(yaml.SafeLoader):
    """Dates stay text, as an editor's YAML language server sees them."""


_PlainDates.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front(text: str) -> Any:
    if text.startswith("---"):
        text = text.split("---", 2)[1]
    return yaml.load(text, Loader=_PlainDates)


# -- tejido new -------------------------------------------------------------

FILLED = {
    "organization": {"type": "cso", "summary": {"es": "Resumen."}, "themes": ["educacion"],
                     "regions": ["oaxaca"]},
    "network": {"summary": {"es": "Resumen."}, "themes": ["trabajo-en-red"],
                "regions": ["MX-OAX"]},
    "practice": {"summary": {"es": "Resumen."},
                 "organizations": ["organization:casa-de-la-mixteca"],
                 "themes": ["educacion"], "regions": ["mixteca"]},
    "guide": {"summary": {"es": "Resumen."}, "authors": ["network:red-sur"], "year": 2024,
              "licence": "CC-BY-4.0"},
}
FOLDERS = {"organization": "directory/organizations/", "network": "directory/networks/",
           "practice": "practices/", "guide": "content/guides/"}


def fill(path: Path, values: dict[str, Any]) -> None:
    """Fill fields the way a contributor would: on the template's own lines."""
    text = path.read_text()
    for name, value in values.items():
        shown = json.dumps(value, ensure_ascii=False)
        if isinstance(value, dict):
            text = re.sub(rf"^{name}:\n  es:.*$", f"{name}:\n  es: {value['es']}", text,
                          count=1, flags=re.M)
        else:
            text = re.sub(rf"^{name}:.*$", f"{name}: {shown}", text, count=1, flags=re.M)
    if path.suffix == ".md":
        text += "\n## Texto\n\nEl texto de la guía.\n"
    path.write_text(text)


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_writes_a_template_that_passes_once_filled(project: Path, kind: str) -> None:
    result = tejido("new", kind, "Niñas y Jóvenes de Oaxaca, A.C.", cwd=project)
    assert result.returncode == 0, result.stderr
    suffix = ".yml" if kind in ("organization", "network") else ".md"
    path = project / FOLDERS[kind] / f"ninas-y-jovenes-de-oaxaca-a-c{suffix}"
    text = path.read_text()
    first = text.splitlines()[1 if suffix == ".md" else 0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (path.parent / first.split("=", 1)[1]).resolve()
    assert schema == (project / "schemas" / f"{kind}.schema.json").resolve()
    for field in KINDS[kind].fields:
        if field.name in MAINTAINER_FIELDS:  # withdrawn: set later, by maintainers
            assert not re.search(rf"^\s*{field.name}:", text, re.M), field.name
            continue
        assert re.search(rf"^\s*(- )?{field.name}:", text, re.M), field.name
        assert f"# {field.es} / {field.en}" in text
    unfilled = tejido("check", cwd=project)
    assert unfilled.returncode == 1
    required = [f.name for f in KINDS[kind].fields if f.required and f.name != "title"
                and f.name != "name"]
    assert unfilled.stderr.count("the required field") == len(required), unfilled.stderr
    fill(path, FILLED[kind])
    filled = tejido("check", cwd=project)
    assert filled.returncode == 0, filled.stderr


def test_new_refuses_to_overwrite(project: Path) -> None:
    existing = project / "directory/organizations/casa-de-la-mixteca.yml"
    before = existing.read_text()
    result = tejido("new", "organization", "Casa de la Mixteca", cwd=project)
    assert result.returncode == 1
    assert "directory/organizations/casa-de-la-mixteca.yml: an entry with this id already " \
           "exists; nothing was written." in result.stderr
    assert existing.read_text() == before


# -- JSON Schemas -------------------------------------------------------------

def schemas(root: Path) -> dict[str, Any]:
    problems = Problems()
    taxonomies = load_taxonomies(root / "taxonomies", root, problems)
    return {name.split(".")[0]: json.loads(text)
            for name, text in schema_files(taxonomies).items()}


def test_committed_schemas_are_up_to_date() -> None:
    for kind, schema in schemas(REPO).items():
        committed = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text())
        assert committed == schema, f"run `tejido schema`: schemas/{kind}.schema.json is stale"


def test_the_schemas_accept_every_sample_entry() -> None:
    by_kind = schemas(REPO)
    for kind, spec in KINDS.items():
        validator = jsonschema.Draft202012Validator(by_kind[kind])
        files = [p for p in (REPO / spec.folder).glob(spec.pattern) if ".en." not in p.name]
        assert files
        for file in files:
            errors = list(validator.iter_errors(front(file.read_text())))
            assert not errors, (file, [e.message for e in errors])


SCHEMA_BLIND = {"yaml aliases", "date in the future", "year in the future", "malformed yaml",
                "text cut by a hash", "brackets nested too deeply", "html block in markdown",
                "html comment in markdown", "script in markdown", "markdown nested too deeply",
                "reference to itself", "remote image in markdown", "unknown taxonomy term"}
"""What only `tejido check` can see: YAML syntax and comments, time (the schemas do not
change daily), what is inside Markdown, which file a reference sits in, and places (written
by name in any case and with or without accents, which no enum lists)."""


ORGANIZATION_CASES = single_organization_cases()


@pytest.mark.parametrize("case", sorted(set(ORGANIZATION_CASES) - SCHEMA_BLIND))
def test_the_schema_rejects_what_the_validator_rejects(empty_project: Path, case: str) -> None:
    content = ORGANIZATION_CASES[case]
    target = empty_project / "directory/organizations/casa.yml"
    target.write_text(content)
    assert load_project(Layout(empty_project)).problems, "the validator accepted it"
    validator = jsonschema.Draft202012Validator(schemas(REPO)["organization"])
    assert list(validator.iter_errors(front(content))), "the schema accepted it"


def test_schemas_are_published_with_the_site(built_mini: Path) -> None:
    schema = json.loads((built_mini / "schemas/organization.schema.json").read_text())
    assert "name" in schema["required"]


# -- check output formats -----------------------------------------------------

def _break(project: Path) -> None:
    org = project / "directory/organizations/casa-de-la-mixteca.yml"
    org.write_text(org.read_text().replace("[mixteca]", "[mixteka]") + "websit: 'a, b: c'\n")


def test_check_format_github(project: Path) -> None:
    _break(project)
    result = tejido("check", "--format", "github", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=directory/organizations/casa-de-la-mixteca.yml,line=11,title=regions[0]"
        "::unknown regions term; expected a term from taxonomies/regions.yml, found 'mixteka'"
        "%0Ahint: did you mean 'mixteca'? (to add a new term to taxonomies/regions.yml, "
        "ask the catalog's maintainers)",
        "::error file=directory/organizations/casa-de-la-mixteca.yml,line=25,title=websit"
        "::unknown field; expected one of the documented fields, found 'websit'"
        "%0Ahint: did you mean 'website'?",
    ]


def test_check_format_json(project: Path) -> None:
    _break(project)
    result = tejido("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["count"] == 2
    assert data["problems"][0] == {
        "path": "directory/organizations/casa-de-la-mixteca.yml", "line": 11,
        "field": "regions[0]", "code": "unknown-term", "lang": "en",
        "message": "unknown regions term",
        "expected": "a term from taxonomies/regions.yml", "found": "'mixteka'",
        "hint": "did you mean 'mixteca'? (to add a new term to taxonomies/regions.yml, "
                "ask the catalog's maintainers)",
    }
    clean = tejido("check", "--format", "json", cwd=REPO)
    # The sample keeps one withdrawn entry: counted, never named.
    assert clean.returncode == 0 and json.loads(clean.stdout) == {
        "count": 0, "problems": [], "withdrawn": 1}


def test_check_colours_only_on_a_terminal(project: Path) -> None:
    _break(project)
    assert "\033[" not in tejido("check", cwd=project).stderr


# -- report and fix links -----------------------------------------------------

def test_report_lists_translations_staleness_and_missing_terms(project: Path) -> None:
    result = tejido("report", "--max-age", "400", cwd=project)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert ("directory/organizations/casa-de-la-mixteca.yml: no English text in summary, "
            "description" in out)
    assert "directory/networks/red-sur.yml: never verified (no last_verified)" in out
    assert "content/guides/guia-de-prueba.md: no regions" in out
    assert "colectivo-hostil.yml: last verified" not in out  # 2026-01-10 is within 400 days


def test_report_page_is_built_but_not_linked(built_mini: Path) -> None:
    page = (built_mini / "en/informe/index.html").read_text()
    assert '<meta name="robots" content="noindex">' in page
    assert "Missing translations" in page and "casa-de-la-mixteca.yml" in page
    home = (built_mini / "en/index.html").read_text()
    assert "informe" not in home


def test_entry_pages_link_to_their_source_and_a_correction(built_mini: Path) -> None:
    es = (built_mini / "organizaciones/casa-de-la-mixteca/index.html").read_text()
    assert ('href="https://github.com/tejido-catalogo/tejido/edit/main/'
            'directory/organizations/casa-de-la-mixteca.yml">Editar esta entrada</a>') in es
    match = re.search(r'href="([^"]*issues/new[^"]*)">Sugerir una corrección</a>', es)
    assert match and "title=Correcci%C3%B3n%3A%20Casa%20de%20la%20Mixteca" in match.group(1)
    assert "Archivo%3A%20directory%2Forganizations%2Fcasa-de-la-mixteca.yml" in match.group(1)
    en = (built_mini / "en/organizaciones/casa-de-la-mixteca/index.html").read_text()
    assert ">Edit this entry</a>" in en and ">Suggest a correction</a>" in en
    assert "title=Correction%3A" in en


def test_correction_by_email(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"correction_url: .*", "correction_url: "
                             "mailto:datos@example.org?subject={title}&body={body}",
                             config.read_text()))
    assert run_mkdocs(project).returncode == 0
    page = (project / "site/en/redes/red-sur/index.html").read_text()
    assert 'href="mailto:datos@example.org?subject=Correction%3A%20Red%20Sur&amp;body=' in page
