"""The manifest of the generated pages of the last build, so that the next one reuses a
page whose inputs did not change (see `glue/direct.py`)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from importlib import metadata
from pathlib import Path

from tejido.glue.in_place import link_or_copy

log = logging.getLogger("mkdocs.plugins.tejido")

CACHE = Path(".cache") / "tejido"
FORMAT = 2


def library_versions(libraries: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """The installed version of each library (None when it is not installed)."""
    found: list[tuple[str, str | None]] = []
    for library in libraries:
        try:
            found.append((library, metadata.version(library)))
        except metadata.PackageNotFoundError:
            found.append((library, None))
    return found


def tejido_environment() -> list[tuple[str, str]]:
    """The TEJIDO_ variables, which change what a build writes (TEJIDO_PDF)."""
    return sorted((k, v) for k, v in os.environ.items() if k.startswith("TEJIDO_"))


def digest(*parts: object) -> str:
    """SHA-256 of the parts' texts (`repr`, but a string as it is: a page's view is
    long, and quoting it again was most of the time taken here), each after its length,
    so that no two lists of parts give the same bytes."""
    sha = hashlib.sha256()
    for part in parts:
        data = (part if isinstance(part, str) else repr(part)).encode(
            "utf-8", errors="surrogatepass")
        sha.update(b"%d:" % len(data))
        sha.update(data)
    return sha.hexdigest()


class PageCache:
    """The manifest of the last successful build: site path → (key, size, mtime); the
    fingerprint of each language's inputs (`same_inputs`); and groups of files made
    together under one key (a language's search files, the open data)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / CACHE / "pages.json"
        self.site = ""
        self.named = ""
        """The site folder, relative to the project if inside it."""
        self.previous: dict[str, list[object]] = {}
        self.current: dict[str, list[object]] = {}
        self.inputs_before: dict[str, object] = {}
        self.inputs: dict[str, str] = {}
        self.groups_before: dict[str, object] = {}
        self.groups: dict[str, list[object]] = {}
        self.reused = self.made = 0
        self.in_place = False
        """The build updates the last one's site in place: a reused file stays there."""

    def open(self, site: Path | None) -> None:
        """Read the manifest for a build into `site` (the folder being replaced)."""
        self.current, self.previous, self.reused, self.made = {}, {}, 0, 0
        self.in_place = False
        self.inputs_before, self.inputs, self.groups_before, self.groups = {}, {}, {}, {}
        self.site = str(site or "")
        if site is None:
            return
        # One manifest per site folder (a project may be built into several); the name of
        # one inside the project is relative to it, so a copied project keeps its cache.
        self.named = site.relative_to(self.root).as_posix() \
            if site.is_relative_to(self.root) else str(site)
        self.path = self.root / CACHE / f"pages-{digest(self.named)[:16]}.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("site") == self.named:
                pages, inputs, groups = data.get("pages"), data.get("inputs"), data.get("groups")
                if isinstance(pages, dict) and isinstance(inputs, dict) and isinstance(
                        groups, dict):
                    self.previous, self.inputs_before, self.groups_before = pages, inputs, groups
        except (OSError, ValueError, AttributeError):
            self.previous = {}  # no manifest, or one that cannot be read: make every page

    def recorded(self) -> list[str]:
        """The files this build recorded: reused, or written into its folder."""
        return list(self.current)

    def same_inputs(self, lang: str, fingerprint: str) -> bool:
        """Whether a language's build has the same inputs as the last one (then each of
        its pages is the one it recorded); kept for the next build either way."""
        self.inputs[lang] = fingerprint
        return bool(fingerprint) and self.inputs_before.get(lang) == fingerprint

    def reuse(self, dest: str, key: str | None, target: Path | str) -> bool:
        """Put the last build's file for `dest` into `target` if its key is `key` (with
        None: whatever its key, when the inputs are known to be the same); built in
        place, leave it where it is."""
        if not self._reusable(dest, key):
            return False
        if self.in_place:
            self.current[dest] = self.previous[dest]
            self.reused += 1
            return True
        try:
            link_or_copy(os.path.join(self.site, dest), str(target))
        except OSError:
            return False
        self.current[dest] = self.previous[dest]
        self.reused += 1
        return True

    def _reusable(self, dest: str, key: str | None) -> bool:
        """The last build recorded `dest` under `key`, and its file is still as written."""
        known = self.previous.get(dest)
        if not self.site or not isinstance(known, list) or len(known) != 3 or (
                key is not None and known[0] != key):
            return False
        try:
            stat = os.stat(os.path.join(self.site, dest))
        except OSError:
            return False
        return [stat.st_size, stat.st_mtime_ns] == known[1:]

    def reuse_group(self, name: str, key: str, site: Path) -> bool:
        """Put all the last build's files of group `name` into `site` if the group had
        `key` and every file is still as written; else none of them."""
        known = self.groups_before.get(name)
        if not key or not isinstance(known, list) or len(known) != 2 or known[0] != key:
            return False
        dests = known[1]
        if not isinstance(dests, list) or not all(
                isinstance(dest, str) and self._reusable(dest, key) for dest in dests):
            return False
        linked: list[str] = []
        for dest in dests:
            if not self.reuse(dest, key, site / dest):
                # None, then: writing over a link would change the last build's file too.
                for done in linked:
                    (site / done).unlink(missing_ok=True)
                    self.current.pop(done, None)
                self.reused -= len(linked)
                return False
            linked.append(dest)
        self.reused -= len(dests)  # counted as pages otherwise
        self.groups[name] = known
        return True

    def group_files(self, name: str) -> list[str]:
        """The site paths of a group this build reused or wrote."""
        known = self.groups.get(name)
        return [str(dest) for dest in known[1]] if known and isinstance(known[1], list) else []

    def record_group(self, name: str, key: str, site: Path, dests: list[str]) -> None:
        """The files of group `name`, written into `site` by this build."""
        if not key:
            return
        for dest in dests:
            self.record(dest, key, site / dest)
            self.made -= 1
        self.groups[name] = [key, dests]

    def record(self, dest: str, key: str, written: Path) -> None:
        """A page made in this build; with a key, the next build may reuse it."""
        self.made += 1
        if not key:
            return
        try:
            stat = written.stat()
        except OSError:
            return  # MkDocs skips a page that rendered empty
        self.current[dest] = [key, stat.st_size, stat.st_mtime_ns]

    def adopt(self, made: int, reused: int, records: dict[str, list[object]]) -> None:
        """What a worker process made and reused (see `glue/forked.py`)."""
        self.made += made
        self.reused += reused
        self.current.update(records)

    def save(self) -> None:
        """After the build replaced the site: what the next build may reuse."""
        if not self.site:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps({
                "format": FORMAT, "site": self.named, "pages": self.current,
                "inputs": self.inputs, "groups": self.groups}), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as error:
            log.info("Tejido: the page cache was not saved (%s)", error)
