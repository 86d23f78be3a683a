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

The guard in three parts: `names.py` (the organization's own names, the contact
person's, free-mail providers), `routes.py` (the rules on the `contact` routes) and
`texts.py` (routes written in free text).  The names the loader uses are importable from
here.
"""

from tejido.core.validate.privacy.names import (
    free_mail_domains,
    is_own_mailbox,
    masked_url,
    mentions_person,
    own_names,
    person_parts,
    provider,
)
from tejido.core.validate.privacy.routes import (
    Private,
    Who,
    check_contact,
    check_numbers,
    private_routes,
)
from tejido.core.validate.privacy.texts import (
    PublicText,
    body_texts,
    check_text,
    may_hold_route,
    public_texts,
)

__all__ = ["Private", "PublicText", "Who", "body_texts", "check_contact", "check_numbers",
           "check_text", "free_mail_domains", "is_own_mailbox", "masked_url", "may_hold_route",
           "mentions_person", "own_names", "person_parts", "private_routes", "provider",
           "public_texts"]
