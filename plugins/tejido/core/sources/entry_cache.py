"""The in-memory cache of what each entry file gave, and the stamps that say it holds."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from tejido.core.catalog.catalog import Catalog, build_catalog, patched
from tejido.core.model import fields as f
from tejido.core.model.model import Entry
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.entry_file import PrivacyGuard, read_entry
from tejido.core.sources.entry_store import (
    EntryStore,
    Record,
    Stamp,
    code_fingerprint,
    file_digest,
    looked_stamps,
)
from tejido.core.sources.layout import TRANSLATION_SUFFIX, Layout
from tejido.core.validate.problems import Problem, Problems
from tejido.core.validate.validate import PendingRef

Stamps = tuple[Stamp, Stamp, tuple[Stamp, ...]]
"""An entry file's size and time, its English sibling's, and the looked-at files'."""


@dataclass(frozen=True)
class _Read:
    """What reading one entry file gave, kept by the cache."""

    stamp: Stamps
    entry: Entry | None
    problems: list[Problem]
    refs: list[PendingRef]
    guard: PrivacyGuard
    looked: tuple[Path, ...] = ()
    """Other files validating it looked at (linked images, attachments)."""
    digest: str = ""
    """Its bytes' and its English sibling's SHA-256, taken before reading (with a store)."""
    labels: str | None = None
    """The taxonomies' labels when it was read, if it names a term by a label (or an
    unknown one): then it holds only while they are the same."""

    def holds(self, labels: str) -> bool:
        return self.labels is None or self.labels == labels


MIN_SHARE = 200
"""Fewer files than this per share, and a fork costs more than it saves."""


