"""Settings of the `tejido/pdf` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from tejido.glue.settings import (
    Expect,
    Failed,
    check_whole_number,
    every_failure,
    messages_language,
)

EXPECTED = {  # the words are `msg.setting.what.*` in the text tables
    "enabled": Expect("setting.what.bool", "true"),
    "on_serve": Expect("setting.what.bool", "false"),
    "cache_dir": Expect("setting.what.cache-dir", ".cache/tejido-pdf"),
    "guides": Expect("setting.what.bool", "true"),
    "directory": Expect("setting.what.bool", "true"),
    "workers": Expect("setting.what.workers", "0"),
    "part_size": Expect("setting.what.part-size", "250"),
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
    """The directory as printable PDFs: one per region and per theme, in each language (and
    the whole of it in one file while it has no more than `part_size` organizations)."""
    workers = opt.Type(int, default=0)
    """Processes rendering PDFs at once; 0 means one per CPU core."""
    part_size = opt.Type(int, default=250)
    """Organizations in one directory PDF at most: a larger part is cut by state, then
    into volumes.  250 keeps a part near 100 pages, rendered in well under 2 minutes and
    500 MB (bench/pdf_time.py)."""

    def validate(self) -> tuple[Failed, list[tuple[str, str]]]:
        failed, warnings = super().validate()
        lang = messages_language(self)
        failed = every_failure(self, failed, EXPECTED, lang)
        if "workers" not in {name for name, _ in failed}:
            check_whole_number(failed, "workers", self.workers, 0, EXPECTED["workers"], lang)
        if "part_size" not in {name for name, _ in failed}:
            check_whole_number(failed, "part_size", self.part_size, 1, EXPECTED["part_size"],
                               lang)
        return failed, warnings
