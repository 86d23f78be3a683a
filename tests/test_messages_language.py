"""The contributor's language: `tejido --lang`, else `messages_language` in mkdocs.yml,
else the locale, else Spanish; the same messages in both, from the text tables, with
what they quote masked in both."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_project
from tejido.core import Layout, choose_language, load_project
from test_settings import CATALOG, failed_build, with_settings

NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
BAD_ENTRY = """\
name: Casa Abierta
summary:
  es: Una organización de prueba.
themes: [educacion]
regions: [oaxaca]
founded: 2031
"""
SPANISH = "casa.yml:1: (archivo): falta el campo obligatorio 'type'"
ENGLISH = "casa.yml:1: (file): the required field 'type' is missing"


def tejido(project: Path, *args: str, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env if env is not None else NO_LOCALE)}
    return subprocess.run([sys.executable, "-m", "tejido.cli", "--root", str(project), *args],
                          capture_output=True, text=True, timeout=300, check=False, env=environ)


@pytest.fixture
def bad_project(empty_project: Path) -> Path:
    (empty_project / "directory/organizations/casa.yml").write_text(BAD_ENTRY, "utf-8")
    return empty_project


@pytest.mark.parametrize(("asked", "setting", "environ", "chosen"), [
    (None, None, {}, "es"),
    (None, None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, None, {"LANG": "es_MX.UTF-8"}, "es"),
    (None, None, {"LANG": "C.UTF-8"}, "es"),
    (None, None, {"LANG": "fr_FR.UTF-8"}, "es"),
    (None, None, {"LC_ALL": "en_GB.UTF-8", "LANG": "es_MX.UTF-8"}, "en"),
    (None, None, {"LC_ALL": "", "LC_MESSAGES": "en", "LANG": "es_MX.UTF-8"}, "en"),
    (None, "en", {"LANG": "es_MX.UTF-8"}, "en"),
    (None, "es", {"LANG": "en_US.UTF-8"}, "es"),
    ("en", "es", {"LANG": "es_MX.UTF-8"}, "en"),
    ("es", "en", {"LANG": "en_US.UTF-8"}, "es"),
])
def test_the_language_is_chosen_in_order(asked: str | None, setting: str | None,
                                         environ: dict[str, str], chosen: str) -> None:
    assert choose_language(asked, setting, environ) == chosen


def test_check_speaks_spanish_by_default(bad_project: Path) -> None:
    result = tejido(bad_project, "check")
    assert result.returncode == 1
    assert SPANISH in result.stderr
    assert "sugerencia: agregue una línea 'type: cso'" in result.stderr
    assert "founded: el año está en el futuro; se esperaba: 2026 o antes" in result.stderr
    assert "the required field" not in result.stderr


def test_check_follows_the_locale(bad_project: Path) -> None:
    result = tejido(bad_project, "check", env={**NO_LOCALE, "LANG": "en_US.UTF-8"})
    assert ENGLISH in result.stderr
    assert "hint: add a line 'type: cso'" in result.stderr


def test_the_setting_wins_over_the_locale_and_lang_over_both(bad_project: Path) -> None:
    with_settings(bad_project, CATALOG, "messages_language: en")
    mexican = {**NO_LOCALE, "LANG": "es_MX.UTF-8"}
    assert ENGLISH in tejido(bad_project, "check", env=mexican).stderr
    assert SPANISH in tejido(bad_project, "check", "--lang", "es", env=mexican).stderr
    assert SPANISH in tejido(bad_project, "--lang", "es", "check").stderr  # before the command


def test_a_setting_in_another_language_is_named(bad_project: Path) -> None:
    with_settings(bad_project, CATALOG, "messages_language: fr")
    result = tejido(bad_project, "check")
    assert result.returncode == 2
    assert "mkdocs.yml: messages_language: se esperaba: es / en; se encontró: 'fr'" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_and_github_formats_speak_the_language(bad_project: Path) -> None:
    spanish = tejido(bad_project, "check", "--format", "json").stdout
    english = tejido(bad_project, "check", "--format", "json", "--lang", "en").stdout
    assert '"message": "falta el campo obligatorio \'type\'"' in spanish
    assert '"message": "the required field \'type\' is missing"' in english
    assert '"code": "required-missing"' in spanish and '"code": "required-missing"' in english
    github = tejido(bad_project, "check", "--format", "github").stdout
    assert "::error file=directory/organizations/casa.yml,line=1,title=file::falta" in github


def test_new_speaks_both_languages(empty_project: Path) -> None:
    created = tejido(empty_project, "new", "organization", "Casa Abierta")
    assert created.stdout.startswith("Se creó directory/organizations/casa-abierta.yml\n")
    assert "Llene los campos marcados" in created.stdout
    again = tejido(empty_project, "new", "organization", "Casa Abierta", "--lang", "en")
    assert again.returncode == 1
    assert "an entry with this id already exists; nothing was written." in again.stderr
    assert "hint: open that file to edit it" in again.stderr
    again_es = tejido(empty_project, "new", "organization", "Casa Abierta")
    assert "ya existe una entrada con este id; no se escribió nada." in again_es.stderr
    other = tejido(empty_project, "new", "network", "Red Polo", "--lang", "en")
    assert other.stdout.startswith("Created directory/networks/red-polo.yml\nFill in the fields")
    nameless = tejido(empty_project, "new", "network", "¿?")
    assert nameless.returncode == 2
    assert "el nombre necesita al menos una letra o un número" in nameless.stderr


def test_help_speaks_the_language(empty_project: Path) -> None:
    spanish = tejido(empty_project, "check", "--help").stdout
    assert "revisa todas las entradas" in spanish
    english = tejido(empty_project, "--lang", "en", "import", "--help").stdout
    assert "turn a spreadsheet (CSV, XLSX, ODS) into entries" in english


def test_all_good_speaks_the_language(empty_project: Path) -> None:
    (empty_project / "directory/organizations/casa.yml").write_text(
        BAD_ENTRY.replace("founded: 2031", "type: cso"), "utf-8")
    assert tejido(empty_project, "check").stdout == "Todo bien: 1 entrada (1 organización).\n"
    assert tejido(empty_project, "check", "--lang", "en").stdout == (
        "All good: 1 entry (1 organization).\n")


PERSONAL = """\
name: Casa Abierta
type: cso
summary:
  es: Una organización de prueba.
