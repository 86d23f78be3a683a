"""What an import did and what is left for a person to do, as plain text.

Personal values (columns mapped to contact_person) are masked: a report is pasted into
chats and tickets."""

from __future__ import annotations

import re
from collections import Counter

from tejido.core.sources.importer.mapping import PERSONAL
from tejido.core.sources.importer.mask import mask
from tejido.core.sources.importer.run import Outcome
from tejido.core.validate.mask import mask_text
from tejido.core.validate.problems import Problem


def _value(field: str, value: object) -> str:
    text = "nothing" if value is None else repr(value)
    return mask(str(value)) if field.startswith(PERSONAL) and value is not None else text


def report_text(outcome: Outcome) -> str:
    table, rows = outcome.table, outcome.rows
    planned = outcome.planned
    new = sum(1 for p in planned if p.new)
    updated = sum(1 for p in planned if not p.new and any(c.applied for c in p.changes))
    verb = "would write" if outcome.dry_run else "wrote"
    lines = []
    if table.encoding:
        lines.append(f"Read as {table.encoding} text, columns separated by "
                     f"{table.delimiter!r} (a guess: check the accents below).")
    merged = sum(len(d.rows) - 1 for d in rows.drafts)
    lines.append(f"{rows.read} rows read; {merged} rows merged into an entry with the same "
                 f"name; {len(planned)} entries: {verb} {new} new, {updated} updated, "
                 f"{len(planned) - new - updated} unchanged.")
    lines += _changes(outcome)
    if outcome.unmapped:
        lines.append(f"\n{len(outcome.unmapped)} values could not be mapped "
                     "(row, column, value, why, and how to map it):")
        for item in outcome.unmapped:
            lines.append(f"  row {item.row}, {item.column!r}: {item.shown_value()!r}: "
                         f"{item.why}\n    fix: {item.fix}")
    lines += _still(outcome)
    if outcome.dry_run:
        lines.append("\nDry run: nothing was written.")
    # Any e-mail or phone left in a value (a personal one under an organization's column
    # too) is masked, as in every message: reports are pasted into chats and tickets.
    return mask_text("\n".join(lines))


def _changes(outcome: Outcome) -> list[str]:
    lines = []
    for planned in outcome.planned:
        for change in planned.changes:
            old, new = _value(change.field, change.old), _value(change.field, change.new)
            if change.applied:
                lines.append(f"  {planned.path}: {change.field}: {old} -> {new}")
            else:
                lines.append(f"  {planned.path}: {change.field}: kept {old} (edited by hand); "
                             f"the spreadsheet says {new}; --update takes it")
    return ["\nChanges to existing entries:", *lines] if lines else []


_REQUIRED = re.compile(r"the required field '([\w.]+)' is (?:missing|empty)")


def _field(problem: Problem) -> str:
    """The field a problem is about; a missing field is named in the message."""
    missing = _REQUIRED.match(problem.message)
    name = missing.group(1) if missing else ""
    return ".".join(part for part in (problem.field, name) if part) or "(file)"


def _still(outcome: Outcome) -> list[str]:
    if not outcome.still:
        return ["\nEvery entry passes tejido check."]
    total = sum(len(p) for p in outcome.still.values())
    fields = Counter(_field(p) for ps in outcome.still.values() for p in ps)
    common = ", ".join(f"{name} ({count})" for name, count in fields.most_common())
    lines = [f"\ntejido check will still ask for {total} things in {len(outcome.still)} files "
             f"({common}):"]
    for path, problems in sorted(outcome.still.items()):
        lines.append(f"  {path}: " + "; ".join(
            f"{_field(p)} (required)" if _REQUIRED.match(p.message) else
            f"{_field(p)}: {p.message}" for p in problems))
    return lines
