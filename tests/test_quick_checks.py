"""The load skips a check where its pattern cannot match (no `!`, no `<`, no `*`):
what each check finds must still be found, in texts that hold only its sign."""

from __future__ import annotations

import pytest

from tejido.core.sources.document import SourceError
from tejido.core.sources.markdown_check import markdown_issues
from tejido.core.sources.yaml_lines import parse_yaml


@pytest.mark.parametrize("text", ["n: !!str 5\n", "n: !mine x\n", "- !!binary YQ==\n",
                                  "k: !!set {a: b}\n", "%TAG ! tag:x,2000:\n---\nk: !a b\n"])
def test_an_explicit_tag_is_refused(text: str) -> None:
    with pytest.raises(SourceError):
        parse_yaml(text, "a.yml")


def test_an_exclamation_mark_alone_is_text() -> None:
    document = parse_yaml("summary: ¡Hola! Somos 5\nn: 5\nd: 2024-05-01\n", "a.yml")
    assert document.data == {"summary": "¡Hola! Somos 5", "n": 5,
                             "d": __import__("datetime").date(2024, 5, 1)}


@pytest.mark.parametrize(("text", "line"), [
    ("Uno.\n\nDos -->\n", 2), ("Uno <!-- x\n", 0), ("Uno\n<div>\n", 1),
    ("![a](https://x.org/a.png)\n", 0), ("a\n" + "*" * 61 + "x\n", 1),
    ("a\n\n" + "*a* " * 101 + "\n", 2), ("a\n\n" + "[" * 11 + "x" + "]" * 11 + "\n", 2)])
def test_each_markdown_check_still_finds_its_sign(text: str, line: int) -> None:
    assert [issue.line for issue in markdown_issues(text)] == [line]


def test_plain_text_has_no_markdown_issues() -> None:
    assert list(markdown_issues("Una red de 40 colectivos, desde 2019.\n\nOtra línea.\n")) == []
