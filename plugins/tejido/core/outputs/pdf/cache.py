"""PDFs cached by a hash of everything that goes into them.

The key covers the HTML and CSS, the bytes of every local file they use, the
fonts (DejaVu, from Debian's fonts-dejavu-core) and the versions of Tejido and
of the PDF engine.  The HTML is made from everything a PDF shows (its entries,
the taxonomy labels, the interface texts, the settings such as the site's
address), so hashing it is hashing those inputs, exactly: an edit changes the
key of the parts that print it, and of no other.  A rebuild where none of these
changed renders nothing.

Each PDF has its SHA-256 and page count beside it (so a warm build of a large
directory reads no PDF to count its pages); a file that does not match (a build cut off
by a full disk, a hand-edited cache) is treated as missing and rendered again,
so a damaged cache costs time, never a broken download or a traceback.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from tejido.core.outputs.pdf.jobs import PdfSource
from tejido.core.sources.attachments import pdf_pages

KEY_VERSION = "tejido-pdf-1"
"""Bump when the way sources become PDFs changes in a way the inputs do not show."""
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
ENGINE_PACKAGES = ("tejido", "weasyprint", "pydyf", "tinycss2", "cssselect2", "tinyhtml5", "pyphen",
                   "fonttools", "pillow")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Versions of Tejido, the PDF engine and its fonts, without importing the engine."""
    parts = [f"{name}=={_version(name)}" for name in ENGINE_PACKAGES]
    fonts = sorted(FONT_DIR.glob("*.ttf")) if FONT_DIR.is_dir() else []
    parts.extend(f"{font.name}:{font.stat().st_size}:{font.stat().st_mtime_ns}" for font in fonts)
    return "\n".join(parts)


def cache_key(source: PdfSource, engine: str | None = None) -> str:
    digest = hashlib.sha256()
    # The folders too: WeasyPrint names an image after its full address, so the same
    # guide rendered in another folder (a moved or copied project) has other bytes.
    for part in (KEY_VERSION, engine if engine is not None else engine_fingerprint(),
                 source.css, source.html, str(source.base_dir), str(source.allowed)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    for asset in source.assets:  # in the order the HTML names them
        digest.update(hashlib.sha256(asset.read_bytes()).digest())
    return digest.hexdigest()


class PdfCache:
    """A folder of `<key>.pdf` files, with `<key>.warnings` beside those that had any
    (so a cached PDF reports the same warnings as when it was rendered)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def _sum(self, key: str) -> Path:
        return self.folder / f"{key}.sha256"

    def _facts(self, key: str) -> tuple[str, int] | None:
        """The checksum and page count written beside a PDF, if they can be read."""
        try:
            words = self._sum(key).read_text(encoding="ascii").split()
        except (OSError, ValueError):  # missing, unreadable, not text
            return None
        if len(words) != 2 or not words[1].isdigit():
            return None
        return words[0], int(words[1])

    def get(self, key: str) -> Path | None:
        """The cached PDF, if it is there whole (its checksum and warnings readable)."""
        path, facts = self.path(key), self._facts(key)
        if facts is None:
            return None
        try:
            whole = hashlib.sha256(path.read_bytes()).hexdigest() == facts[0]
            self.warnings(key)
        except (OSError, ValueError):
            return None
        return path if whole else None

    def pages(self, key: str) -> int:
        """The page count of a PDF `get` found whole."""
        facts = self._facts(key)
        return facts[1] if facts is not None else pdf_pages(self.path(key))

    def warnings(self, key: str) -> tuple[str, ...]:
        notes = self.folder / f"{key}.warnings"
        return tuple(notes.read_text(encoding="utf-8").splitlines()) if notes.is_file() else ()

    def put(self, key: str, data: bytes, warnings: tuple[str, ...] = ()) -> Path:
        notes = self.folder / f"{key}.warnings"
        if warnings:
            text = "\n".join(" ".join(w.split()) for w in warnings) + "\n"
            self._write(notes, text.encode("utf-8"))
        else:
            notes.unlink(missing_ok=True)
        path = self._write(self.path(key), data)
        # Last, so that a PDF counts as cached only once it is wholly written.
        facts = f"{hashlib.sha256(data).hexdigest()} {pdf_pages(path)}\n"
        self._write(self._sum(key), facts.encode("ascii"))
        return path

    def prune(self, keep: set[str]) -> int:
        """Remove the PDFs (and what is written beside them) of keys not in `keep`: after
        a build, those no page links any more.  Returns how many PDFs were removed."""
        removed = 0
        for path in self.folder.glob("*.*"):
            if path.is_file() and path.suffix in (".pdf", ".sha256", ".warnings", ".part") \
                    and path.stem not in keep:
                removed += path.suffix == ".pdf"
                path.unlink(missing_ok=True)
        return removed

    def _write(self, target: Path, data: bytes) -> Path:
        """Atomically, so an interrupted build never leaves half a file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target
