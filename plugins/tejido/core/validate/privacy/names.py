"""Who the organization is and who its contact person is: the names a route is
compared with, and the free-mail providers that give mailboxes to people."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tejido.core.i18n.text import fold
from tejido.core.yaml_data import read_data

PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "van",
                       "von", "the", "and", "san", "santa"})
MIN_NAME_PART = 3


@cache
def free_mail_domains() -> frozenset[str]:
    data = read_data(Path(__file__).parents[2] / "data" / "free_mail.yml")
    return frozenset(str(d).lower() for group in data.values() for d in group)


def provider(address: str) -> str | None:
    """The free-mail or internet provider an address is at (a subdomain counts)."""
    domain = address.rpartition("@")[2].lower().rstrip(".")
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in free_mail_domains():
            return ".".join(parts[i:])
    return None


def alnum(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def masked_url(url: str) -> str:
    """Only the site of an address that may name a person: 'facebook.com/•••'."""
    return f"{host(url)}/•••"


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
        names.add(alnum(acronym))
    for url in (values.get("social") or {}).values():
        path = [p for p in urlsplit(url).path.split("/") if p]
        if path:
            names.add(alnum(path[-1]))
    if "website" in values:
        names.add(alnum(host(values["website"]).split(".")[0]))
    return {n for n in names if len(n) >= MIN_NAME_PART}


def is_own_mailbox(address: str, names: set[str]) -> bool:
    """`colectivoflores@gmail.com` for Colectivo Flores; `seres.sv@…` for SERES."""
    local = alnum(address.rpartition("@")[0])
    return any(name in local or (len(local) >= 4 and local in name) for name in names)


def person_parts(values: Mapping[str, Any]) -> tuple[str, ...]:
    """The words of the contact person's name (folded, without particles), except those
    the organization's own name or acronym shares (Colectivo Flores, with María Flores)."""
    person = values.get("contact_person")
    if not person or not isinstance(person.get("name"), str):
        return ()
    words = [w for w in re.split(r"\W+", fold(person["name"])) if w]
    own = alnum(f"{values.get('name', '')} {values.get('acronym', '')}")
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
    joined = alnum(text)
    for i, part in enumerate(parts):
        if part in pieces or (len(part) >= 5 and part in joined):
            return True
        initials = {p[0] + part for j, p in enumerate(parts) if j != i}
        if any(piece.startswith(initial) for piece in pieces for initial in initials
               if len(initial) >= 4):
            return True
    return False
