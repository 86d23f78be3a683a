"""One table of interface text per language: the same keys in each, and every key used exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tejido.core.i18n.labels import TABLES, label
from tejido.core.model.fields import KINDS, LANGUAGES, TAXONOMIES

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "tejido"
# A literal key handed to a lookup: t("…"), label(lang, "…"), v.t("…"), w.t("…"), phrase(…, "…").
LITERAL = re.compile(r"""(?:\bt|(?<![.\w])label|\.t|\bphrase|\btext)\("""
                     r"""(?:[\w.]+, )?["']([\w.-]+)["'] *[,)]""")
# A key built from a prefix: f"kind.{…}", "field." + name, t("language." ~ lang).
PREFIX = re.compile(r"""(?:\bt|\blabel|\.t)\((?:[\w.]+, )?f?["']([\w-]+\.)(?:\{|["'] *[+~])""")
NAMESPACED = {"matrix.py": "matrix.", "wording.py": "allies."}
"""Modules whose own `text()`/`phrase()` add a prefix to the key."""


def sources() -> list[Path]:
    return [*PACKAGE.rglob("*.py"), *PACKAGE.joinpath("theme").rglob("*.html")]


def test_every_language_has_the_same_keys() -> None:
    spanish = set(TABLES["es"])
    for lang in LANGUAGES:
        assert set(TABLES[lang]) == spanish, f"{lang}: {set(TABLES[lang]) ^ spanish}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_across_languages(lang: str) -> None:
    for key, text in TABLES[lang].items():
        assert set(re.findall(r"\{(\w+)\}", text)) == set(
            re.findall(r"\{(\w+)\}", TABLES["es"][key])), key


def test_every_literal_key_used_exists() -> None:
    used: dict[str, str] = {}
    for path in sources():
        text = path.read_text(encoding="utf-8")
        prefix = NAMESPACED.get(path.name, "")
        for match in LITERAL.finditer(text):
            key = match.group(1)
            if prefix and key not in TABLES["es"]:
                key = prefix + key
            used[key] = str(path.relative_to(PACKAGE))
    missing = {key: where for key, where in used.items() if key not in TABLES["es"]}
    assert not missing
    assert len(used) > 60  # the scan finds the keys in use, not nothing


def test_every_key_prefix_used_exists() -> None:
    prefixes = {m.group(1) for path in sources()
                for m in PREFIX.finditer(path.read_text(encoding="utf-8"))}
    assert {"kind.", "field.", "language."} <= prefixes
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in TABLES["es"]), prefix


def test_keys_built_from_the_content_model_exist() -> None:
    for kind in KINDS:
        label("es", f"kind.{kind}")
        label("es", f"kinds.{kind}")
    for taxonomy in TAXONOMIES:
        label("en", f"tax.{taxonomy}")
    for lang in LANGUAGES:
        label("es", f"language.{lang}")
