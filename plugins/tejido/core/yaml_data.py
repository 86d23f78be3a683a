"""Tejido's own data files (interface text, places, tile maps, stop words…), read with
libyaml where PyYAML was built with it: every build and every `tejido` command reads
them, and the pure-Python reader took a fifth of a second for the text tables alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(path: Path) -> Any:
    """A data file of the package, as plain data (safe tags only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
