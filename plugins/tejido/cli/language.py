"""The language `tejido` speaks to a contributor: `--lang`, else the `messages_language`
setting of the tejido/catalog plugin in mkdocs.yml (the same setting the build reads),
else the locale (LC_ALL, LC_MESSAGES, LANG), else Spanish, the catalog's default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from tejido.core import LANGUAGES, choose_language, say

PLUGIN = "tejido/catalog"
SETTING = "messages_language"


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml as plain data: MkDocs' own tags (!ENV, !relative, !!python/name:…)
    become nothing instead of stopping the read."""


def _nothing(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Lenient.add_multi_constructor("!", _nothing)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _nothing)


class SettingError(Exception):
    """The setting in mkdocs.yml is not a language Tejido speaks (said in `lang`)."""


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


def messages_language(asked: str | None, config_file: Path,
                      environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak; SettingError when mkdocs.yml asks for one we do not speak."""
    setting = plugin_settings(config_file).get(SETTING)
    if setting is not None and setting not in LANGUAGES:
        lang = choose_language(asked, None, environ)
        raise SettingError(say(lang, "cli.bad-setting", file=config_file.name, setting=SETTING,
                               found=repr(setting), choices=" / ".join(LANGUAGES)))
    return choose_language(asked, setting, environ)
