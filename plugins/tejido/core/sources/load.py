"""Loading a whole project: find entry files, validate them, build the catalog."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tejido.core.catalog.catalog import Catalog, build_catalog, patched
from tejido.core.catalog.freshness import FreshnessPolicy
from tejido.core.model import fields as f
from tejido.core.model.contact import country_of
from tejido.core.model.model import Entry, Link, Ref
from tejido.core.model.taxonomy import Taxonomy, load_taxonomies
from tejido.core.sources.attachments import check_attachment
from tejido.core.sources.markdown_check import local_files, markdown_issues
from tejido.core.sources.site_files import check_site_files, linked_file_problem, outside_root
from tejido.core.sources.source import (
    Document,
    SourceError,
    load_markdown_file,
    load_yaml_file,
    read_text,
)
from tejido.core.validate import privacy
from tejido.core.validate.duplicates import duplicate_warnings
from tejido.core.validate.problems import Problem, Problems, did_you_mean
from tejido.core.validate.validate import Context, PendingRef, check_fields

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRANSLATION_SUFFIX = ".en"
"""`practices/x.en.md` holds the English body of `practices/x.md`."""


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its content, relative to its root."""

    root: Path
    folders: dict[str, str] = field(default_factory=lambda: {
        spec.kind: spec.folder for spec in f.KINDS.values()})
    taxonomies: str = "taxonomies"
    pages: str = "content"
    """The MkDocs docs_dir: hand-written pages, and any other file there is published."""

    def folder(self, kind: str) -> Path:
        return self.root / self.folders[kind]


@dataclass(frozen=True)
class LoadResult:
    catalog: Catalog
    problems: Problems
    warnings: Problems = field(default_factory=Problems)
    """What may be wrong but does not fail a check (likely duplicates)."""


def _shown(path: Path, root: Path) -> str:
    # By string: pathlib's relative_to was a tenth of a 10,000-entry reload in the preview.
    text, prefix = str(path), str(root).rstrip(os.sep) + os.sep
    return text[len(prefix):].replace(os.sep, "/") if text.startswith(prefix) else text


def entry_files(layout: Layout, spec: f.KindSpec) -> Iterator[Path]:
    folder = layout.folder(spec.kind)
    if not folder.is_dir():
        return
    suffixes = (".yml", ".yaml") if spec.pattern == "*.yml" else (".md",)
    with os.scandir(folder) as listing:  # file types come with the listing: no stat each
        # A link is listed too: the caller refuses it, naming it.
        names = sorted(item.name for item in listing if item.is_file() or item.is_symlink())
    for name in names:
        stem, suffix = os.path.splitext(name)
        hidden = name.startswith((".", "_"))
        if suffix in suffixes and not hidden and not stem.endswith(TRANSLATION_SUFFIX):
            yield folder / name


def _links(spec: f.KindSpec, values: dict[str, Any]) -> tuple[Link, ...]:
    links: list[Link] = []
    for field_spec in spec.fields:
        relation = field_spec.relation
        value = values.get(field_spec.name)
        if relation is None or value is None:
            continue
        if isinstance(value, Ref):
            links.append(Link(relation.name, value))
        elif isinstance(value, tuple) and value and isinstance(value[0], Ref):
            links.extend(Link(relation.name, ref) for ref in value)
        else:
            for item in value:
                target = item.get(relation.ref_field)
                if isinstance(target, Ref):
                    links.append(Link(relation.name, target, item.get(relation.year_field),
                                      item.get("note")))
    return tuple(links)


def _check_body(doc: Document, problems: Problems) -> None:
    for issue in markdown_issues(doc.body, files_allowed=True):
        problems.add(Problem(doc.path, doc.body_line + issue.line, "text", issue.message,
                             expected="Markdown text", found=issue.found, hint=issue.hint))


