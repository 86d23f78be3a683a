"""The tejido/catalog plugin's settings as plain data, read from mkdocs.yml without MkDocs:
the command line (`tejido check --lang`…) and the build's first messages need them
before, or without, a MkDocs configuration."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

PLUGIN = "tejido/catalog"
MESSAGES_SETTING = "messages_language"


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml as plain data: MkDocs' own tags (!ENV, !relative, !!python/name:…)
    become nothing instead of stopping the read."""


def _nothing(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Lenient.add_multi_constructor("!", _nothing)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _nothing)


def plugin_settings(config_file: Path) -> Mapping[str, Any]:
    """The tejido/catalog plugin's settings in mkdocs.yml ({} when there are none, or
    when the file cannot be read: the build then says why)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    plugins = data.get("plugins") if isinstance(data, dict) else None
    items = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None))
        for p in plugins or ())
    for name, settings in items:
        if name == PLUGIN:
            return settings if isinstance(settings, dict) else {}
    return {}
