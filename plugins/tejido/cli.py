"""The `tejido` command: the same core the MkDocs plugins use."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .core import Layout, load_project


def _check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    result = load_project(Layout(root))
    if result.problems:
        print(result.problems.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(v)} {k}{'' if len(v) == 1 else 's'}"
                       for k, v in result.catalog.by_kind.items())
    print(f"All good: {len(result.catalog)} entries ({counts}).")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="tejido", description="Check and manage a Tejido catalog.")
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check", help="validate every entry; print each problem with file and line")
    check.add_argument("--root", default=".", help="the project folder (default: here)")
    check.set_defaults(run=_check)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
