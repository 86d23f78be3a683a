"""An entry's common part is typed the same for every kind; its kind's fields apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from tejido.core import Layout, load_project
from tejido.core.model.model import COMMON_FIELDS, Common, Entry

REPO = Path(__file__).resolve().parent.parent


def test_common_and_own_fields_of_the_sample() -> None:
    catalog = load_project(Layout(REPO)).catalog
    assert {f.name for f in dataclasses.fields(Common)} < {f.name for f in dataclasses.fields(
        Entry)}
    kinds = set()
    for entry in catalog.entries.values():
        kinds.add(entry.kind)
        assert isinstance(entry, Common)
        assert entry.last_verified == entry.values.get("last_verified")
        assert entry.last_verified is None or isinstance(entry.last_verified, dt.date)
        assert not set(entry.own) & COMMON_FIELDS
        assert set(entry.own) | (set(entry.values) & COMMON_FIELDS) == set(entry.values)
    assert kinds == {"organization", "network", "practice", "guide"}
    seres = next(e for e in catalog.entries.values() if e.id == "seres")
    assert "type" in seres.own and "themes" not in seres.own
    assert any(e.last_verified for e in catalog.entries.values())
