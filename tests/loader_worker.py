"""Runs the loader on one file at a time, in its own process, for the property test.

Reads one JSON request per line on stdin ({"path": ..., "data": base64}), writes the
file into the project given as argv[1], loads the whole project as `tejido check`
does, and answers one JSON line: the problems, or the traceback if the loader raised.
A crash in C code (a segfault) ends this process, which the test sees as a signal.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import sys
import traceback
from pathlib import Path

from tejido.core import Layout, load_project

TODAY = dt.date(2026, 11, 21)


def answer(root: Path, request: dict[str, str]) -> dict[str, object]:
    path = root / request["path"]
    path.write_bytes(base64.b64decode(request["data"]))
    try:
        result = load_project(Layout(root), TODAY)
        problems = [[p.path, p.line, p.field, p.worded("message", "en"),
                     p.worded("hint", "en")] for p in result.problems]
        return {"problems": problems, "entries": len(result.catalog)}
    except BaseException:  # reporting any escape is the point
        return {"traceback": traceback.format_exc()}
    finally:
        path.unlink()


def main() -> None:
    root = Path(sys.argv[1])
    for line in sys.stdin:
        print(json.dumps(answer(root, json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
