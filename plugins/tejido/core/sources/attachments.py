"""Facts about attached files, read once per build, and what a catalog may publish.

An entry's text can link or show files that sit beside it (an image, a PDF, an
office document), and a guide lists its files under `files:`.  The site
publishes them as they are, and a browser opening one from the site runs what
it holds: an SVG with `onload`, an `.htm` page.  So only an allow-list of file
types is published, each checked by its real content, not its name:

- images (PNG, JPEG, GIF, WebP) whose header Pillow reads as that format, no
  larger than `MAX_PIXELS` (read from the header, without decoding), and with
  no HTML hidden inside (a polyglot);
- SVG drawings without scripts, event handlers, embedded pages, external
  references or a DOCTYPE (entity bombs);
- PDF documents that open and carry no JavaScript;
- office documents (.docx, .xlsx, .pptx, .odt, .ods, .odp): zip archives of
  the right kind, without macros, and not a zip bomb.

Everything else, every HTML-like file first, is refused with the reason.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from tejido.core.i18n.messages import Part, alternatives, msg


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


@dataclass(frozen=True)
class Refusal:
    """Why a file is not published, in the words of a problem."""

    message: Part
    expected: Part
    found: Part
    hint: Part


IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF",
                 ".webp": "WEBP"}
OFFICE_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
ALLOWED = (*IMAGE_FORMATS, ".svg", ".pdf", *OFFICE_TYPES)
ALLOWED_NAMES = ("PDF, PNG, JPEG, GIF, WebP, SVG, DOCX, XLSX, PPTX, ODT, ODS", "ODP")
ALLOWED_TEXT = alternatives(ALLOWED_NAMES)
HTML_LIKE = frozenset({".htm", ".html", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml",
                       ".xml", ".xsl", ".xslt", ".svgz", ".js", ".mjs", ".css", ".swf",
                       ".hta", ".php", ".jsp", ".asp", ".aspx"})

MAX_PIXELS = 25_000_000
"""5,000 × 5,000: more than any print needs, and decoding it (the PDF renderer does)
takes 100 MB.  A 30,000 × 30,000 PNG of 110 KB would take 3.6 GB."""
MAX_SIDE = 20_000
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_SVG_BYTES = 1024 * 1024
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200
"""Office XML compresses about 10:1; a ratio of hundreds is a zip bomb."""
MAX_MEMBERS = 10_000

POLYGLOT = re.compile(rb"<script|<html|<iframe|<object|<embed|javascript:|<body[\s>]",
                      re.IGNORECASE)
"""HTML a browser could find and run in a file that is also an image.  Long enough that
compressed image data never matches by chance; photo metadata (XMP) has none of it."""
PDF_SCRIPT = re.compile(rb"/(?:JavaScript|JS|Launch|SubmitForm|ImportData)\b")


def check_attachment(path: Path) -> Refusal | None:
    """None if `path` may be published as it is; else why not.  Read once per version."""
    stat = path.stat()
    return _check(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _check(path: Path, size: int, mtime_ns: int) -> Refusal | None:
    suffix = path.suffix.lower()
    if suffix in IMAGE_FORMATS:
        return _image(path, suffix, size)
    if suffix == ".svg":
        return _svg(path, size)
    if suffix == ".pdf":
        return _pdf(path, size)
    if suffix in OFFICE_TYPES:
        return _office(path, suffix, size)
    return _not_allowed(path.name, suffix)


def _not_allowed(name: str, suffix: str) -> Refusal:
    if not suffix:
        return Refusal(msg("file.no-type"), msg("file.name-ending", types=alternatives(
                           name.lower() for name in ALLOWED_NAMES)), repr(name),
                       msg("file.no-type-hint"))
    if suffix in HTML_LIKE:
        return Refusal(msg("file.runs-scripts", suffix=suffix), ALLOWED_TEXT, suffix,
                       msg("file.runs-scripts-hint"))
    return Refusal(msg("file.type-not-published"), ALLOWED_TEXT, suffix,
                   msg("file.type-not-published-hint"))


def _too_big(size: int, limit: int) -> Refusal:
    return Refusal(msg("file.too-large"), msg("file.at-most-mb", count=limit // (1024 * 1024)),
                   f"{size / (1024 * 1024):.1f} MB", msg("file.too-large-hint"))


def _image(path: Path, suffix: str, size: int) -> Refusal | None:
    if size > MAX_IMAGE_BYTES:
        return _too_big(size, MAX_IMAGE_BYTES)
    wanted = IMAGE_FORMATS[suffix]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:  # reads the header only
                found, (width, height) = image.format, image.size
    except Image.DecompressionBombError:
        found, width, height = wanted, MAX_SIDE + 1, MAX_SIDE + 1
    except (OSError, ValueError, SyntaxError):
        return Refusal(msg("file.not-image", format=wanted), msg("file.a-picture", format=wanted),
                       msg("file.other-content"),
                       msg("file.export-image-hint", format=suffix[1:].upper()))
    if found != wanted:
        return Refusal(msg("file.content-not-name", suffix=suffix),
                       msg("file.a-picture", format=wanted),
                       msg("file.a-picture", format=str(found)),
                       msg("file.rename-image-hint", suffix=(found or "png").lower(),
                           format=wanted))
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return Refusal(msg("file.picture-too-large"),
                       msg("file.at-most-pixels", millions=MAX_PIXELS // 1_000_000,
                           side=MAX_SIDE), msg("file.pixels", width=width, height=height),
                       msg("file.picture-too-large-hint"))
    if POLYGLOT.search(path.read_bytes()):
        return Refusal(msg("file.polyglot"), msg("file.plain-picture"),
                       msg("file.polyglot-found"), msg("file.polyglot-hint"))
    return _decodes(path, wanted)


def _decodes(path: Path, wanted: str) -> Refusal | None:
    """Decode it once: a truncated picture passes the header and fails in the PDF."""
    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return Refusal(msg("file.picture-damaged", format=wanted), msg("file.picture-opens"),
                       msg("file.cut-or-damaged"), msg("file.picture-damaged-hint"))
    return None


SVG = "{http://www.w3.org/2000/svg}"
SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "object", "embed", "handler",
                        "listener"})
"""Elements that run code or bring in something else (a page, a file, another site)."""
HREF_ATTRIBUTES = ("href", "{http://www.w3.org/1999/xlink}href")
UNSAFE_STYLE = re.compile(r"url\s*\(|@import|expression\s*\(|javascript:", re.IGNORECASE)


def _local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _svg_refusal(found: Part) -> Refusal:
    return Refusal(msg("svg.active"), msg("svg.shapes-only"), found, msg("svg.active-hint"))


def _svg(path: Path, size: int) -> Refusal | None:
    if size > MAX_SVG_BYTES:
        return _too_big(size, MAX_SVG_BYTES)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return Refusal(msg("svg.not-utf8"), msg("svg.a-file"), msg("file.other-content"),
                       msg("svg.not-utf8-hint"))
    lowered = text.lower()
    if "<!doctype" in lowered or "<!entity" in lowered or "<?xml-stylesheet" in lowered:
        return _svg_refusal(msg("svg.declaration"))
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return Refusal(msg("svg.invalid"), msg("svg.a-file"),
                       msg("svg.xml-error", error=str(error)[:80]), msg("svg.invalid-hint"))
    if root.tag != f"{SVG}svg":
        return Refusal(msg("svg.not-svg"), msg("svg.a-document"),
                       f"<{_local_name(root.tag)[:40]}>", msg("svg.not-svg-hint"))
    for element in root.iter():
        found = _svg_element(element)
        if found:
            return _svg_refusal(found)
    return None


def _svg_element(element: ElementTree.Element) -> Part:
    """What in this element would run or load, or ''."""
    name = _local_name(element.tag)
    if name in SVG_ACTIVE:
        return msg("svg.element", name=name)
    if name == "style" and UNSAFE_STYLE.search(element.text or ""):
        return msg("svg.style")
    for attribute, value in element.attrib.items():
        local = _local_name(attribute)
        if local.startswith("on"):
            return msg("svg.handler", name=local)
        if attribute in HREF_ATTRIBUTES and not value.strip().startswith("#"):
            return msg("svg.link", target=repr(value.strip()[:60]))
        if local == "style" and UNSAFE_STYLE.search(value):
            return msg("svg.style")
        if name in ("set", "animate") and local == "attributename" and (
                value.lower().startswith("on") or "href" in value.lower()):
            return msg("svg.animation", target=repr(value[:30]))
        if "javascript:" in value.lower():
            return msg("svg.javascript")
    return ""


def _pdf(path: Path, size: int) -> Refusal | None:
    if size > MAX_DOCUMENT_BYTES:
        return _too_big(size, MAX_DOCUMENT_BYTES)
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        return Refusal(msg("pdf.not-pdf"), msg("pdf.a-document"), msg("file.other-content"),
                       msg("pdf.export-again"))
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


def _office(path: Path, suffix: str, size: int) -> Refusal | None:
    if size > MAX_DOCUMENT_BYTES:
        return _too_big(size, MAX_DOCUMENT_BYTES)
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


__all__ = ["ALLOWED", "Refusal", "UnreadablePdf", "check_attachment", "pdf_pages"]
