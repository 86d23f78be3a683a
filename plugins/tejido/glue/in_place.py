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


class SiteListing:
    """The files of a site folder, hidden entries at its top left out (they are kept),
    listed meanwhile by another process running this file (walking 25,000 folders takes
    0.3–0.7 s), into a temporary file so that it never waits on a pipe."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by files or stop)
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                # -I: only the standard library, which is all this file imports.
                [sys.executable, "-I", __file__, str(site)], stdin=subprocess.DEVNULL,
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
    """The files below `folder`, relative to it (with the system's separator); with
    `skip_hidden`, none below a hidden entry at its top."""
    found: set[str] = set()
    pending = [("", str(folder))]
    while pending:
        prefix, path = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if skip_hidden and not prefix and entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append((prefix + entry.name + os.sep, entry.path))
                else:
                    found.add(prefix + entry.name)
    return found


def link_or_copy(source: str, target: str) -> None:
    """Put a file at `target` that is `source`: a hard link, or a copy where the disk
    has none (plain os calls: pathlib's were a third of a rebuild linking 25,000 pages)."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def link_all(source: Path, target: Path, names: Iterable[str]) -> None:
    for name in names:
        link_or_copy(os.path.join(source, name), os.path.join(target, name))


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


def _print_files(folder: Path) -> None:
    """The listing process: `files_below` on standard output, NUL-separated."""
    names = files_below(folder, skip_hidden=True)
    sys.stdout.buffer.write(b"".join(os.fsencode(name) + b"\0" for name in names))


if __name__ == "__main__":
    _print_files(Path(sys.argv[1]))