def _assets(doc: Document, root: Path, problems: Problems) -> list[tuple[str, str]]:
    """The files an entry's text links to; each must sit in the entry's folder or below,
    inside the repository (a linked folder may point elsewhere), and be of a type the
    site may publish, by its content (see `attachments`)."""
    found = []
    real_root = root.resolve()
    folder = (root / doc.path).parent.resolve()
    for line, target in local_files(doc.body):
        where = (doc.path, doc.body_line + line, "text")
        path = (folder / target).resolve()
        climbs = ".." in target.split("/")
        elsewhere = not path.is_relative_to(folder) and path.is_relative_to(real_root)
        if climbs or elsewhere:  # (a link leaving the repository is named below)
            problems.add(Problem(*where, "a linked file must be beside the entry or below it: "
                                 "this path leaves the entry's folder",
                                 expected="a path like img/map.png", found=repr(target[:80]),
                                 hint="move the file next to the entry's file"))
        elif unicodedata.normalize("NFC", target) != target:
            problems.add(Problem(*where, "the file name is written with separate accents",
                                 expected="a name typed on a keyboard (NFC)",
                                 found=repr(target[:80]),
                                 hint="two files can then look the same and differ: rename "
                                      "the file, typing the name again (or use no accents)"))
        elif not path.is_relative_to(real_root):
            problems.add(Problem(*where, "the linked file is outside the repository",
                                 expected="a file inside the repository", found=repr(target),
                                 hint="a folder here is a link to somewhere else: copy the "
                                      "file into the entry's folder instead"))
        elif not path.is_file():
            problems.add(Problem(*where, "the linked file does not exist", found=repr(target),
                                 hint="check the file's name and folder"))
        else:
            refusal = check_attachment(path)
            if refusal is not None:
                problems.add(Problem(*where, refusal.message, refusal.expected,
                                     f"{refusal.found} in {target[:80]!r}", refusal.hint))
                continue
            found.append((target, path.relative_to(real_root).as_posix()))
    return found


def _english_body(path: Path, layout: Layout, problems: Problems,
                  assets: list[tuple[str, str]], texts: list[privacy.PublicText]) -> str:
    translation = path.with_name(path.stem + TRANSLATION_SUFFIX + path.suffix)
    if not translation.exists() and not translation.is_symlink():
        return ""
    shown = _shown(translation, layout.root)
    if translation.is_symlink():
        problems.add(linked_file_problem(shown))
        return ""
    try:
        doc = load_markdown_file(translation, shown)
    except SourceError as error:
        problems.add(error.problem)
        return ""
    _check_body(doc, problems)
    texts.extend(privacy.body_texts(shown, doc.body, doc.body_line))
    assets.extend(_assets(doc, layout.root, problems))
    if doc.data:
        problems.add(Problem(shown, 1, "", "a translation file holds only the English text",
                             expected="Markdown without front matter",
                             found="front matter",
                             hint=f"put the fields in {_shown(path, layout.root)}"))
    return doc.body.strip()


@dataclass
class _Privacy:
    """What the guard needs across entries: every contact person's private routes, and
    each published entry's free text, checked against them once all are known."""

    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    texts: list[tuple[list[privacy.PublicText], str | None, set[str]]] = field(
        default_factory=list)

    def add(self, other: _Privacy) -> None:
        self.emails.update(other.emails)
        self.phones.update(other.phones)
        self.texts.extend(other.texts)

    def check(self, problems: Problems) -> None:
        private = privacy.Private(frozenset(self.emails), frozenset(self.phones))
        for texts, country, names in self.texts:
            for item in texts:
                privacy.check_text(item, private, country, names, problems)


def _guard(spec: f.KindSpec, ctx: Context, values: dict[str, Any],
           taxonomies: dict[str, Taxonomy], guard: _Privacy) -> list[privacy.PublicText]:
    """The privacy rules of one entry; returns its free text for the cross-entry check."""
    country = country_of(values, taxonomies["regions"])
    private = privacy.private_routes(values, country)
    guard.emails.update(private.emails)
    guard.phones.update(private.phones)
    if "withdrawn" in values:  # published nowhere: only its private routes matter
        return []
    names = privacy.own_names(values)
    privacy.check_contact(ctx, values, country, names)
    found = [*privacy.public_texts(ctx, spec.fields, values),
             *privacy.body_texts(ctx.doc.path, ctx.doc.body, ctx.doc.body_line)]
    texts = [item for item in found if privacy.may_hold_route(item.text)]
    guard.texts.append((texts, country, names))
    return texts


