"""How contact details become HTML, and the rule that keeps private ones out.

Shared by entry pages and the printed directory, so both publish the same."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import html


def link(url: str, shown: str | None = None) -> str:
    return f'<a href="{html.text(url)}">{html.text(shown or url)}</a>'


def route_links(contact: Mapping[str, str]) -> list[tuple[str, str]]:
    """E-mail, phone and contact form, each as (link, text shown)."""
    found = []
    if "email" in contact:
        found.append(("mailto:" + contact["email"], contact["email"]))
    if "phone" in contact:
        found.append(("tel:" + contact["phone"].replace(" ", ""), contact["phone"]))
    if "form" in contact:
        found.append((contact["form"], contact["form"]))
    return found


def routes(contact: Mapping[str, str]) -> list[str]:
    """E-mail, phone and contact form, each as an HTML link (for the printed directory)."""
    return [link(href, shown) for href, shown in route_links(contact)]


def public_person(person: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """A contact person is personal data: published only with `public: true`."""
    return person if person and person.get("public") is True else None


def address(parts: Mapping[str, str], term: Callable[[str, str], str]) -> str:
    """Street, postal code, city and the region (linked by `term`)."""
    shown = [html.text(parts[key]) for key in ("street", "postal_code", "city") if key in parts]
    if "region" in parts:
        shown.append(term("regions", parts["region"]))
    return ", ".join(shown)


@dataclass(frozen=True)
class Route:
    """One way to reach an entry that may be published."""

    kind: str
    """"email", "phone" or "form"."""
    value: str
    label: str = ""
    extension: str = ""


@dataclass(frozen=True)
class PublicContact:
    routes: tuple[Route, ...]
    """The organization's own routes."""
    person_name: str = ""
    person_role: Mapping[str, str] | None = None
    person_routes: tuple[Route, ...] = ()
    """A contact person's routes, present only when the entry says `public: true`."""


def _listed(details: Mapping[str, Any]) -> list[Route]:
    found = []
    if "email" in details:
        found.append(Route("email", str(details["email"])))
    for item in details.get("emails", ()):
        found.append(Route("email", str(item["address"]), str(item.get("label", ""))))
    if "phone" in details:
        found.append(Route("phone", str(details["phone"])))
    for item in details.get("phones", ()):
        found.append(Route("phone", str(item["number"]), str(item.get("label", "")),
                           str(item.get("extension", ""))))
    if "form" in details:
        found.append(Route("form", str(details["form"])))
    return found


def public_contact(values: Mapping[str, Any]) -> PublicContact:
    """Every contact route of an entry that may be published, as data: the one function
    exports (CSV, JSON, HSDS) call, so the privacy rule lives only here."""
    person = public_person(values.get("contact_person"))
    return PublicContact(
        routes=tuple(_listed(values.get("contact") or {})),
        person_name=str(person.get("name", "")) if person else "",
        person_role=person.get("role") if person else None,
        person_routes=tuple(_listed(person)) if person else (),
    )
