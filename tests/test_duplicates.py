"""`tejido check` warns about likely duplicates and still passes; a field silences a pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_project
from tejido.cli.commands import main
from tejido.core import Layout, load_project

BASE = "type: cso\nsummary: {es: Algo.}\nthemes: [educacion]\nregions: [oaxaca]\n"
ORGS = {
    "casa-comun": "name: Casa Común\n" + BASE,
    "casa-comun-oaxaca": "name: CASA COMUN\n" + BASE,  # equal once folded
    "raices-del-sur": "name: Colectivo Raíces del Sur\n" + BASE,
    "raices-sur": "name: Colectivo Raices del Sur A.C.\n" + BASE,  # very close
    "tierra": "name: Tierra Fértil\n" + BASE + "contact:\n  phone: +52 (951) 514-0000\n",
    "semilla": "name: Semilla Viva\n" + BASE + "contact:\n  phone: 951 514 0000\n",
    "voz": "name: Voz Maya\n" + BASE + "website: https://www.vozmaya.example.org/\n",
    "radio": "name: Radio Comunitaria\n" + BASE + "website: http://vozmaya.example.org\n",
    "juntas": "name: Mujeres en Red\n" + BASE + "contact:\n  email: Red@Mujeres.example.org\n",
    "otras": "name: Red de Mujeres\n" + BASE + "contact:\n  email: red@mujeres.example.org\n"
             "distinct_from: [organization:juntas]\n",  # marked: no warning
}


@pytest.fixture
def dupes(tmp_path: Path) -> Path:
    project = make_project(tmp_path, entries=None)
    for name, text in ORGS.items():
        (project / f"directory/organizations/{name}.yml").write_text(text, "utf-8")
    return project


def test_likely_duplicates_are_warnings_with_both_files(dupes: Path) -> None:
    result = load_project(Layout(dupes))
    assert not result.problems
    warnings = [w.format() for w in result.warnings]
    assert len(warnings) == 4, warnings
    text = "\n".join(warnings)
    folder = "directory/organizations"
    assert (f"{folder}/casa-comun.yml:1: name: this may be the same as "
            f"organization:casa-comun-oaxaca: the same name; expected one entry per "
            f"organization, found also {folder}/casa-comun-oaxaca.yml:1") in text
    assert "organization:raices-sur: a very similar name" in text
    assert (f"{folder}/semilla.yml:6: contact: this may be the same as organization:tierra: "
            f"the same phone number; expected one entry per organization, found also "
            f"{folder}/tierra.yml:6") in text
    assert "organization:voz: the same website" in text
    assert "juntas" not in text and "otras" not in text  # marked distinct
    assert "hint: if they are the same, merge them into one file; if not, add " \
           "'distinct_from: [organization:casa-comun-oaxaca]' to " in text
    assert "514" not in text  # the phone itself is not repeated


def test_check_passes_and_prints_the_warnings(dupes: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(dupes), "check"]) == 0
    captured = capsys.readouterr()
    assert "4 warnings (they do not fail the check)." in captured.err
    assert "All good: 10 entries" in captured.out


def test_distinct_from_must_name_an_entry(dupes: Path) -> None:
    file = dupes / "directory/organizations/voz.yml"
    file.write_text(file.read_text() + "distinct_from: [organization:radioo]\n")
    problems = [p.format() for p in load_project(Layout(dupes)).problems]
    assert any("distinct_from[0]: this reference points to no entry" in p for p in problems)
