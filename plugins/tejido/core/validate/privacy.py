"""The privacy guard: personal data is refused before it can be published by mistake.

Many small collectives have no office: their only phone is a member's mobile and
their only e-mail a personal free-mail address. Written under the organization's
`contact` (public), such a route would be published on every page and PDF. So a
route there that looks personal is an error, with two ways out in the hint: move
it to `contact_person` (never published), or record that the organization publishes
it on purpose (`consent: {date, source}` on that one route).

A route looks personal when
- it is an e-mail at a free-mail or internet provider (`data/free_mail.yml`) whose
  local part is not the organization's name, acronym or handle;
- an e-mail or web address contains the name written in `contact_person`;
- the numbering plan says the number is a mobile (where it can tell);
- it repeats a phone or e-mail written under `contact_person`.
Free text (summaries, descriptions, notes, the Markdown body) is checked too: a
private route of any contact person in the catalog, a free-mail address or a mobile
number written there would be published as it stands. `verified_by` must name a
role or an organization, never the contact person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from tejido.core.i18n.text import fold
from tejido.core.model import fields as f
from tejido.core.model.contact import Written, e164, is_mobile, reading, written_routes
from tejido.core.sources.source import Location
from tejido.core.validate.mask import (
    EMAIL_IN_TEXT,
    MIN_PHONE_DIGITS,
    PHONE_IN_TEXT,
    mask_email,
    mask_phone,
)
from tejido.core.validate.problems import Problem, Problems
from tejido.core.validate.validate import Context, dotted

PRIVATE_FIELDS = ("contact_person", "withdrawn")
"""Never published: not checked as public text."""
PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "van",
                       "von", "the", "and", "san", "santa"})
MIN_NAME_PART = 3
CONSENT_EXAMPLE = '{date: 2026-03-01, source: "Acta de asamblea del 1 de marzo de 2026"}'


@cache
def free_mail_domains() -> frozenset[str]:
    data = yaml.safe_load((Path(__file__).parents[1] / "data" / "free_mail.yml").read_text("utf-8"))
    return frozenset(str(d).lower() for group in data.values() for d in group)


def provider(address: str) -> str | None:
    """The free-mail or internet provider an address is at (a subdomain counts)."""
    domain = address.rpartition("@")[2].lower().rstrip(".")
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in free_mail_domains():
            return ".".join(parts[i:])
    return None


def _alnum(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def masked_url(url: str) -> str:
    """Only the site of an address that may name a person: 'facebook.com/•••'."""
    return f"{_host(url)}/•••"


# -- who the organization is, and who the person is --------------------------------

def own_names(values: Mapping[str, Any]) -> set[str]:
    """The organization's name (joined and by its initials), acronym, social handles and
    website name, folded to letters and digits: what its own mailbox may be called."""
    names: set[str] = set()
    title = values.get("name")
    if isinstance(title, str):
        words = [w for w in re.split(r"\W+", fold(title)) if w]
        names.add("".join(words))
        names.add("".join(w[0] for w in words if w not in PARTICLES))
        names.update(w for w in words if len(w) >= 5 and w not in PARTICLES)
    acronym = values.get("acronym")
    if isinstance(acronym, str):
        names.add(_alnum(acronym))
    for url in (values.get("social") or {}).values():
        path = [p for p in urlsplit(url).path.split("/") if p]
        if path:
            names.add(_alnum(path[-1]))
    if "website" in values:
        names.add(_alnum(_host(values["website"]).split(".")[0]))
    return {n for n in names if len(n) >= MIN_NAME_PART}


def is_own_mailbox(address: str, names: set[str]) -> bool:
    """`colectivoflores@gmail.com` for Colectivo Flores; `seres.sv@…` for SERES."""
    local = _alnum(address.rpartition("@")[0])
    return any(name in local or (len(local) >= 4 and local in name) for name in names)


def person_parts(values: Mapping[str, Any]) -> tuple[str, ...]:
    """The words of the contact person's name (folded, without particles), except those
    the organization's own name or acronym shares (Colectivo Flores, with María Flores)."""
    person = values.get("contact_person")
    if not person or not isinstance(person.get("name"), str):
        return ()
    words = [w for w in re.split(r"\W+", fold(person["name"])) if w]
    own = _alnum(f"{values.get('name', '')} {values.get('acronym', '')}")
    return tuple(w for w in words
                 if len(w) >= MIN_NAME_PART and w not in PARTICLES and w not in own)


