"""A build that fails leaves the site folder as it was.

MkDocs writes straight into `site_dir`, so a build that stops half-way (a
content problem, a strict-mode warning, a PDF that cannot be made) leaves a
mixture of new and old files, or hundreds of files in a fresh folder.  Here the
build goes into a staging folder beside the target (same disk, so the final
move is a rename) and replaces the target only once every language is built
and no warning will make strict mode abort.  On failure the staging folder is
deleted and the target is untouched.  A large replaced site is deleted by a process
of its own, after the build has returned.

mkdocs-static-i18n builds the other languages from inside the first build's
`on_post_build` (priority -100), calling `build()` again with the same config
and plugins: `start` and `finish` therefore count how deep they are, and only
the outermost build moves the folder.  Hidden entries of the target (`.git` of
a gh-pages checkout), which MkDocs' own cleaning keeps, are kept too.

When the last build into the target is known (the page cache read its manifest), the
pages the build reuses are left where they are (`update_in_place`), and the staging
folder receives only what the build writes.  At the end, the shorter way: when the build
wrote most files (a cold build), the reused ones are linked into the staging folder,
which replaces the target as above; when it reused most, what it wrote is moved into
the target and the target's files it neither wrote nor reused are deleted.  A fresh
folder needs a new folder for every page (25,000 at 10,000 entries), and on some disks
making one costs 50–300 µs: it was most of a rebuild with nothing changed.  Either way
the target is untouched until the build has succeeded; only the final moves (a few
hundred renames when little changed) are not one step.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler

from tejido.glue.in_place import SiteListing, delete_files, files_below, link_all, merge

log = logging.getLogger("mkdocs.plugins.tejido")


class AtomicSite:
    def __init__(self) -> None:
        self.enabled = True
        self.dirty = False
        self.target: Path | None = None
        self.staging: Path | None = None
        self.depth = 0
        self.listing: SiteListing | None = None
        """Built in place: the target's files, listed by a process of its own while the
        build runs."""

    def startup(self, command: str, dirty: bool) -> None:
        """`mkdocs serve` builds into its own temporary folder: nothing to protect."""
        self.enabled = command != "serve"
        self.dirty = dirty

    def start(self, config: MkDocsConfig) -> None:
        """Point the build at a fresh staging folder (once per `mkdocs build`)."""
        if not self.enabled:
            return
        self.depth += 1
        if self.depth > 1 and self.staging is not None:
            return  # another language of the same build
        target = Path(config.site_dir).resolve()
        for left in target.parent.glob(f".{target.name}.tejido-old-*"):
            _remove_meanwhile(left)  # a deletion that did not finish (the machine stopped)
        staging = target.parent / f".{target.name}.tejido-building-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        if self.dirty and target.is_dir():
            shutil.copytree(target, staging, symlinks=True)
        staging.mkdir(parents=True, exist_ok=True)
        self.target, self.staging = target, staging
        config.site_dir = str(staging)

    def update_in_place(self) -> bool:
        """Build in place: the last build's files that this one keeps are left in the
        target (not linked into the staging folder).  False when there is no target to
        update, or under `--dirty` (which copies it)."""
        if self.staging is None or self.target is None or self.dirty or self.depth != 1 \
                or not self.target.is_dir():
            return False
        self.listing = SiteListing(self.target)
        return True

    def finish(self, config: MkDocsConfig,
               recorded: Callable[[], Iterable[str]] = tuple) -> None:
        """After the last language: move the staging folder into place, unless strict mode
        is about to abort the build for the warnings it counted.  Built in place,
        `recorded` names files of the site (relative to it) this build reused or wrote."""
        if not self.enabled or self.staging is None or self.target is None:
            return
        self.depth -= 1
        if self.depth > 0:
            return
        if config.strict and _warnings_counted():
            return  # MkDocs aborts right after this event; `discard` then cleans up
        if self.listing is not None:
            _update(self.target, self.staging, self.listing, set(recorded()))
            self.listing = None
        else:
            _replace(self.target, self.staging)
        config.site_dir = str(self.target)
        self.staging = None
        self.depth = 0

    def discard(self) -> None:
        """The build failed: forget the staging folder, leave the target alone."""
        if self.listing is not None:
            self.listing.stop()
            self.listing = None
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            log.info("Tejido: the build failed; %s was left as it was", self.target)
        self.staging = None
        self.depth = 0


def _update(target: Path, staging: Path, listing: SiteListing, recorded: set[str]) -> None:
    """Make the target what this build wrote and reused, by the shorter way: link the
    files it reused into the staging folder and replace the target with it (when it
    wrote most files: a cold build), or move what it wrote into the target and delete
    the target's files it neither wrote nor reused (when it reused most)."""
    written = files_below(staging)
    reused = {os.path.normpath(name) for name in recorded} - written
    if len(reused) < len(written):
        listing.stop()
        link_all(target, staging, reused)
        _replace(target, staging)
        return
    before = listing.files()
    merge(str(staging), str(target))
    shutil.rmtree(staging, ignore_errors=True)  # only folders are left in it
    delete_files(target, before - written - reused)


def _warnings_counted() -> bool:
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _replace(target: Path, staging: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    for hidden in target.iterdir():
        if hidden.name.startswith(".") and not (staging / hidden.name).exists():
            hidden.rename(staging / hidden.name)
    old = target.parent / f".{target.name}.tejido-old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    staging.rename(target)
    if _holds_more_than(old, LARGE_SITE):
        _remove_meanwhile(old)
    else:
        shutil.rmtree(old, ignore_errors=True)


LARGE_SITE = 2000
"""Files and folders from which a replaced site is deleted by a process of its own."""

_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def _holds_more_than(folder: Path, limit: int) -> bool:
    """Whether there are more than `limit` files and folders below `folder` (counted
    only up to the limit)."""
    count, pending = 0, [str(folder)]
    while pending:
        try:
            with os.scandir(pending.pop()) as found:
                for item in found:
                    count += 1
                    if count > limit:
                        return True
                    if item.is_dir(follow_symlinks=False):
                        pending.append(item.path)
        except OSError:
            continue
    return False


def _remove_meanwhile(folder: Path) -> None:
    """Delete a replaced site in a process that outlives the build: removing the
    25,000 folders of a 10,000-entry site took about 8 s, most of a rebuild with
    nothing changed.  The folder is hidden beside the site until it is gone."""
    try:
        subprocess.Popen([sys.executable, "-c", _REMOVE, str(folder)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
