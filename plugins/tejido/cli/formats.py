"""How `tejido check` prints problems: for people, for GitHub, or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby

from tejido.core import MAX_SHOWN, Problem, omitted

RED, YELLOW, BOLD, RESET = "\033[31m", "\033[33m", "\033[1m", "\033[0m"


def human(problems: Iterable[Problem], colour: bool) -> str:
    """Grouped by file; each line still starts with path:line so editors can jump to it."""
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    items = sorted(problems)
    out: list[str] = []
    for path, group in groupby(items[:MAX_SHOWN], key=lambda p: p.path):
        out.append(paint(BOLD, path))
        for p in group:
            line = f"  {path}:{p.line}: {paint(RED, p.field or '(file)')}: {p.message}"
            out.append(line + p.detail())
            if p.hint:
                out.append("      " + paint(YELLOW, f"hint: {p.hint}"))
        out.append("")
    rest = omitted(items)
    if rest:
        out.extend([rest, ""])
    noun = "problem" if len(items) == 1 else "problems"
    files = len({p.path for p in items})
    out.append(f"{len(items)} {noun} in {files} file{'s' if files != 1 else ''}. "
               "Fix them and check again (make check).")
    return "\n".join(out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: Iterable[Problem]) -> str:
    """Workflow commands: each problem becomes an annotation on its line of the pull request."""
    lines = []
    items = sorted(problems)
    for p in items[:MAX_SHOWN]:
        message = p.message + p.detail()
        if p.hint:
            message += f"\nhint: {p.hint}"
        lines.append(f"::error file={_escape_property(p.path)},line={p.line},"
                     f"title={_escape_property(p.field or 'file')}::{_escape_data(message)}")
    rest = omitted(items)
    if rest:
        lines.append(f"::error title=tejido check::{_escape_data(rest)}")
    return "\n".join(lines)


def as_json(problems: Iterable[Problem], withdrawn: int = 0) -> str:
    """`withdrawn` is a count only: which entries are withdrawn is never printed."""
    every = sorted(problems)
    items = [
        {"path": p.path, "line": p.line, "field": p.field, "message": p.message,
         "expected": p.expected, "found": p.found, "hint": p.hint}
        for p in every[:JSON_SHOWN]
    ]
    data: dict[str, object] = {"count": len(every), "problems": items, "withdrawn": withdrawn}
    if len(every) > JSON_SHOWN:
        data["omitted"] = len(every) - JSON_SHOWN
    return json.dumps(data, ensure_ascii=False, indent=2)


JSON_SHOWN = 5000
"""Machines read JSON: more of it, but not without end."""
