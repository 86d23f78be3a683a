"""How contact details become HTML, and the rule that keeps private ones out.

Shared by entry pages and the printed directory, so both publish the same."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
