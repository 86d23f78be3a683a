"""Loading a whole project: find entry files, validate them, build the catalog."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from tejido.core.catalog.catalog import Catalog, build_catalog, patched
from tejido.core.catalog.freshness import FreshnessPolicy
from tejido.core.i18n.messages import alternatives, joined, msg
from tejido.core.model import fields as f
from tejido.core.model.contact import country_of
from tejido.core.model.model import Entry, Link, Ref
from tejido.core.model.taxonomy import Taxonomy, load_taxonomies
from tejido.core.sources.attachments import check_attachment
from tejido.core.sources.entry_store import EntryStore, Record, Stamp, file_digest, looked_stamps
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
    root: Path | None = None
    """The project's folder, where the warnings find the lines they name."""

    @cached_property
    def warnings(self) -> Problems:
        """What may be wrong but does not fail a check (likely duplicates), looked for
        across all entries when first asked for: `tejido check` shows them; the build
        and the preview do not, and at 10,000 entries it was most of an edit's reload."""
        found = Problems()
        if self.root is not None:
            found.extend(duplicate_warnings(self.catalog, self.root))
        return found


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
                             expected=msg("markdown-text"), found=issue.found, hint=issue.hint))


def _assets(doc: Document, root: Path, problems: Problems,
            looked: list[Path]) -> list[tuple[str, str]]:
    """The files an entry's text links to; each must sit in the entry's folder or below,
    inside the repository (a linked folder may point elsewhere), and be of a type the
    site may publish, by its content (see `attachments`).  Each is added to `looked`:
    the entry is read again when one appears, changes or goes."""
    found = []
    real_root = root.resolve()
    folder = (root / doc.path).parent.resolve()
    for line, target in local_files(doc.body):
        where = (doc.path, doc.body_line + line, "text")
        path = (folder / target).resolve()
        looked.append(path)
        climbs = ".." in target.split("/")
        elsewhere = not path.is_relative_to(folder) and path.is_relative_to(real_root)
        if climbs or elsewhere:  # (a link leaving the repository is named below)
            problems.add(Problem(*where, msg("asset.leaves-folder"),
                                 expected=msg("asset.path-like"), found=repr(target[:80]),
                                 hint=msg("asset.leaves-folder-hint")))
        elif unicodedata.normalize("NFC", target) != target:
            problems.add(Problem(*where, msg("asset.separate-accents"),
                                 expected=msg("asset.nfc"), found=repr(target[:80]),
                                 hint=msg("asset.separate-accents-hint")))
        elif not path.is_relative_to(real_root):
            problems.add(Problem(*where, msg("asset.outside"), expected=msg("asset.inside"),
                                 found=repr(target), hint=msg("asset.outside-hint")))
        elif not path.is_file():
            problems.add(Problem(*where, msg("asset.missing"), found=repr(target),
                                 hint=msg("asset.missing-hint")))
        else:
            refusal = check_attachment(path)
            if refusal is not None:
                problems.add(Problem(*where, refusal.message, refusal.expected,
                                     msg("asset.found-in", found=refusal.found,
                                         target=repr(target[:80])), refusal.hint))
                continue
            found.append((target, path.relative_to(real_root).as_posix()))
    return found


def _english_body(path: Path, layout: Layout, problems: Problems,
                  assets: list[tuple[str, str]], texts: list[privacy.PublicText],
                  looked: list[Path]) -> str:
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
    assets.extend(_assets(doc, layout.root, problems, looked))
    if doc.data:
        problems.add(Problem(shown, 1, "", msg("translation.fields"),
                             expected=msg("translation.markdown-only"),
                             found=msg("translation.front-matter"),
                             hint=msg("translation.fields-hint", file=_shown(path, layout.root))))
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
        problems.add(Problem(shown, 1, "files", msg("guide.no-text"),
                             expected=msg("guide.text-or-files"), found=msg("guide.none"),
                             hint=msg("guide.no-text-hint")))
    if "authors" not in values and "author_names" not in values:
        problems.add(Problem(shown, 1, "authors", msg("guide.no-authors"),
                             expected=msg("guide.authors-form"), found=msg("nothing"),
                             hint=msg("guide.no-authors-hint")))


