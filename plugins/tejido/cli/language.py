"""The language `tejido` speaks to a contributor: `--lang`, else the `messages_language`
setting of the tejido/catalog plugin in mkdocs.yml (the same setting the build reads),
else the locale (LC_ALL, LC_MESSAGES, LANG), else Spanish, the catalog's default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from tejido.core import LANGUAGES, MESSAGES_SETTING, choose_language, plugin_settings, say


class SettingError(Exception):
    """The setting in mkdocs.yml is not a language Tejido speaks (said in `lang`)."""


def messages_language(asked: str | None, config_file: Path,
                      environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak; SettingError when mkdocs.yml asks for one we do not speak."""
    setting = plugin_settings(config_file).get(MESSAGES_SETTING)
    if setting is not None and setting not in LANGUAGES:
        lang = choose_language(asked, None, environ)
        raise SettingError(say(lang, "cli.bad-setting", file=config_file.name,
                               setting=MESSAGES_SETTING, found=repr(setting),
                               choices=" / ".join(LANGUAGES)))
    return choose_language(asked, setting, environ)
