"""Messages to contributors as data: a key into the interface text table (`msg.<key>` in
`i18n/text.<lang>.yml`) and its named values, put into words only at the edge (the
command line, the MkDocs plugin), in the contributor's language.

A value is either ours (another message, a number) or the contributor's own data (a
field name, a value they wrote, a file name), which is shown as written in every
language and never translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Union

from tejido.core.i18n.labels import TABLES
from tejido.core.model.fields import DEFAULT_LANGUAGE, LANGUAGES
from tejido.core.validate.mask import mask_text

Part = Union[str, int, "Msg", "Joined", "Translated"]
"""Text of a message: the contributor's data as written (str, int), or ours (Msg)."""
PREFIX = "msg."
PLACEHOLDER = re.compile(r"\{(\w+)\}")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Where POSIX looks for the language of messages, the first one set winning."""


@dataclass(frozen=True)
class Msg:
    """One sentence of ours: its key (without `msg.`) and its values, by name."""

    key: str
    values: tuple[tuple[str, Part], ...] = ()

    def text(self, lang: str) -> str:
        template = TABLES[lang][PREFIX + self.key]
        values = {name: words(value, lang) for name, value in self.values}
        # Only {name} placeholders are replaced: our texts also show YAML like {es: …}.
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


@dataclass(frozen=True)
class Joined:
    """Parts written one after the other (a hint made of two sentences)."""

    parts: tuple[Part, ...]
    separator: str = ""


@dataclass(frozen=True)
class Translated:
    """Our own text that the content model already holds in both languages (a field's
    description), not the contributor's."""

    es: str
    en: str


def msg(key: str, /, **values: Part) -> Msg:
    """A message by its key in the text tables (without `msg.`), with its values."""
    return Msg(key, tuple(values.items()))


def joined(*parts: Part, separator: str = "") -> Part:
    kept = tuple(part for part in parts if part != "")
    return kept[0] if len(kept) == 1 else Joined(kept, separator) if kept else ""


def words(part: Part, lang: str = DEFAULT_LANGUAGE) -> str:
    """The part in the language `lang`; the contributor's data stays as written."""
    if isinstance(part, Msg):
        return part.text(lang)
    if isinstance(part, Joined):
        return part.separator.join(words(p, lang) for p in part.parts)
    if isinstance(part, Translated):
        return part.es if lang == "es" else part.en
    return str(part)


def masked(part: Part) -> Part:
    """Every e-mail and phone number in the contributor's data masked; ours stays."""
    if isinstance(part, Msg):
        return Msg(part.key, tuple((name, masked(value)) for name, value in part.values))
    if isinstance(part, Joined):
        return Joined(tuple(masked(p) for p in part.parts), part.separator)
    return mask_text(part) if isinstance(part, str) else part


def alternatives(items: Iterable[object]) -> Part:
    """'a or b or c', with the language's word for 'or'."""
    shown = [str(item) for item in items]
    result: Part = shown[-1] if shown else ""
    for item in reversed(shown[:-1]):
        result = msg("either", first=item, second=result)
    return result


def quoted(items: Iterable[object], separator: str = ", ") -> str:
    """Names as the contributor writes them ('a', 'b'), for a message's values."""
    return separator.join(f"'{item}'" for item in items)


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The language of the locale ('en_US.UTF-8' → 'en'), when it is one we speak."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGUAGES else None
    return None


def choose_language(asked: str | None, setting: str | None,
                    environ: Mapping[str, str]) -> str:
    """The contributor's language: `--lang`, else the setting in mkdocs.yml, else the
    locale, else the catalog's default language (Spanish)."""
    for chosen in (asked, setting, locale_language(environ)):
        if chosen in LANGUAGES:
            return chosen
    return DEFAULT_LANGUAGE


def say(lang: str, key: str, /, **values: Part) -> str:
    """One message put into words at once (what the command line prints)."""
    return msg(key, **values).text(lang)
