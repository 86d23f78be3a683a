"""One import: read, map, merge, compare with the files, write (unless a dry run), and
check what was produced the way `tejido check` will."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tejido.core.model import fields as f
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.importer.files import Planned, State, entry_path, plan, write
from tejido.core.sources.importer.mapping import Mapping_
from tejido.core.sources.importer.rows import Rows, Unmapped, entry_data, read_rows
from tejido.core.sources.importer.table import Table
from tejido.core.sources.source import Document
from tejido.core.validate.problems import Problem, Problems
from tejido.core.validate.validate import Context, check_fields


@dataclass
class Outcome:
    table: Table
    rows: Rows
    planned: list[Planned]
    still: dict[str, list[Problem]] = field(default_factory=dict)
    """File -> what `tejido check` will still ask of it."""
    dry_run: bool = False

    @property
    def unmapped(self) -> list[Unmapped]:
        return self.rows.unmapped


def _as_read(data: dict[str, Any]) -> dict[str, Any]:
    """Dates as YAML reads them back."""
    if isinstance(data.get("last_verified"), str):
        try:
            return {**data, "last_verified": dt.date.fromisoformat(data["last_verified"])}
        except ValueError:
            return data
    return data


def _still_needed(planned: Planned, kind: str, taxonomies: Mapping[str, Taxonomy],
                  root: Path) -> list[Problem]:
    """The problems `tejido check` will report for the file as it will be written (the
    same checks, on the data itself: no need to write and parse YAML to know)."""
    problems = Problems()
    doc = Document(planned.path, _as_read(planned.data))
    ctx = Context(doc, dict(taxonomies), problems, dt.date.today(), root)
    check_fields(f.KINDS[kind].fields, doc.data, (), ctx)
    return list(problems)


def run_import(table: Table, mapping: Mapping_, taxonomies: Mapping[str, Taxonomy], root: Path,
               *, dry_run: bool, update: bool) -> Outcome:
    rows = read_rows(table, mapping, taxonomies)
    state = State.load(root)
    folder = f.KINDS[mapping.kind].folder
    taken: set[str] = set()
    outcome = Outcome(table, rows, [], dry_run=dry_run)
    for draft in rows.drafts:
        path = entry_path(folder, draft.name, root, state, taken)
        taken.add(path)
        planned = plan(path, entry_data(draft, mapping.kind, taxonomies), mapping.kind, root,
                       state, update)
        outcome.planned.append(planned)
        still = _still_needed(planned, mapping.kind, taxonomies, root)
        if still:
            outcome.still[path] = still
        if not dry_run and (planned.touched or path not in state.files):
            write(planned, root, state, draft.name)
    if not dry_run:
        state.save()
    return outcome