@dataclass(frozen=True)
class Sharing:
    """How to do shares of work at once: the glue's `run` forks a process per share but
    the first (`glue/forked.py`); the core only cuts the work into `count` shares."""

    run: Callable[[Sequence[Callable[[], Any]]], list[Any]]
    count: int


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
        """The taxonomies' labels in this load (`label_signature`)."""
        self.fresh: list[Entry] = []
        """Entries read by the last load."""
        self.changed: set[Path] | None = None
        self.catalog: Catalog | None = None
        self.seen: list[Path] = []
        """The entry files the last load looked at, in its order."""

    def start(self, context: object, changed: Iterable[Path] | None, labels: str = "") -> None:
        self.labels = labels
        if context != self.context:
            self.known.clear()
            self.context = context
            self.catalog = None
            self.stored = self.store.read(context) if self.store is not None else {}
        self.reads = self.restored = 0
        self.fresh, self.seen = [], []
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
              refs: list[PendingRef], guard: PrivacyGuard) -> Entry | None:
        known = self.known.get(path) or self._restore(path)
        trusted = known is not None and self.changed is not None and path not in self.changed
        stamp = (known.stamp if known is not None and trusted
                 else _stamps(path, known.looked if known is not None else ()))
        if known is None or known.stamp != stamp or not known.holds(self.labels):
            digest = file_digest(path, _sibling(path)) if self.store is not None else ""
            own, own_refs, own_guard = Problems(), list[PendingRef](), PrivacyGuard()
            looked: list[Path] = []
            by_name: list[str] = []
            entry = read_entry(spec, path, layout, taxonomies, own, today, own_refs, own_guard,
                           looked, by_name)
            known = _Read(_stamps(path, looked, stamp), entry, list(own), own_refs, own_guard,
                          tuple(dict.fromkeys(looked)), digest,
                          self.labels if by_name or own else None)
            self.known[path] = known
            self.reads += 1
            if entry is not None:
                self.fresh.append(entry)
        self.seen.append(path)
        problems.extend(known.problems)
        refs.extend(known.refs)
        # The privacy guard compares every entry with every contact person: what an
        # unchanged file gave it is given again, so the preview checks as a build does.
        guard.add(known.guard)
        return known.entry

    def prefill(self, shares: Sharing, files: Sequence[tuple[f.KindSpec, Path]],
                layout: Layout, taxonomies: dict[str, Taxonomy], today: dt.date) -> None:
        """Read the files that need it in several shares at once (`shares.run`: forked
        processes), before the load looks at each in its own order: it then finds them
        known, and every problem, reference and privacy check comes out as in one pass.
        What the store holds for unchanged files is restored here first, and not shared."""
        if self.stored:
            files = [(spec, path) for spec, path in files
                     if path in self.known or self._restore(path) is None]
        count = min(shares.count, len(files) // MIN_SHARE)
        if count < 2:
            return
        parts = [files[start::count] for start in range(count)]
        for records in shares.run([partial(self._read_share, part, layout, taxonomies, today)
                                   for part in parts]):
            for path, read in records:
                if self.known.get(path) is read:
                    continue  # a share done in this process (the first) is known already
                self.known[path] = read
                self.reads += 1
                if read.entry is not None:
                    self.fresh.append(read.entry)
        self.seen = []  # the share read here is looked at again by the load, in its order

    def _read_share(self, files: Iterable[tuple[f.KindSpec, Path]], layout: Layout,
                    taxonomies: dict[str, Taxonomy], today: dt.date
                    ) -> list[tuple[Path, _Read]]:
        """What reading each file gave, for the files read here (not those restored)."""
        read = []
        for spec, path in files:
            before = self.reads
            try:
                self.entry(spec, path, layout, taxonomies, Problems(), today, [], PrivacyGuard())
            except Exception:  # the load reads it again, and names the file in its problem
                continue
            if self.reads > before:
                read.append((path, self.known[path]))
        return read

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

    def fingerprint(self, root: Path, *more: object) -> str:
        """What the last load was made from, as a digest: the code that validates, the
        load's context, and every entry file it looked at (its bytes' digest with a store,
        else its size and time; its sibling's; the files its validation looked at), with
        `more`.  The same fingerprint, the same catalog: a build compares it with the last
        build's to reuse everything it made without making anything again.  Paths are
        taken relative to the project's `root`, so a copied project keeps it."""
        def text(value: object) -> bytes:
            return repr(value).replace(str(root), "<project>").encode(
                "utf-8", errors="surrogatepass")
        sha = hashlib.sha256(text((code_fingerprint(), self.context, self.labels, more)))
        for path in self.seen:
            read = self.known[path]
            sha.update(text((str(path), read.digest or read.stamp[:2], read.stamp[2])))
        return sha.hexdigest()

    def records(self) -> tuple[object, dict[str, Record]]:
        """What the store is to keep: the context and a record per file read."""
        return self.context, {
            str(path): Record(read.digest, tuple(zip(map(str, read.looked), read.stamp[2],
                                                     strict=True)), read)
            for path, read in self.known.items() if read.digest}

    def save(self) -> None:
        """Write what is known to the store (a no-op without one, or when the last load
        took every file from it and it holds nothing more: a second at 10,000 entries)."""
        if self.store is None or self.context is None:
            return
        if self.reads == 0 and self.restored and not self.stored:
            return
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


def taxonomy_signature(taxonomies: Mapping[str, Taxonomy]) -> object:
    """What of the taxonomies decides whether an entry file is valid: the ids, parents
    and aliases of the terms, not their labels (a label changes no entry)."""
    return tuple(sorted(
        (name, tuple((t.id, t.parent, t.iso) for t in tax), tuple(sorted(tax.aliases.items())))
        for name, tax in taxonomies.items()))


def label_signature(taxonomies: Mapping[str, Taxonomy]) -> str:
    """Every term's labels, as a digest: what an entry naming a term by a label (or a
    hint suggesting one) depends on besides `taxonomy_signature`."""
    digest = hashlib.sha256()
    for name in sorted(taxonomies):
        for term in taxonomies[name]:
            digest.update(repr((name, term.id, sorted(term.labels.items()))).encode())
    return digest.hexdigest()