def mentions_person(text: str, parts: tuple[str, ...]) -> bool:
    """'ana.perez@…', 'aperez@…', 'facebook.com/anaperez': a part of the name as a word
    of the address, a long part (5 letters or more) anywhere, or an initial and a
    surname together."""
    if not parts:
        return False
    folded = fold(text)
    pieces = {p for p in re.split(r"[^a-z0-9]+", folded) if p}
    joined = _alnum(text)
    for i, part in enumerate(parts):
        if part in pieces or (len(part) >= 5 and part in joined):
            return True
        initials = {p[0] + part for j, p in enumerate(parts) if j != i}
        if any(piece.startswith(initial) for piece in pieces for initial in initials
               if len(initial) >= 4):
            return True
    return False


# -- the rules ------------------------------------------------------------------

HINT_MOVE = ("if it is a person's, move it under 'contact_person:' (never published); if the "
             "organization publishes it on purpose, ")
HINT_EMAIL = (HINT_MOVE + "write it under 'emails:' with the date and source of that consent:\n"
              "      emails:\n        - address: …\n          consent: " + CONSENT_EXAMPLE)
HINT_PHONE = (HINT_MOVE + "write it under 'phones:' with the date and source of that consent:\n"
              "      phones:\n        - number: …\n          consent: " + CONSENT_EXAMPLE)


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
                    who: Who) -> Iterator[tuple[str, str]]:
    """(message, hint) for each reason the route looks personal."""
    names, parts, private = who.names, who.parts, who.private
    hint = HINT_PHONE if route.kind == "phone" else HINT_EMAIL
    if route.kind == "email":
        at = provider(route.value)
        own_domain = "website" in values and _host(values["website"]) == at
        if at and not own_domain and not is_own_mailbox(route.value, names):
            yield (f"this looks like a person's e-mail: {at} gives mailboxes to people, and the "
                   "part before '@' is not the organization's name, acronym or handle"), hint
        if route.value.lower() in private.emails:
            yield "this e-mail is also the contact person's (private)", hint
    if route.kind in ("email", "form") and mentions_person(route.value, parts):
        yield "this address contains the name of the contact person", (
            hint if route.kind == "email" else
            "a contact person's own page is not published: give the organization's form")
    if route.kind == "phone":
        if is_mobile(route.value, country):
            yield "the numbering plan says this is a mobile number, most often a person's", hint
        if e164(route.value, country) in private.phones:
            yield "this number is also the contact person's (private)", hint


