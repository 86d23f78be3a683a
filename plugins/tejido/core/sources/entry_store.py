"""What validating each entry file gave, kept on disk between runs of the preview, so a
restart reads again only the files that changed.

One file, `<project>/.cache/tejido/entries.pickle`, holds a record per entry file: the
SHA-256 of its bytes and of its English sibling's, the size and time of every file its
validation looked at (images its text links to, a guide's attachments), and what
validating it gave (the entry, its problems, its references, what it gave the privacy
guard).  A record is used only when its file's digest and every looked-at file's stamp
are the same now; the whole file only when it was written by the same Tejido code, the
same versions of the libraries that validate, the same layout, the same day and the same
terms of the taxonomies (`context`).  Checks across entries (references, the privacy
guard across entries, duplicates) are never stored: they run on every load.

The records hold entries as validated, contact persons' private routes included (the
privacy guard needs them): the file stays inside the project, beside the sources it was
made from, is ignored by git (`.cache/`), readable by its owner only, and is never
published.  A file that cannot be read or is not ours is ignored (and replaced on the
next save), never a traceback.  It is a pickle: like `mkdocs.yml`'s hooks, it trusts the
project's own folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import tejido

log = logging.getLogger("tejido.cache")

FOLDER = ".cache/tejido"
NAME = "entries.pickle"
MAGIC = b"tejido-entries-2\n"
LIBRARIES = ("phonenumbers", "pycountry", "PyYAML", "nh3", "rapidfuzz", "python-slugify")
"""Libraries whose versions can change what validating a file gives."""

Stamp = tuple[int, int] | None


@dataclass(frozen=True)
class Record:
    digest: str
    """SHA-256 of the file's bytes and of its English sibling's (see `file_digest`)."""
    looked: tuple[tuple[str, Stamp], ...]
    """Other files its validation looked at, with their size and time then."""
    payload: object
    """What validating the file gave (`entry_cache._Read`)."""

    def still_holds(self, digest: str) -> bool:
        return digest == self.digest and all(stamp(Path(path)) == then
                                               for path, then in self.looked)


def stamp(path: Path) -> Stamp:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def file_digest(*paths: Path) -> str:
    """The files' bytes, each told apart from a missing one."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            digest.update(b"\x00missing\x00")
            continue
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """Every file's name and bytes under `folder` (the taxonomies: a few small files)."""
    paths = sorted(path for path in folder.rglob("*") if path.is_file()) \
        if folder.is_dir() else []
    return file_digest(*paths) + "".join(f"\n{p.relative_to(folder)}" for p in paths)


@cache
def code_fingerprint() -> str:
    """Tejido's version and code (every .py file's name, size and time), Python's and the
    validating libraries' versions: a change of any may change what validation gives."""
    digest = hashlib.sha256(f"{sys.version}\n{tejido.__version__}".encode())
    package = Path(tejido.__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(f"{path.relative_to(package)}:{stamp(path)}".encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()


class EntryStore:
    """The records of one project, read once at the start, written after each load."""

    def __init__(self, root: Path) -> None:
        self.path = root / FOLDER / NAME

    def read(self, context: object) -> dict[str, Record]:
        """The records, by file path; {} when there are none, or they were made under
        another context, or the file is damaged or not ours."""
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        try:
            return self._decode(data, context)
        except Exception as error:  # damaged or foreign: ignored, made again
            log.warning("Tejido: ignoring the validation cache %s (%s); it will be made "
                        "again", self.path, type(error).__name__)
            return {}

    def _decode(self, data: bytes, context: object) -> dict[str, Record]:
        if not data.startswith(MAGIC):
            raise ValueError("not a Tejido cache")
        fingerprint, body = data[len(MAGIC):].split(b"\n", 1)
        if fingerprint.decode("ascii") != code_fingerprint():
            return {}  # made by other code: its classes may not even load
        check, payload = body[:32], body[32:]
        if hashlib.sha256(payload).digest() != check:
            raise ValueError("damaged")
        stored_context, records = pickle.loads(payload)
        if stored_context != context:
            return {}
        if not isinstance(records, dict) or not all(
                isinstance(record, Record) for record in records.values()):
            raise ValueError("not records")
        return records

    def write(self, context: object, records: Mapping[str, Record]) -> None:
        """Replace the file at once (a reader never sees half of it); a failure to write
        only costs the next start its time."""
        payload = pickle.dumps((context, dict(records)), protocol=pickle.HIGHEST_PROTOCOL)
        data = (MAGIC + code_fingerprint().encode("ascii") + b"\n"
                + hashlib.sha256(payload).digest() + payload)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".entries-")
            try:
                with os.fdopen(handle, "wb") as out:  # mkstemp: readable by the owner only
                    out.write(data)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            log.warning("Tejido: could not write the validation cache %s (%s)", self.path,
                        error.strerror or type(error).__name__)


def looked_stamps(paths: Iterable[Path]) -> tuple[tuple[str, Stamp], ...]:
    return tuple((str(path), stamp(path)) for path in dict.fromkeys(paths))
