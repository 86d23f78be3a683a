"""What one PDF is made of, and where it is published."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PdfSource:
    """Everything that goes into one PDF: HTML, CSS and the local files they read."""

    html: str
    css: str
    base_dir: Path | None = None
    """Relative image paths resolve here (the guide's folder); None: no relative paths."""
    allowed: Path | None = None
    """The only folder local files may be read from (the repository); None: no files."""
    assets: tuple[Path, ...] = ()
    """Local files the HTML uses (images); their bytes are part of the cache key."""


@dataclass(frozen=True)
class PdfJob:
    owner: str
    """Whose PDF it is: a reference like `guide:manual` or `directory`."""
    url: str
    """Where it is published, relative to the site root."""
    lang: str
    title: str
    source: PdfSource
