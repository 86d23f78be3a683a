"""PDFs cached by a hash of everything that goes into them.

The key covers the HTML and CSS, the bytes of every local file they use, the
fonts (DejaVu, from Debian's fonts-dejavu-core) and the versions of the PDF
engine.  A rebuild where none of these changed renders nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from tejido.core.outputs.pdf.jobs import PdfSource

KEY_VERSION = "tejido-pdf-1"
"""Bump when the way sources become PDFs changes in a way the inputs do not show."""
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
ENGINE_PACKAGES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "tinyhtml5", "pyphen",
                   "fonttools", "pillow")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Versions of the PDF engine and its fonts, without importing the engine."""
    parts = [f"{name}=={_version(name)}" for name in ENGINE_PACKAGES]
    fonts = sorted(FONT_DIR.glob("*.ttf")) if FONT_DIR.is_dir() else []
    parts.extend(f"{font.name}:{font.stat().st_size}:{font.stat().st_mtime_ns}" for font in fonts)
    return "\n".join(parts)


def cache_key(source: PdfSource, engine: str | None = None) -> str:
    digest = hashlib.sha256()
    for part in (KEY_VERSION, engine if engine is not None else engine_fingerprint(),
                 source.css, source.html):
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

    def get(self, key: str) -> Path | None:
        path = self.path(key)
        return path if path.is_file() else None

    def warnings(self, key: str) -> tuple[str, ...]:
        notes = self.folder / f"{key}.warnings"
        return tuple(notes.read_text(encoding="utf-8").splitlines()) if notes.is_file() else ()

    def put(self, key: str, data: bytes, warnings: tuple[str, ...] = ()) -> Path:
        if warnings:
            text = "\n".join(" ".join(w.split()) for w in warnings) + "\n"
            self._write(self.folder / f"{key}.warnings", text.encode("utf-8"))
        return self._write(self.path(key), data)

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
