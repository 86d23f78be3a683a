"""Loading a whole project: find entry files, validate them, build the catalog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tejido.core.catalog.catalog import Catalog, build_catalog
from tejido.core.catalog.freshness import FreshnessPolicy
from tejido.core.i18n.messages import alternatives, joined, msg
from tejido.core.model import fields as f
from tejido.core.model.model import Entry
from tejido.core.model.taxonomy import load_taxonomies
from tejido.core.sources.entry_cache import (
    EntryCache,
    Sharing,
    label_signature,
    taxonomy_signature,
)
from tejido.core.sources.entry_file import INTERNAL, PrivacyGuard, internal_error, read_entry
from tejido.core.sources.entry_store import folder_digest
from tejido.core.sources.layout import TRANSLATION_SUFFIX, Layout, entry_files, shown_path
from tejido.core.sources.site_files import check_site_files, linked_file_problem, outside_root
from tejido.core.sources.source import read_text
from tejido.core.validate.duplicates import duplicate_warnings
from tejido.core.validate.problems import Problem, Problems, did_you_mean
from tejido.core.validate.validate import PendingRef


@dataclass(frozen=True)
class LoadResult:
    catalog: Catalog
    problems: Problems
    root: Path | None = None
    """The project's folder, where the warnings find the lines they name."""
    inputs: str = ""
    """A digest of everything the catalog was made from, when loaded with a cache
    (`EntryCache.fingerprint`, with the taxonomy files' bytes); else empty."""

    @cached_property
    def warnings(self) -> Problems:
        """What may be wrong but does not fail a check (likely duplicates), looked for
        across all entries when first asked for: `tejido check` shows them; the build
        and the preview do not, and at 10,000 entries it was most of an edit's reload."""
        found = Problems()
        if self.root is not None:
            found.extend(duplicate_warnings(self.catalog, self.root))
        return found


def _entry_paths(layout: Layout) -> list[tuple[f.KindSpec, Path]]:
    """The entry files the load will read, in its order."""
    return [(spec, path) for spec in f.KINDS.values()
            if not outside_root(layout.folder(spec.kind), layout.root)
            for path in entry_files(layout, spec) if not path.is_symlink()]


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
                    shown_path(path, layout.root), 1, "", msg("translation.orphan"),
                    expected=msg("translation.beside", file=base.name),
                    found=msg("translation.none"),
                    hint=joined(did_you_mean(base.stem, names), msg("translation.rename"))))



def load_project(layout: Layout, today: dt.date | None = None,
                 cache: EntryCache | None = None,
                 changed: Iterable[Path] | None = None,
                 shares: Sharing | None = None) -> LoadResult:
    """Read and validate everything; problems are collected, never raised.  With a
    `cache`, entry files unchanged since its last load are not read again; with the
    list of `changed` files too (absolute paths), no other file is even looked at; with
    `shares` too, the files to read are read in several processes at once."""
    today = today or dt.date.today()
    problems = Problems()
    taxonomies = load_taxonomies(layout.root / layout.taxonomies, layout.root, problems)
    if cache is not None:
        where = (str(layout.root), tuple(sorted(layout.folders.items())), layout.taxonomies,
                 layout.pages)
        cache.start((today, taxonomy_signature(taxonomies), where), changed,
                    label_signature(taxonomies))
        if shares is not None:
            cache.prefill(shares, _entry_paths(layout), layout, taxonomies, today)
    entries: list[Entry] = []
    refs: list[PendingRef] = []
    known: dict[str, set[str]] = {}
    guard = PrivacyGuard()
    withdrawn = 0
    for spec in f.KINDS.values():
        seen: dict[str, str] = {}
        if outside_root(layout.folder(spec.kind), layout.root):
            problems.add(linked_file_problem(shown_path(layout.folder(spec.kind), layout.root),
                                             folder=True))
            continue
        for path in entry_files(layout, spec):
            ident, shown = path.stem, shown_path(path, layout.root)
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
                entry = (read_entry(spec, path, layout, taxonomies, problems, today, refs, guard)
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
    inputs = "" if cache is None else cache.fingerprint(
        layout.root, folder_digest(layout.root / layout.taxonomies))
    return LoadResult(catalog, problems, layout.root, inputs)


__all__ = ["INTERNAL", "EntryCache", "Layout", "LoadResult", "internal_error", "load_project",
           "read_text"]
