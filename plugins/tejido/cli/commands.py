"""The `tejido` command: the same core the MkDocs plugins use."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tejido.cli import formats as cli_format
from tejido.cli.language import SettingError, messages_language
from tejido.core import (
    DEFAULT_LANGUAGE,
    KINDS,
    LANGUAGES,
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
    say,
    schema_files,
)


def _check(args: argparse.Namespace) -> int:
    lang = args.language
    result = load_project(Layout(Path(args.root).resolve()))
    problems = list(result.problems)
    if args.format == "json":
        print(cli_format.as_json(problems, result.catalog.withdrawn, lang))
    elif args.format == "github":
        if problems:
            print(cli_format.github(problems, lang))
    elif problems:
        colour = sys.stderr.isatty() and "NO_COLOR" not in os.environ
        print(cli_format.human(problems, colour, lang), file=sys.stderr)
    if args.format == "human" and result.warnings:
        shown = "\n".join(say(lang, "cli.warning", problem=w.format(lang))
                          for w in result.warnings)
        key = "cli.warnings-one" if len(result.warnings) == 1 else "cli.warnings"
        print(f"{shown}\n{say(lang, key, count=len(result.warnings))}", file=sys.stderr)
    if problems:
        return 1
    if args.format == "human":
        counts = ", ".join(say(lang, f"cli.one.{k}" if len(v) == 1 else f"cli.many.{k}",
                               count=len(v)) for k, v in result.catalog.by_kind.items())
        withdrawn = result.catalog.withdrawn
        # A count only: which entries are withdrawn is never printed (CI logs are public).
        hidden = " " + say(lang, "cli.withdrawn-one" if withdrawn == 1 else "cli.withdrawn",
                           count=withdrawn) if withdrawn else ""
        key = "cli.all-good-one" if len(result.catalog) == 1 else "cli.all-good"
        print(say(lang, key, count=len(result.catalog), counts=counts) + hidden)
    return 0


def _new(args: argparse.Namespace) -> int:
    lang = args.language
    root = Path(args.root).resolve()
    problems = Problems()
    taxonomies = load_taxonomies(root / Layout(root).taxonomies, root, problems)
    try:
        path = create_entry(root, args.kind, args.name, taxonomies)
    except EntryExists as error:
        print(say(lang, "cli.exists", file=str(error)), file=sys.stderr)
        return 1
    except ValueError:
        print(say(lang, "cli.no-letters"), file=sys.stderr)
        return 2
    shown = path.relative_to(root).as_posix()
    print(say(lang, "cli.created", file=shown))
    return 0


def _schema(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    problems = Problems()
    taxonomies = load_taxonomies(root / Layout(root).taxonomies, root, problems)
    if problems:
        print(problems.report(args.language), file=sys.stderr)
        return 1
    out = root / args.out
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files(taxonomies).items():
        (out / name).write_text(text, encoding="utf-8")
        print(say(args.language, "cli.wrote", file=(out / name).relative_to(root).as_posix()))
    return 0


def _report(args: argparse.Namespace) -> int:
    result = load_project(Layout(Path(args.root).resolve()))
    if result.problems:
        print(result.problems.report(args.language), file=sys.stderr)
        return 1
    today = dt.date.today()
    if args.due:
        policy = FreshnessPolicy(today, args.fresh_months, args.due_months)
        print(due_text(result.catalog.with_policy(policy), args.language))
        return 0
    print(report_text(build_report(result.catalog, today, args.max_age), today,
                      args.language))
    return 0


def _mapping_path(args: argparse.Namespace, source: Path) -> Path:
    return Path(args.mapping) if args.mapping else source.with_name(source.stem + ".mapping.yml")


def _import(args: argparse.Namespace) -> int:
    from tejido.core import TableError, load_mapping, read_table, run_import, suggest_mapping
    from tejido.core import import_report_text as report_text

    lang = args.language
    root = Path(args.root).resolve()
    source = Path(args.file)
    problems = Problems()
    taxonomies = load_taxonomies(root / Layout(root).taxonomies, root, problems)
    if problems:
        print(problems.report(lang), file=sys.stderr)
        return 1
    try:
        table = read_table(source, args.sheet)
    except TableError as error:
        print(f"tejido import: {error.message.text(lang)}", file=sys.stderr)
        return 1
    mapping_file = _mapping_path(args, source)
    if args.suggest_mapping:
        if mapping_file.exists():
            print(say(lang, "cli.mapping-exists", file=str(mapping_file)), file=sys.stderr)
            return 1
        mapping_file.write_text(suggest_mapping(table, args.kind, source.name, taxonomies),
                                encoding="utf-8")
        print(say(lang, "cli.mapping-written", file=str(mapping_file), source=str(source)))
        return 0
    if not mapping_file.exists():
        print(say(lang, "cli.no-mapping", file=str(mapping_file), source=str(source)),
              file=sys.stderr)
        return 1
    mapping = load_mapping(mapping_file, str(mapping_file), problems)
    if mapping is None or problems:
        print(problems.report(lang), file=sys.stderr)
        return 1
    outcome = run_import(table, mapping, taxonomies, root, dry_run=args.dry_run,
                         update=args.update)
    print(report_text(outcome, lang))
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
        print(say(args.language, "cli.serve-failed", error=str(error)), file=sys.stderr)
        return 1
    return 0


def _language_option(parser: argparse.ArgumentParser, lang: str, *, main: bool) -> None:
    # On each command too (`tejido check --lang en`); there it only overrides when given.
    parser.add_argument("--lang", choices=LANGUAGES, default=None if main else argparse.SUPPRESS,
                        help=say(lang, "cli.help.lang"))


def parser(lang: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The command line, its help in `lang`."""
    def h(key: str) -> str:
        return say(lang, f"cli.help.{key}")

    main = argparse.ArgumentParser(prog="tejido", description=h("tejido"))
    main.add_argument("--root", default=".", help=h("root"))
    _language_option(main, lang, main=True)
    commands = main.add_subparsers(dest="command", required=True)

    def command(name: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=h(name), description=h(name))
        _language_option(sub, lang, main=False)
        return sub

    check = command("check")
    check.add_argument("--format", choices=("human", "github", "json"), default="human",
                       help=h("format"))
    check.set_defaults(run=_check)
    new = command("new")
    new.add_argument("kind", choices=list(KINDS))
    new.add_argument("name", help=h("name"))
    new.set_defaults(run=_new)
    schema = command("schema")
    schema.add_argument("--out", default="schemas", help=h("out"))
    schema.set_defaults(run=_schema)
    report = command("report")
    report.add_argument("--max-age", type=int, default=365, metavar="DAYS", help=h("max-age"))
    report.add_argument("--due", action="store_true", help=h("due"))
    report.add_argument("--fresh-months", type=int, default=12, metavar="N",
                        help=h("fresh-months"))
    report.add_argument("--due-months", type=int, default=24, metavar="N",
                        help=h("due-months"))
    report.set_defaults(run=_report)
    imports = command("import")
    imports.add_argument("file", help=h("file"))
    imports.add_argument("--mapping", help=h("mapping"))
    imports.add_argument("--suggest-mapping", action="store_true", help=h("suggest-mapping"))
    imports.add_argument("--kind", choices=("organization", "network"), default="organization",
                         help=h("kind"))
    imports.add_argument("--dry-run", action="store_true", help=h("dry-run"))
    imports.add_argument("--update", action="store_true", help=h("update"))
    imports.add_argument("--sheet", type=int, default=0, help=h("sheet"))
    imports.set_defaults(run=_import)
    serve = command("serve")
    serve.add_argument("--config-file", default="mkdocs.yml", help=h("config-file"))
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help=h("dev-addr"))
    serve.set_defaults(run=_serve)
    return main


def _first_look(argv: Sequence[str]) -> argparse.Namespace:
    """--lang, --root and --config-file before the whole line is read, so that even the
    help and argparse's own complaints come in the contributor's language."""
    look = argparse.ArgumentParser(add_help=False)
    look.add_argument("--lang", choices=LANGUAGES)
    look.add_argument("--root", default=".")
    look.add_argument("--config-file", default="mkdocs.yml")
    known, _ = look.parse_known_args(argv)
    return known


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    first = _first_look(words)
    try:
        lang = messages_language(first.lang, Path(first.root).resolve() / first.config_file)
    except SettingError as error:
        print(error, file=sys.stderr)
        return 2
    args = parser(lang).parse_args(words)
    args.language = lang
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
