"""Settings of the `tejido/pdf` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from tejido.glue.settings import Expect, Failed, check_whole_number, every_failure

EXPECTED = {
    "enabled": Expect("true or false", "true"),
    "on_serve": Expect("true or false", "false"),
    "cache_dir": Expect("a folder, relative to the folder of mkdocs.yml", ".cache/tejido-pdf"),
    "guides": Expect("true or false", "true"),
    "directory": Expect("true or false", "true"),
    "workers": Expect("a whole number of processes, 0 (one per CPU core) or more", "0"),
}


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

    def validate(self) -> tuple[Failed, list[tuple[str, str]]]:
        failed, warnings = super().validate()
        failed = every_failure(self, failed, EXPECTED)
        if "workers" not in {name for name, _ in failed}:
            check_whole_number(failed, "workers", self.workers, 0, EXPECTED["workers"])
        return failed, warnings