def _check_guide(shown: str, values: dict[str, Any], body: dict[str, str],
                 problems: Problems) -> None:
    if not any(body.values()) and "files" not in values and "link" not in values:
        problems.add(Problem(shown, 1, "files", "a guide needs a text or attached files",
                             expected="a Markdown text below the front matter, files: or link:",
                             found="none of them",
                             hint="attach the PDF under files:, or give its address under link:"))
    if "authors" not in values and "author_names" not in values:
        problems.add(Problem(shown, 1, "authors", "a guide needs its authors",
                             expected="authors: [organization:…] or author_names: [\"…\"]",
                             found="nothing",
                             hint="authors that are entries go under authors:, anyone else "
                                  "by name under author_names:"))


def _entry(spec: f.KindSpec, path: Path, layout: Layout, taxonomies: dict[str, Taxonomy],
           problems: Problems, today: dt.date, refs: list[PendingRef],
           guard: _Privacy | None = None) -> Entry | None:
    shown = _shown(path, layout.root)
    ident = path.stem
    if not SLUG.match(ident):
        problems.add(Problem(shown, 1, "", "the file name is not a valid id",
                             expected="lowercase letters, digits and dashes, like red-polo.yml",
                             found=repr(path.name),
                             hint="rename the file; its name is the entry's id in references"))
        return None
    try:
        doc: Document = (load_markdown_file(path, shown) if path.suffix == ".md"
                         else load_yaml_file(path, shown))
    except SourceError as error:
        problems.add(error.problem)
        return None
    problems.extend(doc.warnings)
    _check_body(doc, problems)
    ctx = Context(doc, taxonomies, problems, today, layout.root, owner=Ref(spec.kind, ident))
    if doc.data is None:
        problems.add(Problem(shown, 1, "", "the entry has no fields",
                             hint=f"start from a template: tejido new {spec.kind}"))
        return None
    if not isinstance(doc.data, dict):
        problems.add(_not_a_mapping(doc, spec))
        return None
    values = check_fields(spec.fields, doc.data, (), ctx)
    refs.extend(ctx.refs)
    texts = _guard(spec, ctx, values, taxonomies, guard or _Privacy())
    assets = _assets(doc, layout.root, problems)
    english = _english_body(path, layout, problems, assets, texts)
    body = {"es": doc.body.strip(), "en": english}
    if spec.kind == "guide":
        _check_guide(shown, values, body, problems)
    required = [x.name for x in spec.fields if x.required]
    if any(name not in values for name in required):
        return None
    title = values[spec.title_field]
    if isinstance(title, str):
        title = {lang: title for lang in f.LANGUAGES}
    return Entry(
        ref=Ref(spec.kind, ident), source=shown, title=title,
        summary=values["summary"], themes=values.get("themes", ()),
        regions=values.get("regions", ()), sdgs=values.get("sdgs", ()),
        populations=values.get("populations", ()), last_verified=values.get("last_verified"),
        links=_links(spec, values),
        values=values, body={k: v for k, v in body.items() if v},
        assets=tuple(dict.fromkeys(assets)),
    )


def _not_a_mapping(doc: Document, spec: f.KindSpec) -> Problem:
    """A document that is one text or a list: usually a missing ':' or a stray '- '."""
    found = "a list" if isinstance(doc.data, list) else "a single value"
    start = "'- '" if isinstance(doc.data, list) else "a text without 'field:'"
    front = " between the two '---' lines" if doc.path.endswith(".md") else ""
    return Problem(doc.path, doc.line(()), "", "the entry must be fields, one per line",
                   expected="lines like 'name: …'", found=found,
                   hint=f"the file starts with {start}{front}: write each field as "
                        f"'field: value' (start from a template: tejido new {spec.kind})")


INTERNAL = "Tejido could not check this file (an error in Tejido itself)"


