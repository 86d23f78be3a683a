"""Licences by SPDX identifier: the short name readers see, the full title and the
deed's address.  One table for guides' `licence`, the data licence setting, the footer,
the About page and every open-data file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Licence:
    id: str
    """Its SPDX identifier (or a code Tejido knows, such as all-rights-reserved)."""
    name: str
    """Short, as written under a work: 'CC BY-SA 4.0'."""
    title: str
    url: str
    """The licence's own page; empty where there is none."""


def _cc(code: str, words: str) -> Licence:
    short = code.removeprefix("CC-")
    path = short.lower()
    return Licence(f"CC-{short}-4.0", f"CC {short} 4.0",
                   f"Creative Commons {words} 4.0 International",
                   f"https://creativecommons.org/licenses/{path}/4.0/")


LICENCES: Mapping[str, Licence] = MappingProxyType({
    item.id: item for item in (
        _cc("CC-BY", "Attribution"),
        _cc("CC-BY-SA", "Attribution-ShareAlike"),
        _cc("CC-BY-NC", "Attribution-NonCommercial"),
        _cc("CC-BY-NC-SA", "Attribution-NonCommercial-ShareAlike"),
        _cc("CC-BY-ND", "Attribution-NoDerivatives"),
        _cc("CC-BY-NC-ND", "Attribution-NonCommercial-NoDerivatives"),
        Licence("CC0-1.0", "CC0 1.0", "Creative Commons Zero 1.0 Universal",
                "https://creativecommons.org/publicdomain/zero/1.0/"),
        Licence("ODbL-1.0", "ODbL 1.0", "Open Data Commons Open Database License 1.0",
                "https://opendatacommons.org/licenses/odbl/1-0/"),
        Licence("all-rights-reserved", "All rights reserved", "All rights reserved", ""),
    )
})


def licence(code: str) -> Licence:
    """The licence of a code; an unknown code is shown as written, unlinked."""
    return LICENCES.get(code, Licence(code, code, code, ""))