def _entry(spec: f.KindSpec, path: Path, layout: Layout, taxonomies: dict[str, Taxonomy],
           problems: Problems, today: dt.date, refs: list[PendingRef],
           guard: _Privacy | None = None, looked: list[Path] | None = None,
           by_name: list[str] | None = None) -> Entry | None:
    """One entry file, validated.  `looked` gets the other files looked at (linked
    images, attachments), `by_name` the terms not written by id (see Context.by_name):
    what else decides what the file gives."""
    looked = [] if looked is None else looked
    shown = _shown(path, layout.root)
    ident = path.stem
    if not SLUG.match(ident):
        problems.add(Problem(shown, 1, "", msg("entry.bad-name"), expected=msg("entry.slug"),
                             found=repr(path.name), hint=msg("entry.bad-name-hint")))
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
        problems.add(Problem(shown, 1, "", msg("entry.no-fields"),
                             hint=msg("entry.no-fields-hint", kind=spec.kind)))
        return None
    if not isinstance(doc.data, dict):
        problems.add(_not_a_mapping(doc, spec))
        return None
    values = check_fields(spec.fields, doc.data, (), ctx)
    refs.extend(ctx.refs)
    looked.extend(ctx.looked)
    if by_name is not None:
        by_name.extend(ctx.by_name)
    texts = _guard(spec, ctx, values, taxonomies, guard or _Privacy())
    assets = _assets(doc, layout.root, problems, looked)
    english = _english_body(path, layout, problems, assets, texts, looked)
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
    listed = isinstance(doc.data, list)
    front = msg("entry.between-dashes") if doc.path.endswith(".md") else ""
    return Problem(doc.path, doc.line(()), "", msg("entry.not-fields"),
                   expected=msg("entry.name-lines"),
                   found=msg("entry.a-list" if listed else "entry.a-value"),
                   hint=msg("entry.not-fields-hint", kind=spec.kind, front=front,
                            start=msg("entry.starts-dash" if listed else "entry.starts-text")))


INTERNAL = msg("entry.internal")


def internal_error(shown: str, error: Exception) -> Problem:
    return Problem(shown, 1, "", INTERNAL, found=type(error).__name__,
                   hint=msg("entry.internal-hint"))


def _check_refs(refs: list[PendingRef], known: dict[str, set[str]], problems: Problems) -> None:
    for pending in refs:
        if pending.ref.id in known.get(pending.ref.kind, set()):
            continue
        candidates = [f"{kind}:{ident}" for kind in pending.kinds for ident in known.get(kind, ())]
        problems.add(Problem(pending.path, pending.line, pending.field,
                             msg("ref.nothing"),
                             expected=msg("ref.existing", kinds=alternatives(pending.kinds)),
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
                    _shown(path, layout.root), 1, "", msg("translation.orphan"),
                    expected=msg("translation.beside", file=base.name),
                    found=msg("translation.none"),
                    hint=joined(did_you_mean(base.stem, names), msg("translation.rename"))))


Stamps = tuple[Stamp, Stamp, tuple[Stamp, ...]]
"""An entry file's size and time, its English sibling's, and the looked-at files'."""


@dataclass(frozen=True)
class _Read:
    """What reading one entry file gave, kept by the cache."""

    stamp: Stamps
    entry: Entry | None
    problems: list[Problem]
    refs: list[PendingRef]
    guard: _Privacy
    looked: tuple[Path, ...] = ()
    """Other files validating it looked at (linked images, attachments)."""
    digest: str = ""
    """Its bytes' and its English sibling's SHA-256, taken before reading (with a store)."""
    labels: str | None = None
    """The taxonomies' labels when it was read, if it names a term by a label (or an
    unknown one): then it holds only while they are the same."""

    def holds(self, labels: str) -> bool:
        return self.labels is None or self.labels == labels


