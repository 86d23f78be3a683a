"""Every kind of bad input gets one clear message: file:line: field, expected/found, hint.

Most cases are data, in tests/validation/ (run by test_validation_cases.py); here are
those whose input is not UTF-8 text or is generated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tejido.core import Layout, load_project

TODAY = dt.date(2026, 11, 21)
ORG = "directory/organizations"


def problems_for(project: Path, files: dict[str, str | bytes]) -> list[str]:
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    result = load_project(Layout(project), TODAY)
    return [problem.format("en") for problem in result.problems]


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


def test_too_large_file(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {f"{ORG}/casa.yml": "#" * 600_000}))
    assert "casa.yml:1: (file): the file is too large; expected at most 512 KB" in text


def test_not_utf8(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {f"{ORG}/casa.yml": "name: Año".encode("latin-1")}))
    assert "the file is not UTF-8 text" in text


def test_deep_indentation_is_a_clear_error(empty_project: Path) -> None:
    deep = "".join(f"{' ' * i}k{i}:\n" for i in range(60)) + " " * 60 + "x: 1\n"
    text = only(problems_for(empty_project, {f"{ORG}/casa.yml": deep}))
    assert "the values nest too deeply" in text
