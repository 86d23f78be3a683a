"""What an attachment may be: the allowed types, the limits, and a refusal's words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tejido.core.i18n.messages import Part, alternatives, msg


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


def not_allowed(name: str, suffix: str) -> Refusal:
    if not suffix:
        return Refusal(msg("file.no-type"), msg("file.name-ending", types=alternatives(
                           name.lower() for name in ALLOWED_NAMES)), repr(name),
                       msg("file.no-type-hint"))
    if suffix in HTML_LIKE:
        return Refusal(msg("file.runs-scripts", suffix=suffix), ALLOWED_TEXT, suffix,
                       msg("file.runs-scripts-hint"))
    return Refusal(msg("file.type-not-published"), ALLOWED_TEXT, suffix,
                   msg("file.type-not-published-hint"))


def too_big(size: int, limit: int) -> Refusal:
    return Refusal(msg("file.too-large"), msg("file.at-most-mb", count=limit // (1024 * 1024)),
                   f"{size / (1024 * 1024):.1f} MB", msg("file.too-large-hint"))
