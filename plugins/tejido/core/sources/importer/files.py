"""Writing imported entries beside what contributors edited by hand.

What an import wrote is remembered in `.tejido/imports.json` (commit it with the entries)
as a digest of each value, never the value: the file must not become a second copy of a
person's phone that outlives its removal from the entry.  On the next import, a field
still holding what the import wrote is updated
from the spreadsheet; a field someone changed by hand is kept, unless `--update`, and
reported either way.  Fields the mapping does not fill are never touched, and nothing
is ever deleted: not a file, not a field, not a value the new spreadsheet lacks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tejido.core.i18n.text import slugify
from tejido.core.model import fields as f
from tejido.core.model.places import name_key

STATE = ".tejido/imports.json"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml when PyYAML has it: a re-import reads every file it wrote."""


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any
    applied: bool
    """False: edited by hand, kept (run again with --update to take the new value)."""


@dataclass
class Planned:
    path: str
    """Relative to the project root."""
    data: dict[str, Any]
    """What the file will hold."""
    written: dict[str, str]
    """Field -> digest of the value the import writes (remembered for the next import)."""
    new: bool
    changes: list[Change] = field(default_factory=list)

    @property
    def touched(self) -> bool:
        return self.new or any(c.applied for c in self.changes)


def _plain(value: Any) -> Any:
    """A value as JSON stores it (dates as text), to compare file and memory alike."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def digest(value: Any) -> str:
    text = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def leaves(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Top-level fields, and the fields of records one level down ('contact.email'): the
    unit an import updates, so a hand-added contact form survives a new phone."""
    for key, value in data.items():
        if isinstance(value, dict) and key not in ("summary", "description", "name"):
            for sub, inner in value.items():
                yield f"{key}.{sub}", inner
        else:
            yield key, value


def _put(data: dict[str, Any], dotted: str, value: Any) -> None:
    head, _, sub = dotted.partition(".")
    if sub:
        record = data.get(head)
        if not isinstance(record, dict):
            record = data[head] = {}
        record[sub] = value
    else:
        data[head] = value


def _ordered(data: Mapping[str, Any], kind: str) -> dict[str, Any]:
    order = [spec.name for spec in f.KINDS[kind].fields]
    return {k: data[k] for k in sorted(data, key=lambda k: order.index(k) if k in order
                                       else len(order))}


@dataclass
class State:
    path: Path
    files: dict[str, dict[str, Any]]
    names: dict[str, str]
    """name_key of an imported name -> its file (a renamed slug rule never splits it)."""

    @classmethod
    def load(cls, root: Path) -> State:
        path = root / STATE
        data = json.loads(path.read_text("utf-8")) if path.is_file() else {}
        return cls(path, dict(data.get("files", {})), dict(data.get("names", {})))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"files": self.files, "names": self.names}, ensure_ascii=False,
                          indent=1, sort_keys=True)
        self.path.write_text(text + "\n", encoding="utf-8")


def entry_path(folder: str, name: str, root: Path, state: State, taken: set[str]) -> str:
    """The file for a name: the one an earlier import used, else its slug (as `tejido new`
    names files), with -2, -3… when another name already has that slug."""
    known = state.names.get(name_key(name))
    if known:
        return known
    base = slugify(name) or "sin-nombre"
    candidate, number = f"{folder}/{base}.yml", 2
    while candidate in taken or ((root / candidate).exists() and candidate not in state.files):
        if (root / candidate).exists() and _file_name(root / candidate) == name_key(name):
            break  # written by hand under the same name: the same entry
        candidate, number = f"{folder}/{base}-{number}.yml", number + 1
    return candidate


def _file_name(path: Path) -> str:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_Loader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return ""
    return name_key(str(data.get("name", ""))) if isinstance(data, dict) else ""


def plan(path: str, imported: dict[str, Any], kind: str, root: Path, state: State,
         update: bool) -> Planned:
    file = root / path
    current: dict[str, Any] = {}
    if file.exists():
        loaded = yaml.load(file.read_text("utf-8"), Loader=_Loader)
        current = loaded if isinstance(loaded, dict) else {}
    before = state.files.get(path, {})
    now = dict(leaves(current))
    data = json.loads(json.dumps(current, default=str))  # a copy we may change
    planned = Planned(path, data, {}, not file.exists())
    for dotted, value in leaves(imported):
        value = _plain(value)
        planned.written[dotted] = digest(value)
        had = _plain(now.get(dotted))
        if dotted not in now and dotted in before and not update:
            planned.written[dotted] = before[dotted]  # deleted by hand: stays deleted
            planned.changes.append(Change(dotted, None, value, False))
        elif dotted not in now:
            _put(data, dotted, value)
            if not planned.new:
                planned.changes.append(Change(dotted, None, value, True))
        elif had == value:
            continue
        elif digest(had) == before.get(dotted) or update:
            _put(data, dotted, value)
            planned.changes.append(Change(dotted, had, value, True))
        else:  # someone edited it: theirs stays
            planned.written[dotted] = before.get(dotted, digest(value))
            planned.changes.append(Change(dotted, had, value, False))
    planned.data = _ordered(data, kind)
    return planned


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Lists of plain values on one line ([oaxaca, chiapas]), records indented below their
    field, as contributors write them."""


def _list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.Node:  # libyaml's too
    flat = all(not isinstance(item, (dict, list)) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flat)


_Dumper.add_representer(list, _list)


HEADER = ("# Importado con `tejido import`. Los campos que vienen de la hoja se actualizan al "
          "volver a\n# importar; lo que edites a mano se conserva. / Imported with `tejido "
          "import`; fields from the\n# spreadsheet update on the next import; what you edit "
          "by hand is kept.\n")


def write(planned: Planned, root: Path, state: State, name: str) -> None:
    file = root / planned.path
    file.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(_dated(planned.data), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=100)
    imported = planned.new or planned.path in state.files
    file.write_text((HEADER if imported else "") + text, encoding="utf-8")
    state.files[planned.path] = {**state.files.get(planned.path, {}), **planned.written}
    state.names[name_key(name)] = planned.path


def _dated(data: dict[str, Any]) -> dict[str, Any]:
    """Dates back as dates (YAML writes them unquoted, as contributors do)."""
    if isinstance(data.get("last_verified"), str):
        try:
            return {**data, "last_verified": dt.date.fromisoformat(data["last_verified"])}
        except ValueError:
            return data
    return data
