"""Free text (summaries, descriptions, notes, the Markdown body): a private route of any
contact person in the catalog, a free-mail address or a mobile number written there
would be published as it stands."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tejido.core.i18n.messages import Part, msg
from tejido.core.model import fields as f
from tejido.core.model.contact import e164, is_mobile
from tejido.core.sources.source import Location
from tejido.core.validate.mask import (
    EMAIL_IN_TEXT,
    MIN_PHONE_DIGITS,
    PHONE_IN_TEXT,
    mask_email,
    mask_phone,
)
from tejido.core.validate.privacy.names import is_own_mailbox, provider
from tejido.core.validate.privacy.routes import Private
from tejido.core.validate.problems import Problem, Problems
from tejido.core.validate.validate import Context, dotted

PRIVATE_FIELDS = ("contact_person", "withdrawn")
"""Never published: not checked as public text."""


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
    def fail(message: Part, found: str, hint: Part) -> None:
        problems.add(Problem(item.path, item.line, item.field, message,
                             expected=msg("privacy.no-route-in-text"), found=found, hint=hint))

    for address in EMAIL_IN_TEXT.findall(item.text) if "@" in item.text else ():
        if address.lower() in private.emails:
            fail(msg("privacy.text-private-email"), mask_email(address),
                 msg("privacy.delete-email-hint"))
        elif provider(address) and not is_own_mailbox(address, names):
            fail(msg("privacy.text-personal-email"), mask_email(address),
                 msg("privacy.use-contact-hint"))
    for number in _numbers(item.text):
        if e164(number, country) in private.phones:
            fail(msg("privacy.text-private-phone"), mask_phone(number),
                 msg("privacy.delete-phone-hint"))
        elif is_mobile(number, country):
            fail(msg("privacy.text-mobile"), mask_phone(number), msg("privacy.use-contact-hint"))
