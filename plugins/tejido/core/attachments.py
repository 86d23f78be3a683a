"""Facts about attached files, read once per build."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError


class UnreadablePdf(Exception):
    pass


@lru_cache(maxsize=1024)
def pdf_pages(path: Path) -> int:
    """The page count of a PDF; UnreadablePdf if it is damaged."""
    try:
        return len(PdfReader(path).pages)
    except (PyPdfError, OSError, ValueError, KeyError) as error:
        raise UnreadablePdf(str(error) or type(error).__name__) from None