class EntryCache:
    """What each entry file gave the last time it was read, by its path, so that a
    preview re-reads only the files that changed (their size or time, its English
    sibling's, or those of the files it links to).  Everything is dropped when the terms
    of the taxonomies or the date change, as both decide whether an entry file is valid.

    With a `store` (`entry_store`), what the last run validated is taken from disk for
    the files whose bytes are the same: a restart reads only what changed meanwhile."""

    def __init__(self, store: EntryStore | None = None) -> None:
        self.known: dict[Path, _Read] = {}
        self.context: object = None
        self.store = store
        self.stored: dict[str, Record] = {}
        """The store's records for the current context, until each file is first seen."""
        self.reads = 0
        """Files read by the last load (for tests and the bench)."""
        self.restored = 0
        """Files taken from the store by the last load."""
        self.labels = ""
        """The taxonomies' labels in this load (`_label_signature`)."""
        self.fresh: list[Entry] = []
        """Entries read by the last load."""
        self.changed: set[Path] | None = None
        self.catalog: Catalog | None = None

    def start(self, context: object, changed: Iterable[Path] | None, labels: str = "") -> None:
        self.labels = labels
        if context != self.context:
            self.known.clear()
            self.context = context
            self.catalog = None
            self.stored = self.store.read(context) if self.store is not None else {}
        self.reads = self.restored = 0
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
        known = self.known.get(path) or self._restore(path)
        trusted = known is not None and self.changed is not None and path not in self.changed
        stamp = (known.stamp if known is not None and trusted
                 else _stamps(path, known.looked if known is not None else ()))
        if known is None or known.stamp != stamp or not known.holds(self.labels):
            digest = file_digest(path, _sibling(path)) if self.store is not None else ""
            own, own_refs, own_guard = Problems(), list[PendingRef](), _Privacy()
            looked: list[Path] = []
            by_name: list[str] = []
            entry = _entry(spec, path, layout, taxonomies, own, today, own_refs, own_guard,
                           looked, by_name)
            known = _Read(_stamps(path, looked, stamp), entry, list(own), own_refs, own_guard,
                          tuple(dict.fromkeys(looked)), digest,
                          self.labels if by_name or own else None)
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

    def _restore(self, path: Path) -> _Read | None:
        """What the store has for a file first seen in this run, if its bytes (and its
        sibling's) are the same and the files it looked at are as they were."""
        record = self.stored.pop(str(path), None)
        if record is None or not isinstance(record.payload, _Read):
            return None
        digest = file_digest(path, _sibling(path))
        if not record.still_holds(digest) or not record.payload.holds(self.labels):
            return None
        read = record.payload
        # Stamped now: the bytes are known to be those validated.
        restored = replace(read, stamp=_stamps(path, read.looked), digest=digest)
        self.known[path] = restored
        self.restored += 1
        if restored.entry is not None:
            self.fresh.append(restored.entry)
        return restored

    def records(self) -> tuple[object, dict[str, Record]]:
        """What the store is to keep: the context and a record per file read."""
        return self.context, {
            str(path): Record(read.digest, tuple(zip(map(str, read.looked), read.stamp[2],
                                                     strict=True)), read)
            for path, read in self.known.items() if read.digest}

    def save(self) -> None:
        """Write what is known to the store (a no-op without one)."""
        if self.store is not None and self.context is not None:
            self.store.write(*self.records())


def _sibling(path: Path) -> Path:
    """Where the English text of an entry file would be."""
    return path.with_name(path.stem + TRANSLATION_SUFFIX + path.suffix)


def _stamps(path: Path, looked: Iterable[Path] = (), own: Stamps | None = None) -> Stamps:
    """The file's and its English sibling's size and time (from `own`, if taken
    already), and those of the files its validation looked at."""
    if own is None:
        base, suffix = os.path.splitext(str(path))
        first, second = _stamp(str(path)), _stamp(base + TRANSLATION_SUFFIX + suffix)
    else:
        first, second = own[0], own[1]
    return (first, second, tuple(stamp for _, stamp in looked_stamps(looked)))


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


def _label_signature(taxonomies: Mapping[str, Taxonomy]) -> str:
    """Every term's labels, as a digest: what an entry naming a term by a label (or a
    hint suggesting one) depends on besides `_taxonomy_signature`."""
    digest = hashlib.sha256()
    for name in sorted(taxonomies):
        for term in taxonomies[name]:
            digest.update(repr((name, term.id, sorted(term.labels.items()))).encode())
    return digest.hexdigest()


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
        where = (str(layout.root), tuple(sorted(layout.folders.items())), layout.taxonomies,
                 layout.pages)
        cache.start((today, _taxonomy_signature(taxonomies), where), changed,
                    _label_signature(taxonomies))
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
                problems.add(Problem(shown, 1, "", msg("entry.id-twice", id=ident),
                                     found=msg("entry.also", file=seen[ident]),
                                     hint=msg("entry.id-twice-hint")))
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
    return LoadResult(catalog, problems, layout.root)


__all__ = ["EntryCache", "Layout", "LoadResult", "load_project", "read_text"]
