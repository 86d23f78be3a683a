"""Checking plugin settings the way mkdocs-static-i18n does (`Config.validate()`), with
messages a site owner can act on: what the setting expects, what it found, an example.

MkDocs prints each as `Plugin 'tejido/catalog' option 'NAME': MESSAGE` and stops
before building, with every wrong setting listed at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.base import Config, ValidationError

Failed = list[tuple[str, Exception]]


@dataclass(frozen=True)
class Expect:
    """What a setting takes, in words, and an example of it in mkdocs.yml."""

    what: str
    example: str


def wrong(name: str, expect: Expect, found: object) -> ValidationError:
    return ValidationError(
        f"expected {expect.what}; found {found!r}. For example, under the plugin in "
        f"mkdocs.yml: `{name}: {expect.example}`")


def every_failure(config: Config, failed: Failed, expected: Mapping[str, Expect]) -> Failed:
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
    return [(name, wrong(name, expected[name], config.get(name)) if name in expected else error)
            for name, error in found.items()]


def check_whole_number(failed: Failed, name: str, value: object, least: int,
                       expect: Expect) -> None:
    # bool is an int in Python: `listing_page_size: true` is a mistake, not 1.
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        failed.append((name, wrong(name, expect, value)))


def check_folder(failed: Failed, name: str, value: str, base: Path, inside: str,
                 expect: Expect) -> Path | None:
    """The folder `value` (relative to `base`, the folder of mkdocs.yml), which must hold
    `inside`; None, with the problem added to `failed`, when it does not."""
    folder = (base / value).resolve()
    if not folder.is_dir():
        failed.append((name, ValidationError(
            f"the folder {value!r} does not exist (looked for {folder}); expected "
            f"{expect.what}, relative to the folder of mkdocs.yml. For example: "
            f"`{name}: {expect.example}`")))
        return None
    if not (folder / inside).is_dir():
        failed.append((name, ValidationError(
            f"the folder {value!r} ({folder}) has no {inside}/ folder; expected "
            f"{expect.what}. For example: `{name}: {expect.example}`")))
        return None
    return folder


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def check_template(failed: Failed, name: str, value: str, schemes: tuple[str, ...],
                   known: tuple[str, ...], needed: tuple[str, ...], expect: Expect) -> None:
    """A link template: an allowed scheme, only known {placeholders}, the needed ones."""
    used = PLACEHOLDER.findall(value)
    unknown = [p for p in used if p not in known]
    missing = [p for p in needed if p not in used]
    if not value.startswith(schemes) or unknown or missing:
        why = (f"unknown {', '.join('{' + p + '}' for p in unknown)} (known: "
               f"{', '.join('{' + p + '}' for p in known)}); " if unknown else
               f"no {', '.join('{' + p + '}' for p in missing)}; " if missing else "")
        failed.append((name, ValidationError(
            f"{why}expected {expect.what}; found {value!r}. For example: "
            f"`{name}: {expect.example}`")))
