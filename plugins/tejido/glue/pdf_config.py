"""Settings of the `tejido/pdf` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class PdfConfig(Config):  # type: ignore[no-untyped-call]
    enabled = opt.Type(bool, default=True)
    """Turn every PDF off (guides keep their page; attached files are still published)."""
    on_serve = opt.Type(bool, default=False)
    """Also make PDFs under `mkdocs serve`; off by default so the preview stays fast."""
    cache_dir = opt.Type(str, default=".cache/tejido-pdf")
    """Rendered PDFs, by a hash of their inputs; relative to the folder of mkdocs.yml."""
    guides = opt.Type(bool, default=True)
    """A PDF of every Markdown guide, in each language its text exists in."""
    directory = opt.Type(bool, default=True)
    """The whole directory as a printable PDF, one per language."""
    workers = opt.Type(int, default=0)
    """Processes rendering PDFs at once; 0 means one per CPU core."""

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        failed, warnings = super().validate()
        if isinstance(self.workers, int) and self.workers < 0:
            failed.append(("workers", ValueError("expected 0 (one per core) or more, "
                                                 f"found {self.workers}")))
        return failed, warnings
