"""The PDFs of the current build, with the facts a download link shows.

The PDF glue fills one after rendering and before pages are written, and the
catalog glue hands it to the page producers (`entry_page`, `browse.home_summary`).
When PDFs are off (`mkdocs serve` by default) it is empty and no PDF link appears.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parts import Part

DIRECTORY = "directory"
"""The owner of the directory PDFs (guides use their reference, `guide:<id>`)."""


@dataclass(frozen=True)
class PublishedPdf:
    owner: str
    url: str
    """Relative to the site root."""
    lang: str
    title: str
    size: int
    """In bytes."""
    pages: int
    part: Part | None = None
    """Which part of the directory it is (None: a guide)."""

    @property
    def size_kb(self) -> int:
        return max(1, round(self.size / 1024))


class Published:
    def __init__(self) -> None:
        self._by_owner: dict[str, tuple[PublishedPdf, ...]] = {}

    def replace(self, pdfs: Iterable[PublishedPdf]) -> None:
        grouped: dict[str, list[PublishedPdf]] = {}
        for pdf in pdfs:
            grouped.setdefault(pdf.owner, []).append(pdf)
        self._by_owner = {owner: tuple(items) for owner, items in grouped.items()}

    def clear(self) -> None:
        self._by_owner = {}

    def of(self, owner: str) -> tuple[PublishedPdf, ...]:
        return self._by_owner.get(owner, ())

    def __len__(self) -> int:
        return sum(len(items) for items in self._by_owner.values())

    def __repr__(self) -> str:
        """What it holds, not where: a build's inputs are digested through `repr`."""
        return f"Published({sorted(self._by_owner.items())!r})"


NO_PDFS = Published()
"""Never filled: what page producers see when no PDFs were made."""
