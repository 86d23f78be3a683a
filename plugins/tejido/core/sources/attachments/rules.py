"""What an attachment may be: the allowed types, the limits, and a refusal's words."""

from __future__ import annotations

import re
from dataclasses import dataclass


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


def not_allowed(name: str, suffix: str) -> Refusal:
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


def too_big(size: int, limit: int) -> Refusal:
    return Refusal("the file is too large", f"at most {limit // (1024 * 1024)} MB",
                   f"{size / (1024 * 1024):.1f} MB",
                   "make it smaller (export the picture at a lower size, or compress "
                   "the PDF)")
