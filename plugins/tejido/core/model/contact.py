"""Contact routes: what of them is publishable, decided here and nowhere else.

An organization's `contact` holds its public routes: one `email`/`phone` (the
shorthand) or several `emails:`/`phones:`, each with an optional label (and a
phone extension), and a contact `form`. A `contact_person` is a person: never
published unless `public: true`. Pages, PDFs and open data get an entry's routes
only through `public_contact()` (as data) and never read those fields themselves.

Phone numbers are parsed with phonenumbers (Google's numbering-plan data) in the
entry's country, found from its address or regions through the regions
taxonomy's ISO codes; a number written with +CC parses without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import phonenumbers

from tejido.core.model.model import Entry, Text
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.outputs import html


@dataclass(frozen=True)
class Route:
    """One public way to reach an organization (or a contact person who agreed)."""

    kind: str
    """'email', 'phone' or 'form'."""
    shown: str
    """As a reader sees it: the address, the number in international format, the URL."""
    href: str
    """mailto:, tel: (with the extension, RFC 3966) or https:."""
    label: str = ""
    extension: str = ""

    def as_data(self) -> dict[str, str]:
        data = {"kind": self.kind, "value": self.shown, "href": self.href}
        data.update({k: v for k, v in (("label", self.label), ("extension", self.extension)) if v})
        return data


@dataclass(frozen=True)
class PublicPerson:
    name: str
    """Empty when only a role is written."""
    role: Text | None
    routes: tuple[Route, ...]


@dataclass(frozen=True)
class PublicContact:
    """Everything of an entry's contact details that may be published."""

    routes: tuple[Route, ...]
    person: PublicPerson | None

    def __bool__(self) -> bool:
        return bool(self.routes or self.person)

    def as_data(self) -> dict[str, Any]:
        """For open data: the same routes pages show, and nothing else."""
        data: dict[str, Any] = {"routes": [route.as_data() for route in self.routes]}
        if self.person is not None:
            data["person"] = {
                "name": self.person.name, "role": dict(self.person.role or {}),
                "routes": [route.as_data() for route in self.person.routes]}
        return data


# -- places and numbers -------------------------------------------------------

def country_of(values: Mapping[str, Any], regions: Taxonomy) -> str | None:
    """The ISO 3166-1 code of the entry's country: from its address's region, else its
    first region with a known country (a state's code 'MX-OAX' gives 'MX')."""
    candidates = []
    address = values.get("address")
    if isinstance(address, Mapping) and address.get("region"):
        candidates.append(address["region"])
    candidates.extend(values.get("regions", ()))
    for term in candidates:
        if term not in regions.terms:
            continue
        for step in (term, *regions.ancestors(term)):
            info = regions.terms[step]
            if info.country:  # a known place carries its country
                return info.country.upper()
            if info.iso:
                return info.iso.split("-")[0][:2].upper()
    return None


@dataclass(frozen=True)
class Reading:
    """A number as the numbering plan reads it."""

    e164: str
    """'+529515140000': one spelling per number, to compare two of them."""
    international: str
    """'+52 951 514 0000', as pages show it."""
    mobile: bool
    """True only where the plan can tell (Mexico's, since 2019, cannot: its numbers are
    'fixed line or mobile' and are not flagged)."""


@lru_cache(maxsize=65_536)
def reading(number: str, country: str | None) -> Reading | None:
    """None when the number cannot be read: without +CC in an entry whose country is
    unknown, too short or too long. Cached: a build reads each number several times
    (validation, the guard, every page and PDF that shows it)."""
    try:
        parsed = phonenumbers.parse(number, None if number.strip().startswith("+") else country)
    except phonenumbers.NumberParseException:
        return None
    # A local-only number (without its area code) cannot be dialled by a reader elsewhere.
    if phonenumbers.is_possible_number_with_reason(parsed) != \
            phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    return Reading(
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE)


def international(number: str, country: str | None) -> str:
    """'+52 951 514 0000' whatever way it was written; as written when unreadable."""
    found = reading(number, country)
    return found.international if found else number.strip()


