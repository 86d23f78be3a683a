"""The `tejido` command: the same core the MkDocs plugins use."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tejido.cli import formats as cli_format
from tejido.core import (
    KINDS,
    EntryExists,
    FreshnessPolicy,
    Layout,
    Problems,
    build_report,
    create_entry,
    due_text,
    load_project,
    load_taxonomies,
    report_text,
    schema_files,
)


def _check(args: argparse.Namespace) -> int:
    result = load_project(Layout(Path(args.root).resolve()))
    problems = list(result.problems)
    if args.format == "json":
        print(cli_format.as_json(problems, result.catalog.withdrawn))
    elif args.format == "github":
        if problems:
            print(cli_format.github(problems))
    elif problems:
        colour = sys.stderr.isatty() and "NO_COLOR" not in os.environ
        print(cli_format.human(problems, colour), file=sys.stderr)
    if args.format == "human" and result.warnings:
        shown = "\n".join(f"warning: {w.format()}" for w in result.warnings)
        print(f"{shown}\n{len(result.warnings)} warnings (they do not fail the check).",
              file=sys.stderr)
    if problems:
        return 1
    if args.format == "human":
        counts = ", ".join(f"{len(v)} {k}{'' if len(v) == 1 else 's'}"
                           for k, v in result.catalog.by_kind.items())
        withdrawn = result.catalog.withdrawn
        # A count only: which entries are withdrawn is never printed (CI logs are public).
        hidden = (f" {withdrawn} withdrawn, not published." if withdrawn else "")
        print(f"All good: {len(result.catalog)} entries ({counts}).{hidden}")
    return 0


def _new(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    problems = Problems()
    taxonomies = load_taxonomies(root / Layout(root).taxonomies, root, problems)
    try:
        path = create_entry(root, args.kind, args.name, taxonomies)
    except EntryExists as error:
        print(f"{error}: an entry with this id already exists; nothing was written.\n"
              "    hint: open that file to edit it, or choose another name", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"tejido new: {error}", file=sys.stderr)
        return 2
    shown = path.relative_to(root).as_posix()
    print(f"Created {shown}\nFill in the fields marked 'obligatorio / required', then run "
          "`make check`.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    problems = Problems()
    taxonomies = load_taxonomies(root / Layout(root).taxonomies, root, problems)
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    out = root / args.out
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files(taxonomies).items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"wrote {(out / name).relative_to(root).as_posix()}")
    return 0


def _report(args: argparse.Namespace) -> int:
    result = load_project(Layout(Path(args.root).resolve()))
    if result.problems:
        print(result.problems.report(), file=sys.stderr)
        return 1
    today = dt.date.today()
    if args.due:
        policy = FreshnessPolicy(today, args.fresh_months, args.due_months)
        print(due_text(result.catalog.with_policy(policy)))
        return 0
    print(report_text(build_report(result.catalog, today, args.max_age), today))
    return 0


def _mapping_path(args: argparse.Namespace, source: Path) -> Path:
    return Path(args.mapping) if args.mapping else source.with_name(source.stem + ".mapping.yml")


def _import(args: argparse.Namespace) -> int:
    from tejido.core import TableError, load_mapping, read_table, run_import, suggest_mapping
    from tejido.core import import_report_text as report_text

    root = Path(args.root).resolve()
    source = Path(args.file)
    problems = Problems()
    taxonomies = load_taxonomies(root / Layout(root).taxonomies, root, problems)
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    try:
        table = read_table(source, args.sheet)
    except TableError as error:
        print(f"tejido import: {error}", file=sys.stderr)
        return 1
    mapping_file = _mapping_path(args, source)
    if args.suggest_mapping:
        if mapping_file.exists():
            print(f"{mapping_file} exists; nothing was written.\n    hint: edit it, or "
                  "give another file with --mapping", file=sys.stderr)
            return 1
        mapping_file.write_text(suggest_mapping(table, args.kind, source.name, taxonomies),
                                encoding="utf-8")
        print(f"Wrote {mapping_file}: check each column and fill the empty values, then run "
              f"`tejido import {source} --dry-run`.")
        return 0
    if not mapping_file.exists():
        print(f"tejido import: no mapping {mapping_file}\n    hint: write a first one with "
              f"`tejido import {source} --suggest-mapping`", file=sys.stderr)
        return 1
    mapping = load_mapping(mapping_file, str(mapping_file), problems)
    if mapping is None or problems:
        print(problems.report(), file=sys.stderr)
        return 1
    outcome = run_import(table, mapping, taxonomies, root, dry_run=args.dry_run,
                         update=args.update)
    print(report_text(outcome))
    return 0


def _serve(args: argparse.Namespace) -> int:
    import logging

    from tejido.preview.server import serve  # MkDocs and the theme load only for this command

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    host, _, port = args.dev_addr.rpartition(":")
    config = Path(args.root).resolve() / args.config_file
    try:
        serve(config, host or "127.0.0.1", int(port))
    except OSError as error:
        print(f"tejido serve: {error}\n    hint: is another preview running? try "
              "--dev-addr 127.0.0.1:8001", file=sys.stderr)
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="tejido", description="Check and manage a Tejido catalog.")
    main.add_argument("--root", default=".", help="the project folder (default: here)")
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check", help="validate every entry; print each problem with file and line")
    check.add_argument("--format", choices=("human", "github", "json"), default="human",
                       help="human (default), github (pull request annotations) or json")
    check.set_defaults(run=_check)
    new = commands.add_parser("new", help="write a commented template for a new entry")
    new.add_argument("kind", choices=list(KINDS))
    new.add_argument("name", help="the name or title, in quotes")
    new.set_defaults(run=_new)
    schema = commands.add_parser("schema", help="write JSON Schemas for editors")
    schema.add_argument("--out", default="schemas", help="folder (default: schemas)")
    schema.set_defaults(run=_schema)
    report = commands.add_parser(
        "report", help="missing translations, stale entries, entries without themes or regions")
    report.add_argument("--max-age", type=int, default=365, metavar="DAYS",
                        help="how old last_verified may be (default: 365)")
    report.add_argument("--due", action="store_true",
                        help="only the entries due for verification, oldest first (for a "
                             "scheduled CI job)")
    report.add_argument("--fresh-months", type=int, default=12, metavar="N",
                        help="with --due: verified within N months is fresh (default: 12)")
    report.add_argument("--due-months", type=int, default=24, metavar="N",
                        help="with --due: older than N months is unverified (default: 24)")
    report.set_defaults(run=_report)
    imports = commands.add_parser(
        "import", help="turn a spreadsheet (CSV, XLSX, ODS) into entries, with a mapping")
    imports.add_argument("file", help="the spreadsheet")
    imports.add_argument("--mapping", help="the mapping (default: FILE.mapping.yml beside it)")
    imports.add_argument("--suggest-mapping", action="store_true",
                         help="write a first mapping from the headers and values")
    imports.add_argument("--kind", choices=("organization", "network"), default="organization",
                         help="what each row is, for --suggest-mapping (default: organization)")
    imports.add_argument("--dry-run", action="store_true", help="write nothing; print the report")
    imports.add_argument("--update", action="store_true",
                         help="also replace values edited by hand (the report shows which)")
    imports.add_argument("--sheet", type=int, default=0, help="sheet number (default: 0)")
    imports.set_defaults(run=_import)
    serve = commands.add_parser(
        "serve", help="preview the site: pages made when asked for, reloaded on every save")
    serve.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="where to serve (default: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
