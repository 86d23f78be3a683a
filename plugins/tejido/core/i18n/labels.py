"""Interface text, one table per language (`text.<lang>.yml`, here).  Content text never
comes from here.

Keys are namespaced by where they are shown (`directory.…`, `matrix.…`, `allies.…`,
`report.…`, `search.…`); every language has the same keys (a test checks), so a
translator edits one file and never Python."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from tejido.core.model.fields import LANGUAGES
from tejido.core.yaml_data import read_data

DATA = Path(__file__).parent


def _table(lang: str) -> Mapping[str, str]:
    data = read_data(DATA / f"text.{lang}.yml")
    return MappingProxyType({str(key): str(value) for key, value in data.items()})


TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: _table(lang) for lang in LANGUAGES})
ES, EN = TABLES["es"], TABLES["en"]


def label(lang: str, key: str, **values: object) -> str:
    text = TABLES[lang][key]
    return text.format(**values) if values else text


def count_label(lang: str, count: int) -> str:
    from tejido.core.i18n.locale import number  # locale reads this module's table

    return label(lang, "entry") if count == 1 else label(lang, "entries",
                                                         count=number(lang, count))


def group(lang: str, prefix: str) -> dict[str, str]:
    """The texts under one prefix, without it (`group("es", "directory.")["reset"]`), for
    the data the browser's scripts read."""
    return {key.removeprefix(prefix): text for key, text in TABLES[lang].items()
            if key.startswith(prefix)}
