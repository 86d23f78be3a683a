"""PDF documents that open and carry no JavaScript; office documents of the right kind,
without macros and not zip bombs; and a PDF's page count."""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from tejido.core.sources.attachments.rules import (
    MAX_DOCUMENT_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_UNZIPPED,
    OFFICE_TYPES,
    Refusal,
    too_big,
)

PDF_SCRIPT = re.compile(rb"/(?:JavaScript|JS|Launch|SubmitForm|ImportData)\b")


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
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError) as error:
        raise UnreadablePdf(str(error)[:200] or type(error).__name__) from None


def check_pdf(path: Path, size: int) -> Refusal | None:
    if size > MAX_DOCUMENT_BYTES:
        return too_big(size, MAX_DOCUMENT_BYTES)
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        return Refusal("the file is not a PDF", "a PDF document", "other content",
                       "export the document as PDF again")
    try:
        reader = PdfReader(path)
        len(reader.pages)
        scripted = _pdf_has_script(reader)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError) as error:
        return Refusal("the PDF is damaged", "a PDF that opens",
                       str(error)[:80] or type(error).__name__,
                       "export the document as PDF again")
    if scripted or PDF_SCRIPT.search(data):
        return Refusal("the PDF holds JavaScript or actions that run when it opens",
                       "a PDF of text and pictures only", "/JavaScript, /JS or /Launch",
                       "print it to PDF again (\"Print › Save as PDF\"): that drops scripts "
                       "and forms")
    return None


def _pdf_has_script(reader: PdfReader) -> bool:
    """Scripts hidden in compressed object streams, where a byte search cannot see."""
    root = reader.trailer["/Root"].get_object()
    if not isinstance(root, dict):
        return False
    names = root.get("/Names")
    names = names.get_object() if names is not None else None
    if isinstance(names, dict) and "/JavaScript" in names:
        return True
    action = root.get("/OpenAction")
    action = action.get_object() if action is not None else None
    if isinstance(action, dict) and action.get("/S") in ("/JavaScript", "/Launch"):
        return True
    return "/AA" in root


def check_office(path: Path, suffix: str, size: int) -> Refusal | None:
    if size > MAX_DOCUMENT_BYTES:
        return too_big(size, MAX_DOCUMENT_BYTES)
    kind = suffix[1:].upper()
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            problem = _zip_bomb(members) or _office_kind(archive, suffix)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError):
        return Refusal(f"the file is not a {kind} document", f"a {kind} document",
                       "other content", f"save the document as {kind} again, or as PDF")
    if problem:
        return Refusal(problem, f"a {kind} document", "a damaged, hidden or oversized part",
                       f"save the document as {kind} again, or attach it as PDF")
    return None


def _zip_bomb(members: list[zipfile.ZipInfo]) -> str:
    if len(members) > MAX_MEMBERS:
        return f"the document has too many parts ({len(members)})"
    total = sum(member.file_size for member in members)
    if total > MAX_UNZIPPED:
        return f"the document unpacks to {total // (1024 * 1024)} MB (a zip bomb?)"
    for member in members:
        name = member.filename
        if name.startswith("/") or ".." in name.split("/"):
            return f"a part of the document has an unsafe name ({name[:60]!r})"
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            return f"a part of the document unpacks {int(ratio)} times larger (a zip bomb?)"
    return ""


def _office_kind(archive: zipfile.ZipFile, suffix: str) -> str:
    names = set(archive.namelist())
    wanted = OFFICE_TYPES[suffix]
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return "the document holds macros (code that runs when it opens)"
    if suffix.startswith(".od"):
        kind = archive.read("mimetype")[:100].decode("ascii", "replace") \
            if "mimetype" in names else ""
        return "" if kind == wanted else "the document is not of the kind its name says"
    types = archive.read("[Content_Types].xml")[:200_000].decode("utf-8", "replace") \
        if "[Content_Types].xml" in names else ""
    if wanted not in types:
        return "the document is not of the kind its name says"
    if "macroEnabled" in types:
        return "the document holds macros (code that runs when it opens)"
    return ""