themes: [educacion]
regions: [oaxaca]
contact:
  email: maria.lopez@gmail.com
  phone: "+52 951 222 3344"
description:
  es: Escriba a maria.lopez@gmail.com o al +52 951 222 3344.
contact_person:
  email: maria.lopez@gmail.com
  phone: "+52 951 222 3344"
websit: maria.lopez@gmail.com
"""


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_person_s_route_in_any_message_in_either_language(empty_project: Path,
                                                            lang: str) -> None:
    (empty_project / "directory/organizations/casa.yml").write_text(PERSONAL, "utf-8")
    problems = list(load_project(Layout(empty_project)).problems)
    assert len(problems) >= 5
    shown = "\n".join(p.format(lang) for p in problems)
    for secret in ("maria.lopez", "222 3344", "2223344"):
        assert secret not in shown, shown
    assert "ma•••@gmail.com" in shown
    cli = tejido(empty_project, "check", "--format", "json", "--lang", lang).stdout
    assert "maria.lopez" not in cli and "222 3344" not in cli and "ma•••@gmail.com" in cli


def test_the_build_fails_in_spanish_by_default(bad_project: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in NO_LOCALE.items():
        monkeypatch.setenv(name, value)
    output = failed_build(bad_project)
    assert "el contenido tiene problemas:" in output
    assert SPANISH in output
    assert "sugerencia: agregue una línea 'type: cso'" in output


def test_the_build_speaks_english_with_the_setting(bad_project: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    with_settings(bad_project, CATALOG, "messages_language: en")
    output = failed_build(bad_project)
    assert "the content has problems:" in output
    assert ENGLISH in output
    assert "hint: add a line 'type: cso'" in output


def test_the_setting_takes_only_a_language_we_speak(empty_project: Path) -> None:
    with_settings(empty_project, CATALOG, "messages_language: fr")
    output = failed_build(empty_project)
    assert ("'messages_language': expected es (Spanish) or en (English); found 'fr'. For "
            "example, under the plugin in mkdocs.yml: `messages_language: en`") in output


def test_the_report_speaks_the_contributors_language(tmp_path: Path) -> None:
    """`tejido report` and `report --due`: Spanish with no locale, English with --lang en;
    file names stay as written."""
    project = make_project(tmp_path)
    spanish = tejido(project, "report")
    english = tejido(project, "--lang", "en", "report")
    assert spanish.returncode == english.returncode == 0, spanish.stderr + english.stderr
    assert spanish.stdout.startswith("Traducciones que faltan (")
    assert "Sin temas o regiones (" in spanish.stdout and "Missing" not in spanish.stdout
    assert english.stdout.startswith("Missing translations (")
    assert ": sin texto en inglés en " in spanish.stdout
    assert ": no English text in " in english.stdout
    assert "Without themes or regions (" in english.stdout
    due_es = tejido(project, "report", "--due").stdout.splitlines()
    due_en = tejido(project, "--lang", "en", "report", "--due").stdout.splitlines()
    assert "entradas por verificar (de " in due_es[-1]
    assert "entries due for verification (of " in due_en[-1]
    assert [line.split(":")[0] for line in due_es[:-1]] == [
        line.split(":")[0] for line in due_en[:-1]]