def internal_error(shown: str, error: Exception) -> Problem:
    return Problem(shown, 1, "", INTERNAL, found=type(error).__name__,
                   hint="please tell the catalog's maintainers, with this file; meanwhile, look "
                        "in it for unusual characters or a very unusual shape")


def _check_refs(refs: list[PendingRef], known: dict[str, set[str]], problems: Problems) -> None:
    for pending in refs:
        if pending.ref.id in known.get(pending.ref.kind, set()):
            continue
        candidates = [f"{kind}:{ident}" for kind in pending.kinds for ident in known.get(kind, ())]
        problems.add(Problem(pending.path, pending.line, pending.field,
                             "this reference points to no entry",
                             expected=f"an existing {' or '.join(pending.kinds)}",
                             found=str(pending.ref),
                             hint=did_you_mean(str(pending.ref), candidates)))


def _check_orphan_translations(layout: Layout, problems: Problems) -> None:
    """An English text whose Spanish file is missing (often a misspelt name) is lost."""
    for spec in f.KINDS.values():
        folder = layout.folder(spec.kind)
        if spec.pattern != "*.md" or not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{TRANSLATION_SUFFIX}.md")):
            base = path.with_name(path.name.removesuffix(f"{TRANSLATION_SUFFIX}.md") + ".md")
            if not base.exists():
                names = [p.stem for p in folder.glob("*.md") if TRANSLATION_SUFFIX not in p.name]
                problems.add(Problem(
                    _shown(path, layout.root), 1, "", "this English text has no Spanish entry",
                    expected=f"a file {base.name} beside it", found="none",
                    hint=did_you_mean(base.stem, names) + " (rename the file to match)"))


@dataclass(frozen=True)
class _Read:
    """What reading one entry file gave, kept by the cache."""

    stamp: object
    entry: Entry | None
    problems: list[Problem]
    refs: list[PendingRef]
    guard: _Privacy


class EntryCache:
    """What each entry file gave the last time it was read, by its path, so that a
    preview re-reads only the files that changed (their size or time, or their English
    sibling's).  Everything is dropped when the terms of the taxonomies or the date
    change, as both decide whether an entry file is valid."""

    def __init__(self) -> None:
        self.known: dict[Path, _Read] = {}
        self.context: object = None
        self.reads = 0
        """Files read by the last load (for tests and the bench)."""
        self.fresh: list[Entry] = []
        """Entries read by the last load."""
        self.changed: set[Path] | None = None
        self.catalog: Catalog | None = None

    def start(self, context: object, changed: Iterable[Path] | None) -> None:
        if context != self.context:
            self.known.clear()
            self.context = context
            self.catalog = None
        self.reads = 0
        self.fresh = []
        # A file watcher's list of changed files spares a stat of every other one.
        self.changed = None if changed is None else {
            path.with_name(path.name.replace(TRANSLATION_SUFFIX + ".", ".", 1))
            for path in changed} | set(changed)

    def build(self, entries: list[Entry], taxonomies: dict[str, Taxonomy],
              inverse: Mapping[str, str], withdrawn: int = 0) -> Catalog:
        """The catalog: the last one patched when only what no index uses changed."""
        old = self.catalog
        same_entries = old is not None and len(old.entries) == len(entries) and all(
            entry.ref in old.entries for entry in entries)
        catalog = (patched(old, self.fresh, taxonomies, withdrawn)
                   if old and same_entries else None)
        self.catalog = catalog or build_catalog(entries, taxonomies, inverse, withdrawn)
        return self.catalog

    def entry(self, spec: f.KindSpec, path: Path, layout: Layout,
              taxonomies: dict[str, Taxonomy], problems: Problems, today: dt.date,
              refs: list[PendingRef], guard: _Privacy) -> Entry | None:
        known = self.known.get(path)
        trusted = known is not None and self.changed is not None and path not in self.changed
        stamp = known.stamp if known is not None and trusted else _stamps(path)
        if known is None or known.stamp != stamp:
            own, own_refs, own_guard = Problems(), list[PendingRef](), _Privacy()
            entry = _entry(spec, path, layout, taxonomies, own, today, own_refs, own_guard)
            known = _Read(stamp, entry, list(own), own_refs, own_guard)
            self.known[path] = known
            self.reads += 1
            if entry is not None:
                self.fresh.append(entry)
        problems.extend(known.problems)
        refs.extend(known.refs)
        # The privacy guard compares every entry with every contact person: what an
        # unchanged file gave it is given again, so the preview checks as a build does.
        guard.add(known.guard)
        return known.entry


