"""PDF documents that open and carry no JavaScript; office documents of the right kind,
without macros and not zip bombs; and a PDF's page count."""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfReader

from tejido.core.i18n.messages import Part, alternatives, msg
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
    # pypdf is imported when a PDF is read: most builds read none, and it took a tenth
    # of a second to import.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

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
        return Refusal(msg("pdf.not-pdf"), msg("pdf.a-document"), msg("file.other-content"),
                       msg("pdf.export-again"))
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        len(reader.pages)
        scripted = _pdf_has_script(reader)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError) as error:
        return Refusal(msg("pdf.damaged"), msg("pdf.opens"),
                       str(error)[:80] or type(error).__name__, msg("pdf.export-again"))
    if scripted or PDF_SCRIPT.search(data):
        return Refusal(msg("pdf.scripted"), msg("pdf.text-and-pictures"),
                       alternatives(("/JavaScript, /JS", "/Launch")), msg("pdf.scripted-hint"))
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
        return Refusal(msg("office.not-kind", kind=kind), msg("office.a-document", kind=kind),
                       msg("file.other-content"), msg("office.not-kind-hint", kind=kind))
    if problem:
        return Refusal(problem, msg("office.a-document", kind=kind), msg("office.bad-part"),
                       msg("office.bad-part-hint", kind=kind))
    return None


def _zip_bomb(members: list[zipfile.ZipInfo]) -> Part:
    if len(members) > MAX_MEMBERS:
        return msg("office.too-many-parts", count=len(members))
    total = sum(member.file_size for member in members)
    if total > MAX_UNZIPPED:
        return msg("office.unpacks-to", count=total // (1024 * 1024))
    for member in members:
        name = member.filename
        if name.startswith("/") or ".." in name.split("/"):
            return msg("office.unsafe-name", name=repr(name[:60]))
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            return msg("office.ratio", count=int(ratio))
    return ""


def _office_kind(archive: zipfile.ZipFile, suffix: str) -> Part:
    names = set(archive.namelist())
    wanted = OFFICE_TYPES[suffix]
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return msg("office.macros")
    if suffix.startswith(".od"):
        kind = archive.read("mimetype")[:100].decode("ascii", "replace") \
            if "mimetype" in names else ""
        return "" if kind == wanted else msg("office.wrong-kind")
    types = archive.read("[Content_Types].xml")[:200_000].decode("utf-8", "replace") \
        if "[Content_Types].xml" in names else ""
    if wanted not in types:
        return msg("office.wrong-kind")
    if "macroEnabled" in types:
        return msg("office.macros")
    return ""
