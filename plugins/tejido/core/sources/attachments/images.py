"""Pictures (PNG, JPEG, GIF, WebP) read by their header, and SVG drawings without
anything that runs or loads."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image

from tejido.core.i18n.messages import Part, msg
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


def check_svg(path: Path, size: int) -> Refusal | None:
    if size > MAX_SVG_BYTES:
        return too_big(size, MAX_SVG_BYTES)
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
