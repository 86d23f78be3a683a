"""Validation cases as data: every file in tests/validation/ (format in its README)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tejido.core import Layout, Problem, load_project
from tejido.core.i18n.messages import Msg

FOLDER = Path(__file__).parent / "validation"
CASES = sorted(FOLDER.glob("*.yml"))
TODAY = dt.date(2026, 11, 21)
KEYS = {"case", "files", "append", "messages", "messages_es"}



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


def assert_found(name: str, found: list[str], messages: list[str | list[str]]) -> None:
    shown = "\n".join(found) or "(no problem)"
    expected = [[item] if isinstance(item, str) else item for item in messages]
    assert len(found) == len(expected), f"{name}: {len(found)} problems:\n{shown}"
    for pieces in expected:
        assert any(all(piece in message for piece in pieces) for message in found), (
            f"{name}: no problem has all of {pieces}:\n{shown}")


def located(problem: Problem, text: str) -> bool:
    """'path:line: field:' as written, the same in every language (a problem about the
    whole file says '(archivo)' or '(file)')."""
    where = f"{problem.path}:{problem.line}: "
    return text.startswith(where + f"{problem.field}: " if problem.field else where)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(empty_project: Path, path: Path) -> None:
    """`messages` in English; `messages_es`, when the case has it, in Spanish; in both
    languages the same problems at the same places, every one from the text tables."""
    spec = read_case(path)
    write_inputs(empty_project, spec)
    problems = list(load_project(Layout(empty_project), TODAY).problems)
    english, spanish = ([p.format(lang) for p in problems] for lang in ("en", "es"))
    assert_found(path.name, english, spec["messages"])  # type: ignore[arg-type]
    if "messages_es" in spec:
        assert_found(path.name, spanish, spec["messages_es"])  # type: ignore[arg-type]
    for problem, *texts in zip(problems, english, spanish, strict=True):
        assert all(located(problem, text) for text in texts), texts
    assert not [p for p in problems if not worded_by_table(p)], path.name


def worded_by_table(problem: Problem) -> bool:
    """The message is a key into the text tables (its values may be the contributor's)."""
    return isinstance(problem.message, Msg)


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
