"""Validation cases as data: every file in tests/validation/ (format in its README)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tejido.core import Layout, load_project

FOLDER = Path(__file__).parent / "validation"
CASES = sorted(FOLDER.glob("*.yml"))
TODAY = dt.date(2026, 11, 21)
KEYS = {"case", "files", "append", "messages"}


def read_case(path: Path) -> dict[str, object]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(spec, dict), f"{path.name}: a case is a mapping (see README.md)"
    unknown = set(spec) - KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}; known: {sorted(KEYS)}"
    assert isinstance(spec.get("messages"), list), f"{path.name}: 'messages' must be a list"
    return spec


def write_inputs(project: Path, spec: dict[str, object]) -> None:
    for name, text in dict(spec.get("files") or {}).items():  # type: ignore[call-overload]
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in dict(spec.get("append") or {}).items():  # type: ignore[call-overload]
        path = project / name
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(empty_project: Path, path: Path) -> None:
    spec = read_case(path)
    write_inputs(empty_project, spec)
    found = [p.format() for p in load_project(Layout(empty_project), TODAY).problems]
    shown = "\n".join(found) or "(no problem)"
    expected = [[item] if isinstance(item, str) else item
                for item in spec["messages"]]  # type: ignore[attr-defined]
    assert len(found) == len(expected), f"{path.name}: {len(found)} problems:\n{shown}"
    for pieces in expected:
        assert any(all(piece in message for piece in pieces) for message in found), (
            f"{path.name}: no problem has all of {pieces}:\n{shown}")


def test_the_folder_holds_the_cases() -> None:
    assert len(CASES) >= 40



def single_organization_cases() -> dict[str, str]:
    """Cases whose whole input is one organization file, by their `case` name (the JSON
    Schema test feeds them to the schemas too)."""
    found = {}
    for path in CASES:
        spec = read_case(path)
        files = dict(spec.get("files") or {})  # type: ignore[call-overload]
        if spec["messages"] and not spec.get("append") and list(files) == [
                "directory/organizations/casa.yml"]:
            found[str(spec["case"])] = str(files["directory/organizations/casa.yml"])
    return found