def check_numbers(ctx: Context, values: Mapping[str, Any], country: str | None) -> None:
    """Every phone must be readable by the numbering plan, to be shown in one
    international format (and compared with the contact person's)."""
    person = values.get("contact_person") or {}
    routes = [*written_routes(values.get("contact") or {}),
              *written_routes(person, ("contact_person",))]
    for route in routes:
        if route.kind == "phone" and reading(route.value, country) is None:
            hint = ("write it with its country code, like +52 951 514 0000" if country is None
                    else f"check the digits; a number from another country than {country} "
                         "needs its country code, like +52")
            ctx.fail(route.where, "this phone number cannot be read",
                     expected="a phone number like +52 951 123 4567",
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
            ctx.fail(route.where, message, expected="the organization's own route",
                     found=shown, hint=hint)
    parts = who.parts
    addresses: list[tuple[Location, str]] = [(("social", k), url) for k, url in
                                             (values.get("social") or {}).items()]
    if "website" in values:
        addresses.insert(0, (("website",), values["website"]))
    for where, url in addresses:
        if mentions_person(url, parts):
            ctx.fail(where, "this address contains the name of the contact person",
                     expected="the organization's own page", found=masked_url(url),
                     hint="a person's own page or profile is not published: give the "
                          "organization's, or leave it out")
    verified_by = values.get("verified_by") or {}
    for lang, text in verified_by.items():
        if mentions_person(text, parts) or EMAIL_IN_TEXT.search(text):
            ctx.fail(("verified_by", lang), "verified_by names a person",
                     expected="a role or an organization",
                     found="the contact person's name" if mentions_person(text, parts)
                     else "an e-mail address",
                     hint="write who checked as a role ('coordinación de la red') or an "
                          "organization, never a person's name")


# -- free text -----------------------------------------------------------------

@dataclass(frozen=True)
class PublicText:
    """A published value of free text, with where it is."""

    path: str
    line: int
    field: str
    text: str


def public_texts(ctx: Context, spec_fields: tuple[f.Field, ...], values: Mapping[str, Any],
                 here: Location = ()) -> Iterator[PublicText]:
    """Every text value that is published as written (not the contact routes, which
    have their own rules, nor the private fields)."""
    for spec in spec_fields:
        value = values.get(spec.name)
        where = (*here, spec.name)
        if value is None or spec.name in PRIVATE_FIELDS or where == ("contact",):
            continue
        if isinstance(spec.type, (f.Text, f.Url)):
            yield PublicText(ctx.doc.path, ctx.doc.line(where), dotted(where), str(value))
        elif isinstance(spec.type, f.Bilingual):
            for lang, text in value.items():
                yield PublicText(ctx.doc.path, ctx.doc.line((*where, lang)),
                                 dotted((*where, lang)), text)
        elif isinstance(spec.type, f.Record):
            yield from public_texts(ctx, spec.type.fields, value, where)
        elif isinstance(spec.type, f.ListOf):
            for i, item in enumerate(value):
                yield from public_texts(ctx, spec.type.item.fields, item, (*where, i))


def body_texts(path: str, body: str, first_line: int) -> Iterator[PublicText]:
    for number, line in enumerate(body.splitlines()):
        if "@" in line or any(ch.isdigit() for ch in line):
            yield PublicText(path, first_line + number, "text", line)


DIGITS = re.compile(r"\d[\d ()\-.]{5}")
"""A cheap first look: most texts hold no run of digits long enough to be a phone."""


def may_hold_route(text: str) -> bool:
    """Only such texts are kept for the cross-entry check (memory at 10,000 entries)."""
    return "@" in text or DIGITS.search(text) is not None


def _numbers(text: str) -> Iterator[str]:
    if not DIGITS.search(text):
        return
    for match in PHONE_IN_TEXT.finditer(text):
        if sum(ch.isdigit() for ch in match.group(0)) >= MIN_PHONE_DIGITS:
            yield match.group(0)


def check_text(item: PublicText, private: Private, country: str | None,
               names: set[str], problems: Problems) -> None:
    """A route written in free text is published as it stands."""
    def fail(message: str, found: str, hint: str) -> None:
        problems.add(Problem(item.path, item.line, item.field, message,
                             expected="no personal e-mail or phone in the text", found=found,
                             hint=hint))

    for address in EMAIL_IN_TEXT.findall(item.text) if "@" in item.text else ():
        if address.lower() in private.emails:
            fail("the text contains a contact person's private e-mail", mask_email(address),
                 "delete it from the text: a contact person's e-mail is never published")
        elif provider(address) and not is_own_mailbox(address, names):
            fail("the text contains what looks like a person's e-mail", mask_email(address),
                 "write the organization's routes under 'contact:' (a personal one with its "
                 "consent), not in the text")
    for number in _numbers(item.text):
        if e164(number, country) in private.phones:
            fail("the text contains a contact person's private phone", mask_phone(number),
                 "delete it from the text: a contact person's phone is never published")
        elif is_mobile(number, country):
            fail("the text contains a mobile number, most often a person's", mask_phone(number),
                 "write the organization's routes under 'contact:' (a personal one with its "
                 "consent), not in the text")
