"""What one PDF is made of, and where it is published."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parts import Part


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
    produce: Callable[[], PdfSource]
    """Makes its source when asked: the directory's parts at 10,000 organizations are
    hundreds of MB of HTML, so no source is kept longer than its turn needs."""
    part: Part | None = None
    """Which part of the directory it is (None: a guide)."""
    key: Callable[[], str] | None = None
    """Its cache key from its inputs, without making its source (the directory's parts);
    None: the key is the hash of its source (`cache.cache_key`)."""

    @property
    def source(self) -> PdfSource:
        return self.produce()
