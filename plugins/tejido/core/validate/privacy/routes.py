"""The rules on an organization's contact routes: each looks like the organization's
own, or was published on purpose (`consent`), or is refused with the way out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tejido.core.i18n.messages import Part, msg
from tejido.core.model.contact import Written, e164, is_mobile, reading, written_routes
from tejido.core.sources.source import Location
from tejido.core.validate.mask import EMAIL_IN_TEXT, mask_email, mask_phone
from tejido.core.validate.privacy.names import (
    host,
    is_own_mailbox,
    masked_url,
    mentions_person,
    own_names,
    person_parts,
    provider,
)
from tejido.core.validate.validate import Context

CONSENT_EXAMPLE = '{date: 2026-03-01, source: "Acta de asamblea del 1 de marzo de 2026"}'

HINT_EMAIL = msg("privacy.move-email", example=CONSENT_EXAMPLE)
HINT_PHONE = msg("privacy.move-phone", example=CONSENT_EXAMPLE)


@dataclass(frozen=True)
class Private:
    """The contact persons' routes in the whole catalog, to find them anywhere else."""

    emails: frozenset[str]
    phones: frozenset[str]
    """E.164."""


def private_routes(values: Mapping[str, Any], country: str | None) -> Private:
    person = values.get("contact_person") or {}
    if person.get("public") is True:
        return Private(frozenset(), frozenset())
    emails = {person["email"].lower()} if "email" in person else set()
    phones = {e164(person["phone"], country)} if "phone" in person else set()
    return Private(frozenset(emails), frozenset(phones))


@dataclass(frozen=True)
class Who:
    """Computed once per entry: the organization's own names, the contact person's."""

    names: set[str]
    parts: tuple[str, ...]
    private: Private


def _route_problems(route: Written, values: Mapping[str, Any], country: str | None,
                    who: Who) -> Iterator[tuple[Part, Part]]:
    """(message, hint) for each reason the route looks personal."""
    names, parts, private = who.names, who.parts, who.private
    hint = HINT_PHONE if route.kind == "phone" else HINT_EMAIL
    if route.kind == "email":
        at = provider(route.value)
        own_domain = "website" in values and host(values["website"]) == at
        if at and not own_domain and not is_own_mailbox(route.value, names):
            yield msg("privacy.personal-email", provider=at), hint
        if route.value.lower() in private.emails:
            yield msg("privacy.persons-email"), hint
    if route.kind in ("email", "form") and mentions_person(route.value, parts):
        yield msg("privacy.names-person"), (
            hint if route.kind == "email" else msg("privacy.form-hint"))
    if route.kind == "phone":
        if is_mobile(route.value, country):
            yield msg("privacy.mobile"), hint
        if e164(route.value, country) in private.phones:
            yield msg("privacy.persons-phone"), hint


def check_numbers(ctx: Context, values: Mapping[str, Any], country: str | None) -> None:
    """Every phone must be readable by the numbering plan, to be shown in one
    international format (and compared with the contact person's)."""
    person = values.get("contact_person") or {}
    routes = [*written_routes(values.get("contact") or {}),
              *written_routes(person, ("contact_person",))]
    for route in routes:
        if route.kind == "phone" and reading(route.value, country) is None:
            hint = (msg("privacy.country-code-hint") if country is None
                    else msg("privacy.digits-hint", country=country))
            ctx.fail(route.where, msg("privacy.unreadable-phone"), expected=msg("form.phone"),
                     found=mask_phone(route.value), hint=hint)


def check_contact(ctx: Context, values: Mapping[str, Any], country: str | None,
                  names: set[str] | None = None) -> None:
    """The organization's (or network's) public routes, each on its own line."""
    check_numbers(ctx, values, country)
    names = own_names(values) if names is None else names
    who = Who(names, person_parts(values), private_routes(values, country))
    for route in written_routes(values.get("contact") or {}):
        if route.consent:
            continue  # published on purpose, with the date and source on record
        for message, hint in _route_problems(route, values, country, who):
            shown = {"phone": mask_phone, "email": mask_email}.get(route.kind, masked_url)(
                route.value)
            ctx.fail(route.where, message, expected=msg("privacy.own-route"),
                     found=shown, hint=hint)
    parts = who.parts
    addresses: list[tuple[Location, str]] = [(("social", k), url) for k, url in
                                             (values.get("social") or {}).items()]
    if "website" in values:
        addresses.insert(0, (("website",), values["website"]))
    for where, url in addresses:
        if mentions_person(url, parts):
            ctx.fail(where, msg("privacy.names-person"), expected=msg("privacy.own-page"),
                     found=masked_url(url), hint=msg("privacy.page-hint"))
    verified_by = values.get("verified_by") or {}
    for lang, text in verified_by.items():
        if mentions_person(text, parts) or EMAIL_IN_TEXT.search(text):
            ctx.fail(("verified_by", lang), msg("privacy.verified-by-person"),
                     expected=msg("privacy.role"),
                     found=msg("privacy.persons-name") if mentions_person(text, parts)
                     else msg("privacy.an-email"), hint=msg("privacy.verified-by-hint"))
