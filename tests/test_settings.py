"""Plugin settings: every wrong one named at once, with what it expects and an example,
by a real `mkdocs build` (never a traceback)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ENGINE, engine, run_mkdocs

CATALOG = "  - tejido/catalog:\n"
PDF = "  - tejido/pdf:\n"


def with_settings(project: Path, plugin: str, *lines: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert plugin in text
    added = "".join(f"      {line}\n" for line in lines)
    config.write_text(text.replace(plugin, plugin + added), encoding="utf-8")


def failed_build(project: Path) -> str:
    result = run_mkdocs(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "Error:" not in output.replace("BuildError", "")
    return output


def test_every_wrong_catalog_setting_is_named_with_an_example(empty_project: Path) -> None:
    with_settings(empty_project, CATALOG, "listing_page_size: 0", "report_max_age_days: un año",
                  "report: sí", "enabled: 1")
    config = empty_project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "edit/main/{path}", "edit/main/{file}").replace("correction_url: https://",
                                                      "correction_url: ftp://"))
    output = failed_build(empty_project)
    option = "Plugin 'tejido/catalog' option "
    for expected in (
        f"{option}'listing_page_size': expected a whole number of entries per page, 1 or "
        "more; found 0. For example, under the plugin in mkdocs.yml: `listing_page_size: 100`",
        f"{option}'report_max_age_days': expected a whole number of days, 1 or more; found "
        "'un año'. For example, under the plugin in mkdocs.yml: `report_max_age_days: 365`",
        f"{option}'report': expected true or false; found 'sí'.",
        f"{option}'enabled': expected true or false; found 1.",
        f"{option}'edit_url': unknown {{file}} (known: {{path}}); expected a web address "
        "(https://…) with {path} where the entry's file goes; found "
        "'https://github.com/tejido-catalogo/tejido/edit/main/{file}'. For example: "
        "`edit_url: https://github.com/ORG/REPO/edit/main/{path}`",
        f"{option}'correction_url': expected a web address (https://…) or a mailto: address",
    ):
        assert expected in output, output


def test_a_page_size_of_true_is_not_one(empty_project: Path) -> None:
    with_settings(empty_project, CATALOG, "listing_page_size: true")
    assert "'listing_page_size': expected a whole number" in failed_build(empty_project)


@pytest.mark.parametrize(("root", "message"), [
    ("nowhere", "option 'root': the folder 'nowhere' does not exist (looked for "),
    ("content", "option 'root': the folder 'content' ("),
])
def test_a_root_that_is_not_a_project_is_named(empty_project: Path, root: str,
                                               message: str) -> None:
    with_settings(empty_project, CATALOG, f"root: {root}")
    output = failed_build(empty_project)
    assert message in output
    assert "For example: `root: .`" in output
    assert "taxonomy file is missing" not in output
    if root == "content":
        assert "has no taxonomies/ folder" in output


def test_pdf_settings(empty_project: Path) -> None:
    with_settings(empty_project, PDF, "workers: -1", "guides: yes please", "part_size: 0")
    output = failed_build(empty_project)
    assert ("Plugin 'tejido/pdf' option 'part_size': expected a whole number of "
            "organizations, 1 or more; found 0. For example, under the plugin in mkdocs.yml: "
            "`part_size: 250`") in output
    assert ("Plugin 'tejido/pdf' option 'workers': expected a whole number of processes, 0 "
            "(one per CPU core) or more; found -1. For example, under the plugin in "
            "mkdocs.yml: `workers: 0`") in output
    assert "Plugin 'tejido/pdf' option 'guides': expected true or false; found 'yes please'"\
        in output


def test_root_is_relative_to_mkdocs_yml(empty_project: Path, tmp_path_factory:
                                        pytest.TempPathFactory) -> None:
    """Built from another folder, with mkdocs.yml beside the project, not inside it."""
    site = tmp_path_factory.mktemp("config")
    shutil.move(empty_project / "mkdocs.yml", site / "mkdocs.yml")
    config = site / "mkdocs.yml"
    relative = os.path.relpath(empty_project, site)
    config.write_text(config.read_text().replace("docs_dir: content",
                                                 f"docs_dir: {relative}/content"))
    with_settings(site, CATALOG, f"root: {relative}")
    result = subprocess.run(
        engine("build", "--strict", "-f", str(config), "--site-dir", str(site / "site")),
        cwd="/", capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TEJIDO_PDF": "false"}, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "site" / "organizaciones" / "index.html").exists()


def test_the_engine_under_test_builds_the_site(built_mini: Path) -> None:
    """TEJIDO_ENGINE is obeyed: the page names the engine that wrote it."""
    generator = {"mkdocs": "mkdocs-1.6.1", "properdocs": "mkdocs-ProperDocs 1.6.7"}[ENGINE]
    head = (built_mini / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="generator" content="{generator}, mkdocs-material-' in head



NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


def test_a_wrong_setting_is_said_in_spanish_by_default(empty_project: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """No setting, no locale: Spanish, the catalog's default language; the setting names
    and the examples stay as they are written in mkdocs.yml."""
    for name, value in NO_LOCALE.items():
        monkeypatch.setenv(name, value)
    with_settings(empty_project, CATALOG, "listing_page_size: 0", "root: nowhere")
    output = failed_build(empty_project)
    assert ("Plugin 'tejido/catalog' option 'listing_page_size': se esperaba: un número "
            "entero de entradas por página, 1 o más; se encontró: 0. Por ejemplo, en la "
            "sección del complemento en mkdocs.yml: `listing_page_size: 100`") in output
    assert "option 'root': la carpeta 'nowhere' no existe (se buscó en " in output
    assert "expected" not in output


@pytest.mark.parametrize("setting", ["en", "fr"])
def test_the_messages_language_setting_words_the_setting_errors(
        empty_project: Path, monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    """`messages_language: en` is obeyed under a Mexican locale; a language we do not
    speak is itself reported, in the locale's language."""
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    with_settings(empty_project, CATALOG, "report: sí", f"messages_language: {setting}")
    output = failed_build(empty_project)
    english = setting == "en"
    assert ("option 'report': expected true or false; found 'sí'." in output) is english
    assert ("option 'report': se esperaba: true o false; se encontró: 'sí'." in output) \
        is not english
    if not english:
        assert ("option 'messages_language': se esperaba: es (español) o en (inglés); "
                "se encontró: 'fr'.") in output


@pytest.mark.parametrize("setting", ["en", None])
def test_the_pdf_plugin_speaks_the_catalog_setting(empty_project: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   setting: str | None) -> None:
    """tejido/pdf has no setting of its own: it reads tejido/catalog's, else the locale."""
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    if setting:
        with_settings(empty_project, CATALOG, f"messages_language: {setting}")
    with_settings(empty_project, PDF, "workers: -1")
    output = failed_build(empty_project)
    said = ("expected a whole number of processes, 0 (one per CPU core) or more; found -1."
            if setting else "se esperaba: un número entero de procesos, 0 (uno por núcleo "
            "del procesador) o más; se encontró: -1. Por ejemplo, en la sección del "
            "complemento en mkdocs.yml: `workers: 0`")
    assert f"Plugin 'tejido/pdf' option 'workers': {said}" in output


def test_catalog_workers_must_be_a_whole_number(empty_project: Path) -> None:
    with_settings(empty_project, CATALOG, "workers: -2")
    assert ("Plugin 'tejido/catalog' option 'workers': expected a whole number of processes, "
            "0 (one per CPU core) or more; found -2.") in failed_build(empty_project)
