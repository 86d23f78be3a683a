"""Checking plugin settings the way mkdocs-static-i18n does (`Config.validate()`), with
messages a site owner can act on: what the setting expects, what it found, an example.

MkDocs prints each as `Plugin 'tejido/catalog' option 'NAME': MESSAGE` and stops
before building, with every wrong setting listed at once.  Our part of each message is
worded from the text tables (`msg.setting.*`) in the contributor's language, chosen as for
other build errors: the `messages_language` setting, else the locale, else Spanish.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.base import Config, ValidationError

from tejido.core import MESSAGES_SETTING, choose_language, plugin_settings, say

Failed = list[tuple[str, Exception]]


@dataclass(frozen=True)
class Expect:
    """What a setting takes (the key of its words in the text tables, without `msg.`)
    and an example of it in mkdocs.yml (the same in every language)."""

    what: str
    example: str


def messages_language(config: Config) -> str:
    """The language of the messages: this plugin's `messages_language` setting when it
    has one (tejido/catalog), else the catalog plugin's in mkdocs.yml (tejido/pdf), else
    the locale, else Spanish.  An invalid setting is passed over here (it is reported)."""
    setting = config.get(MESSAGES_SETTING) if MESSAGES_SETTING in config else plugin_settings(
        Path(config.config_file_path or "mkdocs.yml")).get(MESSAGES_SETTING)
    return choose_language(None, setting if isinstance(setting, str) else None, os.environ)


def wrong(name: str, expect: Expect, found: object, lang: str) -> ValidationError:
    return ValidationError(say(lang, "setting.wrong", what=say(lang, expect.what),
                               found=repr(found), name=name, example=expect.example))


def every_failure(config: Config, failed: Failed, expected: Mapping[str, Expect],
                  lang: str) -> Failed:
    """All the settings MkDocs' own checks refuse, in our words.

    `Config.validate` stops at the first wrong setting; a site owner should see them all
    at once, so the others are checked here too.  MkDocs' messages ("Expected type:
    <class 'int'>…") are replaced by what the setting expects and an example."""
    found = dict(failed)
    for name, option in config._schema:
        if name in found:
            continue
        try:
            option.validate(config.get(name))
        except ValidationError as error:
            found[name] = error
    return [(name, wrong(name, expected[name], config.get(name), lang)
             if name in expected else error)
            for name, error in found.items()]


def check_whole_number(failed: Failed, name: str, value: object, least: int,
                       expect: Expect, lang: str) -> None:
    # bool is an int in Python: `listing_page_size: true` is a mistake, not 1.
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        failed.append((name, wrong(name, expect, value, lang)))


def check_folder(failed: Failed, name: str, value: str, base: Path, inside: str,
                 expect: Expect, lang: str) -> Path | None:
    """The folder `value` (relative to `base`, the folder of mkdocs.yml), which must hold
    `inside`; None, with the problem added to `failed`, when it does not."""
    folder = (base / value).resolve()
    key = ("setting.no-folder" if not folder.is_dir() else
           "setting.no-inside" if not (folder / inside).is_dir() else None)
    if key is None:
        return folder
    failed.append((name, ValidationError(say(
        lang, key, value=repr(value), folder=str(folder), inside=inside,
        what=say(lang, expect.what), name=name, example=expect.example))))
    return None


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def check_template(failed: Failed, name: str, value: str, schemes: tuple[str, ...],
                   known: tuple[str, ...], needed: tuple[str, ...], expect: Expect,
                   lang: str) -> None:
    """A link template: an allowed scheme, only known {placeholders}, the needed ones."""
    used = PLACEHOLDER.findall(value)
    unknown = [p for p in used if p not in known]
    missing = [p for p in needed if p not in used]
    if not value.startswith(schemes) or unknown or missing:
        why = (say(lang, "setting.unknown", unknown=braced(unknown), known=braced(known))
               if unknown else say(lang, "setting.missing", missing=braced(missing))
               if missing else "")
        failed.append((name, ValidationError(say(
            lang, "setting.template", why=why, what=say(lang, expect.what),
            found=repr(value), name=name, example=expect.example))))


def braced(names: list[str] | tuple[str, ...]) -> str:
    """Placeholders as written in a template: {path}, {title}."""
    return ", ".join("{" + name + "}" for name in names)
