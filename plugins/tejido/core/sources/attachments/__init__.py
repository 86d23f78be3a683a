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

The checks live by kind of file: `rules.py` (what is allowed, the limits, a refusal's
words), `images.py` (pictures and SVG drawings), `documents.py` (PDF and office
documents) and `check.py`, which picks the check by the file's type.
"""

from tejido.core.sources.attachments.check import check_attachment
from tejido.core.sources.attachments.documents import UnreadablePdf, pdf_pages
from tejido.core.sources.attachments.rules import ALLOWED, Refusal

__all__ = ["ALLOWED", "Refusal", "UnreadablePdf", "check_attachment", "pdf_pages"]
