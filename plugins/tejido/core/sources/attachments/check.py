"""One attachment's verdict: the check its type calls for, read once per version."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tejido.core.sources.attachments.documents import check_office, check_pdf
from tejido.core.sources.attachments.images import check_image, check_svg
from tejido.core.sources.attachments.rules import IMAGE_FORMATS, OFFICE_TYPES, Refusal, not_allowed


def check_attachment(path: Path) -> Refusal | None:
    """None if `path` may be published as it is; else why not.  Read once per version."""
    stat = path.stat()
    return _check(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _check(path: Path, size: int, mtime_ns: int) -> Refusal | None:
    suffix = path.suffix.lower()
    if suffix in IMAGE_FORMATS:
        return check_image(path, suffix, size)
    if suffix == ".svg":
        return check_svg(path, size)
    if suffix == ".pdf":
        return check_pdf(path, size)
    if suffix in OFFICE_TYPES:
        return check_office(path, suffix, size)
    return not_allowed(path.name, suffix)
