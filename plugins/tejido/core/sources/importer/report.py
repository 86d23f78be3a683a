"""What an import did and what is left for a person to do, as plain text.

Personal values (columns mapped to contact_person) are masked: a report is pasted into
chats and tickets."""

from __future__ import annotations

from collections import Counter

from tejido.core.i18n.messages import Msg, say
from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.sources.importer.mapping import PERSONAL
from tejido.core.sources.importer.mask import mask
from tejido.core.sources.importer.run import Outcome
from tejido.core.validate.mask import mask_text
from tejido.core.validate.problems import Problem


def _value(field: str, value: object, lang: str) -> str:
    text = say(lang, "nothing") if value is None else repr(value)
    return mask(str(value)) if field.startswith(PERSONAL) and value is not None else text


def report_text(outcome: Outcome, lang: str = DEFAULT_LANGUAGE) -> str:
    table, rows = outcome.table, outcome.rows
    planned = outcome.planned
    new = sum(1 for p in planned if p.new)
    updated = sum(1 for p in planned if not p.new and any(c.applied for c in p.changes))
    lines = []
    if table.encoding:
        lines.append(say(lang, "import.read-as", encoding=table.encoding,
                         delimiter=repr(table.delimiter)))
    merged = sum(len(d.rows) - 1 for d in rows.drafts)
    lines.append(say(lang, "import.dry-summary" if outcome.dry_run else "import.summary",
                     rows=rows.read, merged=merged, entries=len(planned), new=new,
                     updated=updated, unchanged=len(planned) - new - updated))
    lines += _changes(outcome, lang)
    if outcome.unmapped:
        lines.append("\n" + say(lang, "import.unmapped", count=len(outcome.unmapped)))
        for item in outcome.unmapped:
            lines.append(say(lang, "import.unmapped-item", row=item.row,
                             column=repr(item.column), value=repr(item.shown_value()),
                             why=item.why, fix=item.fix))
    lines += _still(outcome, lang)
    if outcome.dry_run:
        lines.append("\n" + say(lang, "import.dry-run"))
    # Any e-mail or phone left in a value (a personal one under an organization's column
    # too) is masked, as in every message: reports are pasted into chats and tickets.
    return mask_text("\n".join(lines))


def _changes(outcome: Outcome, lang: str) -> list[str]:
    lines = []
    for planned in outcome.planned:
        for change in planned.changes:
            old = _value(change.field, change.old, lang)
            new = _value(change.field, change.new, lang)
            key = "import.change" if change.applied else "import.kept"
            lines.append(say(lang, key, path=planned.path, field=change.field, old=old,
                             new=new))
    return ["\n" + say(lang, "import.changes"), *lines] if lines else []


REQUIRED_KEYS = ("required-missing", "required-empty")


def _required(problem: Problem) -> str:
    """The field a 'required field' problem names ('' for any other problem)."""
    message = problem.message
    if isinstance(message, Msg) and message.key in REQUIRED_KEYS:
        return str(dict(message.values).get("name", ""))
    return ""


def _field(problem: Problem, lang: str) -> str:
    """The field a problem is about; a missing field is named in the message."""
    name = _required(problem)
    return ".".join(part for part in (problem.field, name) if part) or problem.where(lang)


def _still(outcome: Outcome, lang: str) -> list[str]:
    if not outcome.still:
        return ["\n" + say(lang, "import.all-pass")]
    total = sum(len(p) for p in outcome.still.values())
    fields = Counter(_field(p, lang) for ps in outcome.still.values() for p in ps)
    common = ", ".join(f"{name} ({count})" for name, count in fields.most_common())
    lines = ["\n" + say(lang, "import.still", count=total, files=len(outcome.still),
                        fields=common)]
    for path, problems in sorted(outcome.still.items()):
        lines.append(f"  {path}: " + "; ".join(
            say(lang, "import.required", field=_field(p, lang)) if _required(p) else
            f"{_field(p, lang)}: {p.worded('message', lang)}" for p in problems))
    return lines
