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

    message: str
    expected: str
    found: str
    hint: str


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
ALLOWED_TEXT = "PDF, PNG, JPEG, GIF, WebP, SVG, DOCX, XLSX, PPTX, ODT, ODS or ODP"
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
        return Refusal("the file name has no type (like .png or .pdf)",
                       f"a file name ending in {ALLOWED_TEXT.lower()}", repr(name),
                       "rename the file with its type, for example mapa.png")
    if suffix in HTML_LIKE:
        return Refusal(f"{suffix} files are not published: a browser runs the scripts a "
                       "web page or script file holds", ALLOWED_TEXT, suffix,
                       "write the text in Markdown, or save the document as PDF and "
                       "attach the PDF")
    return Refusal("this type of file is not published", ALLOWED_TEXT, suffix,
                   "save it as PDF (documents) or PNG/JPEG (pictures); other files go on "
                   "the organization's own website, linked with its https:// address")


def _too_big(size: int, limit: int) -> Refusal:
    return Refusal("the file is too large", f"at most {limit // (1024 * 1024)} MB",
                   f"{size / (1024 * 1024):.1f} MB",
                   "make it smaller (export the picture at a lower size, or compress "
                   "the PDF)")


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
        return Refusal(f"the file is not a {wanted} image", f"a {wanted} picture",
                       "other content", "open it in an image program and export it as "
                       f"{suffix[1:].upper()} again")
    if found != wanted:
        return Refusal(f"the file's content does not match its name {suffix}",
                       f"a {wanted} picture", f"a {found} picture",
                       f"rename it to end in .{(found or 'png').lower()}, or export it as "
                       f"{wanted}")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return Refusal("the picture is too large to publish or print",
                       f"at most {MAX_PIXELS // 1_000_000} million pixels "
                       f"(and {MAX_SIDE} on a side)", f"{width} × {height} pixels",
                       "export it smaller: 2,000 pixels wide is plenty for a page or a PDF")
    if POLYGLOT.search(path.read_bytes()):
        return Refusal("the picture also holds web-page code (HTML or a script)",
                       "a plain picture", "HTML inside the file",
                       "open it in an image program and export it again")
    return _decodes(path, wanted)


def _decodes(path: Path, wanted: str) -> Refusal | None:
    """Decode it once: a truncated picture passes the header and fails in the PDF."""
    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return Refusal(f"the {wanted} picture is damaged", "a picture that opens",
                       "a cut or damaged file", "export it again from the original")
    return None


SVG = "{http://www.w3.org/2000/svg}"
SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "object", "embed", "handler",
                        "listener"})
"""Elements that run code or bring in something else (a page, a file, another site)."""
HREF_ATTRIBUTES = ("href", "{http://www.w3.org/1999/xlink}href")
UNSAFE_STYLE = re.compile(r"url\s*\(|@import|expression\s*\(|javascript:", re.IGNORECASE)


def _local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _svg_refusal(found: str) -> Refusal:
    return Refusal("the SVG drawing holds something that would run or load on the site",
                   "a drawing of shapes and text only", found,
                   "export the drawing as PNG, or as a plain SVG (in Inkscape: "
                   "'Optimized SVG', without scripts or links)")


def _svg(path: Path, size: int) -> Refusal | None:
    if size > MAX_SVG_BYTES:
        return _too_big(size, MAX_SVG_BYTES)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return Refusal("the SVG drawing is not UTF-8 text", "an SVG file", "other content",
                       "export the drawing as SVG again, or as PNG")
    lowered = text.lower()
    if "<!doctype" in lowered or "<!entity" in lowered or "<?xml-stylesheet" in lowered:
        return _svg_refusal("a <!DOCTYPE>, <!ENTITY> or stylesheet declaration")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return Refusal("the SVG drawing is not valid", "an SVG file",
                       f"an XML error ({str(error)[:80]})", "export the drawing again")
    if root.tag != f"{SVG}svg":
        return Refusal("the file is not an SVG drawing", "an <svg> document",
                       f"<{_local_name(root.tag)[:40]}>", "export the drawing as SVG again")
    for element in root.iter():
        found = _svg_element(element)
        if found:
            return _svg_refusal(found)
    return None


def _svg_element(element: ElementTree.Element) -> str:
    """What in this element would run or load, or ''."""
    name = _local_name(element.tag)
    if name in SVG_ACTIVE:
        return f"a <{name}> element"
    if name == "style" and UNSAFE_STYLE.search(element.text or ""):
        return "a style that loads or runs something"
    for attribute, value in element.attrib.items():
        local = _local_name(attribute)
        if local.startswith("on"):
            return f"an event handler ({local}=)"
        if attribute in HREF_ATTRIBUTES and not value.strip().startswith("#"):
            return f"a link or reference to {value.strip()[:60]!r}"
        if local == "style" and UNSAFE_STYLE.search(value):
            return "a style that loads or runs something"
        if name in ("set", "animate") and local == "attributename" and (
                value.lower().startswith("on") or "href" in value.lower()):
            return f"an animation that changes {value[:30]!r}"
        if "javascript:" in value.lower():
            return "a javascript: address"
    return ""


def _pdf(path: Path, size: int) -> Refusal | None:
    if size > MAX_DOCUMENT_BYTES:
        return _too_big(size, MAX_DOCUMENT_BYTES)
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


def _office(path: Path, suffix: str, size: int) -> Refusal | None:
    if size > MAX_DOCUMENT_BYTES:
        return _too_big(size, MAX_DOCUMENT_BYTES)
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


__all__ = ["ALLOWED", "Refusal", "UnreadablePdf", "check_attachment", "pdf_pages"]