def _stamps(path: Path) -> object:
    """The file's and its English sibling's size and time."""
    base, suffix = os.path.splitext(str(path))
    return (_stamp(str(path)), _stamp(base + TRANSLATION_SUFFIX + suffix))


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return (status.st_mtime_ns, status.st_size)


def _taxonomy_signature(taxonomies: Mapping[str, Taxonomy]) -> object:
    """What of the taxonomies decides whether an entry file is valid: the ids, parents
    and aliases of the terms, not their labels (a label changes no entry)."""
    return tuple(sorted(
        (name, tuple((t.id, t.parent, t.iso) for t in tax), tuple(sorted(tax.aliases.items())))
        for name, tax in taxonomies.items()))


def load_project(layout: Layout, today: dt.date | None = None,
                 cache: EntryCache | None = None,
                 changed: Iterable[Path] | None = None) -> LoadResult:
    """Read and validate everything; problems are collected, never raised.  With a
    `cache`, entry files unchanged since its last load are not read again; with the
    list of `changed` files too (absolute paths), no other file is even looked at."""
    today = today or dt.date.today()
    problems = Problems()
    taxonomies = load_taxonomies(layout.root / layout.taxonomies, layout.root, problems)
    if cache is not None:
        cache.start((today, _taxonomy_signature(taxonomies)), changed)
    entries: list[Entry] = []
    refs: list[PendingRef] = []
    known: dict[str, set[str]] = {}
    guard = _Privacy()
    withdrawn = 0
    for spec in f.KINDS.values():
        seen: dict[str, str] = {}
        if outside_root(layout.folder(spec.kind), layout.root):
            problems.add(linked_file_problem(_shown(layout.folder(spec.kind), layout.root),
                                             folder=True))
            continue
        for path in entry_files(layout, spec):
            ident, shown = path.stem, _shown(path, layout.root)
            if path.is_symlink():
                problems.add(linked_file_problem(shown))
                continue
            if ident in seen:
                problems.add(Problem(shown, 1, "", f"the id '{ident}' is used twice",
                                     found=f"also {seen[ident]}",
                                     hint="rename one of the files; ids must be unique per kind"))
                continue
            seen[ident] = shown
            try:
                entry = (_entry(spec, path, layout, taxonomies, problems, today, refs, guard)
                         if cache is None else cache.entry(spec, path, layout, taxonomies,
                                                           problems, today, refs, guard))
            except Exception as error:  # a mistake of ours still names the file, no traceback
                problems.add(internal_error(shown, error))
                continue
            if entry is not None and "withdrawn" in entry.values:
                withdrawn += 1  # kept in the repository, absent from every output
            elif entry is not None:
                entries.append(entry)
        known[spec.kind] = set(seen)
    _check_refs(refs, known, problems)
    _check_orphan_translations(layout, problems)
    guides = layout.folder("guide")
    check_site_files(layout.root / layout.pages, layout.root, problems, skip=guides)
    guard.check(problems)
    inverse = {field.relation.name: field.relation.inverse
               for spec in f.KINDS.values() for field in spec.fields if field.relation}
    catalog = (build_catalog(entries, taxonomies, inverse, withdrawn) if cache is None
               else cache.build(entries, taxonomies, inverse, withdrawn))
    catalog = catalog.with_policy(FreshnessPolicy(today))
    warnings = Problems()
    warnings.extend(duplicate_warnings(catalog, layout.root))
    return LoadResult(catalog, problems, warnings)


__all__ = ["EntryCache", "Layout", "LoadResult", "load_project", "read_text"]
