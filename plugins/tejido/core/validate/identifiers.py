"""Registered identifiers of organizations, in org-id.guide's schemes (MX-RFC, GT-NIT,
SV-NIT, XI-WIKIDATA, …): the schemes we accept, the form of each where we know it, and
the register's public page of one organization where it has one.

The schemes are data (`data/identifier-schemes.yml`), so a site owner adds one without
touching code."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from tejido.core.i18n.messages import Part, msg
from tejido.core.yaml_data import read_data

SCHEMES_FILE = Path(__file__).parents[1] / "data" / "identifier-schemes.yml"
WIKIDATA = "XI-WIKIDATA"
_SEPARATORS = re.compile(r"[\s\-./]")


@dataclass(frozen=True)
class Scheme:
    code: str
    name: str
    form: re.Pattern[str] | None = None
    example: str = ""
    page: str = ""
    """The register's page of one organization, with {id}; empty where it has none."""


@functools.cache
def schemes() -> dict[str, Scheme]:
    data = read_data(SCHEMES_FILE)
    return {
        code: Scheme(code, str(item["name"]),
                     re.compile(item["form"]) if item.get("form") else None,
                     str(item.get("example", "")), str(item.get("page", "")))
        for code, item in data["schemes"].items()
    }


def scheme_codes() -> tuple[str, ...]:
    return tuple(schemes())


def compact(identifier: str) -> str:
    """The identifier as its form is checked: upper-case, without separators."""
    return _SEPARATORS.sub("", identifier).upper()


def form_problem(scheme: str, identifier: str) -> Part | None:
    """What is wrong with the identifier's form, or None (also when the form is unknown)."""
    known = schemes().get(scheme)
    if known is None or known.form is None:
        return None
    if known.form.match(compact(identifier)):
        return None
    return msg("identifier-like", example=known.example) if known.example else msg(
        "identifier-form")


def page(scheme: str, identifier: str) -> str | None:
    """The register's public page of this organization, where there is one."""
    known = schemes().get(scheme)
    if known is None or not known.page:
        return None
    return known.page.replace("{id}", identifier.strip())


def org_id(scheme: str, identifier: str) -> str:
    """The org-id.guide form of an identifier: scheme, hyphen, identifier."""
    return f"{scheme}-{identifier.strip()}"
