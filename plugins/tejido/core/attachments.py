"""Facts about attached files, read once per build."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError


class UnreadablePdf(Exception):
    pass


def pdf_pages(path: Path) -> int:
    """The page count of a PDF; UnreadablePdf if it is damaged.  Read once per version
    of the file (`mkdocs serve` keeps running while files change)."""
    stat = path.stat()
    return _pdf_pages(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=1024)
def _pdf_pages(path: Path, size: int, mtime_ns: int) -> int:
    try:
        return len(PdfReader(path).pages)
    except (PyPdfError, OSError, ValueError, KeyError) as error:
        raise UnreadablePdf(str(error) or type(error).__name__) from None