def e164(number: str, country: str | None) -> str:
    found = reading(number, country)
    return found.e164 if found else "+" + "".join(ch for ch in number if ch.isdigit())


def is_mobile(number: str, country: str | None) -> bool:
    found = reading(number, country)
    return found.mobile if found else False


# -- the routes as written ------------------------------------------------------

@dataclass(frozen=True)
class Written:
    """A route as the file has it, with where it is (for the privacy guard)."""

    kind: str
    value: str
    where: tuple[str | int, ...]
    label: str = ""
    extension: str = ""
    consent: Mapping[str, Any] | None = None


def written_routes(details: Mapping[str, Any], where: tuple[str | int, ...] = ("contact",)
                   ) -> Iterator[Written]:
    """Every e-mail and phone of a `contact` (shorthands and lists) in file order, then
    the form."""
    if "email" in details:
        yield Written("email", details["email"], (*where, "email"))
    for i, item in enumerate(details.get("emails", ())):
        yield Written("email", item["address"], (*where, "emails", i, "address"),
                      item.get("label", ""), consent=item.get("consent"))
    if "phone" in details:
        yield Written("phone", details["phone"], (*where, "phone"))
    for i, item in enumerate(details.get("phones", ())):
        yield Written("phone", item["number"], (*where, "phones", i, "number"),
                      item.get("label", ""), item.get("extension", ""), item.get("consent"))
    if "form" in details:
        yield Written("form", details["form"], (*where, "form"))


def _route(item: Written, country: str | None) -> Route:
    if item.kind == "email":
        return Route("email", item.value, "mailto:" + item.value, item.label)
    if item.kind == "phone":
        tel = e164(item.value, country)
        href = f"tel:{tel};ext={item.extension}" if item.extension else f"tel:{tel}"
        return Route("phone", international(item.value, country), href, item.label,
                     item.extension)
    return Route("form", item.value, item.value, item.label)


def public_person(person: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """A contact person is personal data: published only with `public: true`."""
    return person if person and person.get("public") is True else None


def public_contact(entry: Entry, regions: Taxonomy) -> PublicContact:
    """The one answer to "what of this entry's contact details may be published?"."""
    country = country_of(entry.values, regions)
    routes = tuple(_route(item, country)
                   for item in written_routes(entry.values.get("contact", {})))
    person = public_person(entry.values.get("contact_person"))
    shown = None
    if person is not None:
        shown = PublicPerson(
            person.get("name", ""), person.get("role"),
            tuple(_route(item, country) for item in written_routes(person, ("contact_person",))))
    return PublicContact(routes, shown)


# -- as HTML (shared by entry pages and the printed directory) ----------------------

def link(url: str, shown: str | None = None) -> str:
    return f'<a href="{html.text(url)}">{html.text(shown or url)}</a>'


def route_html(route: Route, ext_word: str = "ext.") -> str:
    """For the printed directory: one route never breaks across lines (class `route`)."""
    extension = f" {ext_word} {route.extension}" if route.extension else ""
    label = (f' <span class="tj-route-label">({html.text(route.label)})</span>'
             if route.label else "")
    return f'<span class="route">{link(route.href, route.shown + extension)}{label}</span>'


def routes(found: tuple[Route, ...], ext_word: str = "ext.") -> list[str]:
    """Each route as a link, with its label."""
    return [route_html(route, ext_word) for route in found]


def person_html(person: PublicPerson, local: Callable[[Text], str]) -> tuple[str, list[str]]:
    """A public contact person's name and role (escaped), and their routes as links."""
    role = local(person.role) if person.role else ""
    name = html.text(person.name)
    who = f"{name} ({role})" if name and role else (name or role)
    return who, routes(person.routes)


def address(parts: Mapping[str, str], term: Callable[[str, str], str]) -> str:
    """Street, postal code, city and the region (linked by `term`)."""
    shown = [html.text(parts[key]) for key in ("street", "postal_code", "city") if key in parts]
    if "region" in parts:
        shown.append(term("regions", parts["region"]))
    return ", ".join(shown)
