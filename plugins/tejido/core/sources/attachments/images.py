"""Pictures (PNG, JPEG, GIF, WebP) read by their header, and SVG drawings without
anything that runs or loads."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image

from tejido.core.sources.attachments.rules import (
    IMAGE_FORMATS,
    MAX_IMAGE_BYTES,
    MAX_PIXELS,
    MAX_SIDE,
    MAX_SVG_BYTES,
    POLYGLOT,
    Refusal,
    too_big,
)


def check_image(path: Path, suffix: str, size: int) -> Refusal | None:
    if size > MAX_IMAGE_BYTES:
        return too_big(size, MAX_IMAGE_BYTES)
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


def check_svg(path: Path, size: int) -> Refusal | None:
    if size > MAX_SVG_BYTES:
        return too_big(size, MAX_SVG_BYTES)
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
