"""The manifest of the generated pages of the last build, so that the next one reuses a
page whose inputs did not change (see `glue/direct.py`)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.tejido")

CACHE = Path(".cache") / "tejido"
FORMAT = 1


def digest(*parts: object) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(repr(part).encode("utf-8", errors="surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()


class PageCache:
    """The manifest of the last successful build: site path → (key, size, mtime)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / CACHE / "pages.json"
        self.site = ""
        self.named = ""
        """The site folder, relative to the project if inside it."""
        self.previous: dict[str, list[object]] = {}
        self.current: dict[str, list[object]] = {}
        self.reused = self.made = 0

    def open(self, site: Path | None) -> None:
        """Read the manifest for a build into `site` (the folder being replaced)."""
        self.current, self.previous, self.reused, self.made = {}, {}, 0, 0
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
                pages = data.get("pages")
                self.previous = pages if isinstance(pages, dict) else {}
        except (OSError, ValueError, AttributeError):
            self.previous = {}  # no manifest, or one that cannot be read: make every page

    def reuse(self, dest: str, key: str, target: Path) -> bool:
        """Put the last build's file for `dest` into `target` if its key is `key`."""
        known = self.previous.get(dest)
        if not self.site or not isinstance(known, list) or len(known) != 3 or known[0] != key:
            return False
        old = Path(self.site) / dest
        try:
            stat = old.stat()
            if [stat.st_size, stat.st_mtime_ns] != known[1:]:
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, target)
            except OSError:
                shutil.copy2(old, target)
        except OSError:
            return False
        self.current[dest] = known
        self.reused += 1
        return True

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
            temporary.write_text(json.dumps({"format": FORMAT, "site": self.named,
                                             "pages": self.current}), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as error:
            log.info("Tejido: the page cache was not saved (%s)", error)
