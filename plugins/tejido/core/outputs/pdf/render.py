"""The one place that touches WeasyPrint.  It is imported lazily, on the first
render, so a build whose PDFs are all cached (or off) never loads it.

WeasyPrint needs Pango from the system.  When it or the Python package is
missing, `PdfEngineMissing` says which Debian packages to install instead of a
traceback.  Only local files inside the repository are read: nothing is
fetched from the network, and fonts come from fontconfig (DejaVu).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from tejido.core.outputs.pdf.jobs import PdfSource

DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"
TURN_OFF = "or turn PDFs off with `enabled: false` under `tejido/pdf` in mkdocs.yml"
LIBRARY = re.compile(r"library '([^']+)'")


class PdfEngineMissing(Exception):
    """WeasyPrint, or a system library it needs, is not installed."""


class PdfRenderError(Exception):
    """WeasyPrint failed on a document."""


@dataclass(frozen=True)
class Rendered:
    data: bytes
    warnings: tuple[str, ...] = ()


def _missing_library(error: OSError) -> PdfEngineMissing:
    found = LIBRARY.search(str(error))
    library = found.group(1) if found else str(error).splitlines()[0][:120]
    return PdfEngineMissing(
        f"PDFs need the Pango text library, but WeasyPrint could not load {library!r}. "
        f"On Debian or Ubuntu install it with: sudo apt-get install {DEBIAN_PACKAGES} "
        f"({TURN_OFF}).")


def load_engine() -> Any:
    """The `weasyprint` module, or PdfEngineMissing with what to install."""
    try:
        # WeasyPrint prints a long banner before raising when a library is missing.
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except ImportError as error:
        raise PdfEngineMissing(
            f"PDFs need the Python package WeasyPrint, which is not installed ({error}). "
            f"Run `make build` (it installs requirements.lock) or "
            f"`pip install weasyprint==70.0`, {TURN_OFF}.") from None
    except OSError as error:
        raise _missing_library(error) from None
    return weasyprint


def _local_fetcher(engine: Any, allowed: Path | None) -> Any:
    """A URL fetcher that reads files inside `allowed` and nothing else."""

    class LocalFiles(engine.urls.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file" or allowed is None:
                raise ValueError(f"not fetched (PDFs read local files only): {url[:200]}")
            path = Path(url2pathname(parts.path)).resolve()
            if not path.is_relative_to(allowed):
                raise ValueError(f"not read (outside the repository): {path}")
            return super().fetch(url, headers)

    return LocalFiles(timeout=5)


MACHINE_NOTES = re.compile(
    r"^(?:Unable to (?:subset \S.* with (?:HarfBuzz|fontTools)|instantiate \S.* variable "
    r"font|save emoji font)|\.notdef glyph rendered for Unicode string unsupported by fonts)")
"""Warnings about this machine's optional libraries and fonts, not about the content:
WeasyPrint then embeds the whole font instead of a subset (the PDF is as good, only
larger), or prints a box for a character no installed font has (a fullwidth letter,
an emoji; more fonts, such as Debian's fonts-noto, cover more).  A strict build must
not fail on a machine that lacks, say, HarfBuzz's subsetter."""
log = logging.getLogger("tejido.pdf")


def is_machine_note(message: str) -> bool:
    return bool(MACHINE_NOTES.match(message))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if is_machine_note(message):
            log.debug("WeasyPrint: %s", message)
            return
        self.messages.append(message)


@contextlib.contextmanager
def _engine_warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings (bad CSS, refused or broken images), collected."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def render_pdf(source: PdfSource) -> Rendered:
    """Render one document; top-level so that worker processes can run it."""
    engine = load_engine()
    fetcher = _local_fetcher(engine, source.allowed)
    base_url = source.base_dir.as_uri() + "/" if source.base_dir else None
    with _engine_warnings() as warnings:
        try:
            document = engine.HTML(string=source.html, base_url=base_url, url_fetcher=fetcher)
            css = engine.CSS(string=source.css, url_fetcher=fetcher)
            data = document.write_pdf(stylesheets=[css])
        except Exception as error:
            raise PdfRenderError(f"{type(error).__name__}: {error}") from None
    return Rendered(bytes(data), tuple(dict.fromkeys(warnings)))
