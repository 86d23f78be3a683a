"""The pieces of a build made in place (see `glue/atomic.py`): listing the site folder
meanwhile, linking the reused files, moving in what a build wrote, deleting the rest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

_LIST = r"""
import os, sys
root, out = sys.argv[1], sys.stdout.buffer
pending = [root]
while pending:
    folder = pending.pop()
    with os.scandir(folder) as found:
        for entry in found:
            if folder == root and entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            else:
                out.write(os.fsencode(entry.path[len(root) + 1:]) + b"\0")
"""
"""Every file below a site, hidden entries at its top left out (they are kept)."""


class SiteListing:
    """The files of a site folder, listed meanwhile by another process (walking 25,000
    folders takes 0.3–0.7 s), into a temporary file so that it never waits on a pipe."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by files or stop)
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-c", _LIST, str(site)], stdin=subprocess.DEVNULL,
                stdout=self.output, stderr=subprocess.DEVNULL)
        except OSError:
            self.process = None

    def files(self) -> set[str]:
        """The listed files (listed here, if the other process could not)."""
        try:
            if self.process is not None and self.process.wait() == 0:
                self.output.seek(0)
                names = self.output.read().split(b"\0")
                return {os.fsdecode(name) for name in names if name}
            return files_below(self.site, skip_hidden=True)
        finally:
            self.output.close()

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
        self.output.close()


def files_below(folder: Path, skip_hidden: bool = False) -> set[str]:
    """The files below `folder`, relative to it, with `/` or the system's separator."""
    found: set[str] = set()
    for parent, folders, names in os.walk(folder):
        if skip_hidden and parent == str(folder):
            folders[:] = [name for name in folders if not name.startswith(".")]
            names = [name for name in names if not name.startswith(".")]
        found.update(os.path.relpath(os.path.join(parent, name), folder) for name in names)
    return found


def link_all(source: Path, target: Path, names: Iterable[str]) -> None:
    for name in names:
        there = os.path.join(target, name)
        os.makedirs(os.path.dirname(there), exist_ok=True)
        try:
            os.link(os.path.join(source, name), there)
        except OSError:
            shutil.copy2(os.path.join(source, name), there)


def merge(source: str, target: str) -> None:
    """Move every entry of `source` into `target`, going into the folders both have."""
    with os.scandir(source) as found:
        entries = list(found)
    for entry in entries:
        there = os.path.join(target, entry.name)
        is_folder = entry.is_dir(follow_symlinks=False)
        if is_folder and os.path.isdir(there) and not os.path.islink(there):
            merge(entry.path, there)
            continue
        if os.path.isdir(there) and not os.path.islink(there):
            shutil.rmtree(there)  # a folder the build made a file
        elif is_folder and os.path.lexists(there):
            os.unlink(there)  # a file the build made a folder
        os.replace(entry.path, there)


def delete_files(site: Path, names: Iterable[str]) -> None:
    """Delete these files of `site`, and the folders that leaves empty."""
    for name in sorted(names):
        path = os.path.join(site, name)
        try:
            os.unlink(path)
        except OSError:
            continue
        _remove_empty_parents(str(site), os.path.dirname(path))


def _remove_empty_parents(root: str, folder: str) -> None:
    while folder != root and folder.startswith(root + os.sep):
        try:
            os.rmdir(folder)
        except OSError:
            return  # not empty: nor are its parents
        folder = os.path.dirname(folder)
