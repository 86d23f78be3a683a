"""The privacy guard: one test per rule (with its message), one per allowed false positive,
the per-route consent, masking in every output format, and the contact model."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tejido.core import Layout, load_project
from tejido.core.model.contact import country_of, international, public_contact
from tejido.core.model.taxonomy import load_taxonomies
from tejido.core.validate.mask import mask_email, mask_phone, mask_text
from tejido.core.validate.problems import Problems

TODAY = dt.date(2026, 11, 21)
ORG = "directory/organizations"

BASE = """\
name: Colectivo Flores de Mayo
acronym: CFM
type: cso
summary:
  es: Acompaña a familias que buscan a sus desaparecidos.
themes: [educacion]
regions: [{region}]
website: https://floresdemayo.example.org
"""


def org(contact: str = "", person: str = "", region: str = "oaxaca", extra: str = "") -> str:
    text = BASE.format(region=region) + extra
    if contact:
        text += "contact:\n" + contact
    if person:
        text += "contact_person:\n" + person
    return text


def problems(project: Path, text: str, name: str = "flores.yml") -> list[str]:
    path = project / ORG / name
    path.write_text(text, encoding="utf-8")
    return [p.format() for p in load_project(Layout(project), TODAY).problems]


def one(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


PERSON = "  name: María Guadalupe Pérez\n  email: lupita.perez@example.net\n" \
         "  phone: \"+52 951 222 3344\"\n"


# -- the rules, one each ----------------------------------------------------------

def test_free_mail_address_under_contact_is_refused(empty_project: Path) -> None:
    message = one(problems(empty_project, org("  email: lupita77@gmail.com\n")))
    assert "flores.yml:10: contact.email: this looks like a person's e-mail: gmail.com" in message
    assert "found lu•••@gmail.com" in message
    assert "lupita77" not in message
    assert "move it under 'contact_person:'" in message and "consent:" in message


def test_isp_mailbox_in_latin_america_is_refused(empty_project: Path) -> None:
    message = one(problems(empty_project, org("  email: jperez@prodigy.net.mx\n")))
    assert "prodigy.net.mx gives mailboxes to people" in message


def test_email_with_the_contact_persons_name_is_refused(empty_project: Path) -> None:
    text = org("  emails:\n    - address: lupita.perez@floresdemayo.example.org\n",
               PERSON)
    message = one(problems(empty_project, text))
    assert "contact.emails[0].address: this address contains the name of the contact person" \
        in message


def test_form_or_profile_with_the_persons_name_is_refused(empty_project: Path) -> None:
    text = org("  form: https://forms.example.org/guadalupe-perez\n", PERSON,
               extra="social:\n  facebook: https://facebook.com/mariaguadalupe.perez\n")
    found = problems(empty_project, text)
    assert any("contact.form: this address contains the name" in m for m in found), found
    assert any("social.facebook: this address contains the name" in m for m in found), found
    assert all("guadalupe" not in m.split("found")[1] for m in found if "found" in m)


def test_mobile_number_is_refused_where_the_plan_tells(empty_project: Path) -> None:
    message = one(problems(empty_project, org('  phone: "+502 5555 1234"\n',
                                              region="solola")))
    assert "contact.phone: the numbering plan says this is a mobile number" in message
    assert "found +502 •••• 1234" in message or "+502 5•••" in message or "•" in message
    assert "5555 1234" not in message


def test_mobile_written_without_country_code_uses_the_entrys_country(
        empty_project: Path) -> None:
    message = one(problems(empty_project, org('  phones:\n    - number: "7777 1234"\n',
                                              region="cuscatlan")))
    assert "contact.phones[0].number: the numbering plan says this is a mobile" in message


def test_number_repeated_under_contact_person_is_refused(empty_project: Path) -> None:
    text = org('  phone: "(951) 222 33 44"\n', PERSON)
    message = one(problems(empty_project, text))
    assert "contact.phone: this number is also the contact person's (private)" in message
    assert "222 33 44" not in message


def test_email_repeated_under_contact_person_is_refused(empty_project: Path) -> None:
    person = "  role: {es: enlace}\n  email: enlace77@example.net\n"
    message = one(problems(empty_project, org("  email: enlace77@example.net\n", person)))
    assert "this e-mail is also the contact person's (private)" in message


def test_a_persons_private_route_in_another_entrys_text_is_refused(
        empty_project: Path) -> None:
    (empty_project / ORG / "otra.yml").write_text(org(person=PERSON).replace(
        "Colectivo Flores de Mayo", "Otra Casa"), encoding="utf-8")
    text = org().replace("buscan a sus desaparecidos.",
                         "buscan a sus desaparecidos, informes al 951 222 3344.")
    message = one(problems(empty_project, text))
    assert "flores.yml:5: summary.es: the text contains a contact person's private phone" \
        in message
    assert "222 3344" not in message


def test_free_mail_in_a_description_is_refused(empty_project: Path) -> None:
    text = org(extra="description:\n  es: Escríbenos a lupita77@hotmail.com.\n")
    message = one(problems(empty_project, text))
    assert "description.es: the text contains what looks like a person's e-mail" in message


def test_verified_by_may_not_name_the_person(empty_project: Path) -> None:
    text = org(person=PERSON, extra="verified_by: {es: Guadalupe Pérez}\n")
    message = one(problems(empty_project, text))
    assert "verified_by.es: verified_by names a person" in message


# -- the ways out, and the false positives allowed ----------------------------------

def test_consent_on_the_route_lets_it_be_published(empty_project: Path) -> None:
    contact = ("  emails:\n    - address: lupita77@gmail.com\n      label: coordinación\n"
               "      consent: {date: 2026-03-01, source: Acta de asamblea}\n"
               "  phones:\n    - number: \"+502 5555 1234\"\n      label: WhatsApp\n"
               "      consent: {date: 2026-03-01, source: Acta de asamblea}\n")
    assert problems(empty_project, org(contact, region="solola")) == []


def test_consent_is_per_route(empty_project: Path) -> None:
    contact = ("  emails:\n    - address: lupita77@gmail.com\n"
               "      consent: {date: 2026-03-01, source: Acta}\n"
               "    - address: otra.persona@yahoo.com.mx\n")
    message = one(problems(empty_project, org(contact)))
    assert "contact.emails[1].address" in message


def test_consent_needs_a_date_and_a_source(empty_project: Path) -> None:
    contact = "  emails:\n    - address: lupita77@gmail.com\n      consent: {date: 2026-03-01}\n"
    found = problems(empty_project, org(contact))
    assert any("consent: the required field 'source' is missing" in m for m in found), found


def test_false_positive_free_mail_named_after_the_organization(empty_project: Path) -> None:
    for address in ("floresdemayo@gmail.com", "colectivo.flores.de.mayo@hotmail.com",
                    "cfm.oaxaca@yahoo.com.mx"):
        assert problems(empty_project, org(f"  email: {address}\n")) == [], address


def test_false_positive_provider_domain_that_is_the_organizations_own(
        empty_project: Path) -> None:
    text = org("  email: fundacion@telmexmail.com\n").replace(
        "https://floresdemayo.example.org", "https://telmexmail.com")
    assert problems(empty_project, text) == []


def test_false_positive_surname_shared_with_the_organizations_name(
        empty_project: Path) -> None:
    person = "  name: Rosa Flores\n  role: {es: enlace}\n"
    assert problems(empty_project, org("  email: flores@floresdemayo.example.org\n",
                                       person)) == []


def test_false_positive_mexican_numbers_are_not_called_mobile(empty_project: Path) -> None:
    # Mexico's plan does not tell fixed lines from mobiles: no guess is made.
    assert problems(empty_project, org('  phone: "+52 951 514 0000"\n')) == []


def test_false_positive_years_and_figures_in_text_are_not_phones(empty_project: Path) -> None:
    text = org(extra="description:\n  es: Entre 2019-2021 acompañó a 1 200 familias.\n")
    assert problems(empty_project, text) == []


# -- the contact model ----------------------------------------------------------------

def test_contact_person_needs_no_name(empty_project: Path) -> None:
    person = "  role: {es: enlace del colectivo, en: liaison}\n  email: enlace@example.net\n"
    assert problems(empty_project, org(person=person)) == []


def test_several_routes_with_labels_and_extension(empty_project: Path) -> None:
    contact = ("  email: contacto@floresdemayo.example.org\n  phone: \"951 514 0000\"\n"
               "  emails:\n    - address: prensa@floresdemayo.example.org\n      label: prensa\n"
               "  phones:\n    - number: \"+52 (951) 100-2000\"\n      extension: \"104\"\n"
               "      label: oficina\n  form: https://floresdemayo.example.org/contacto\n")
    (empty_project / ORG / "flores.yml").write_text(org(contact), encoding="utf-8")
    result = load_project(Layout(empty_project), TODAY)
    assert not result.problems, result.problems.report()
    entry = next(iter(result.catalog.entries.values()))
    public = public_contact(entry, result.catalog.taxonomies["regions"])
    shown = [(r.kind, r.shown, r.href, r.label, r.extension) for r in public.routes]
    assert shown == [
        ("email", "contacto@floresdemayo.example.org",
         "mailto:contacto@floresdemayo.example.org", "", ""),
        ("email", "prensa@floresdemayo.example.org",
         "mailto:prensa@floresdemayo.example.org", "prensa", ""),
        ("phone", "+52 951 514 0000", "tel:+529515140000", "", ""),
        ("phone", "+52 951 100 2000", "tel:+529511002000;ext=104", "oficina", "104"),
        ("form", "https://floresdemayo.example.org/contacto",
         "https://floresdemayo.example.org/contacto", "", ""),
    ]
    assert public.person is None
    assert public.as_data()["routes"][3]["extension"] == "104"


def test_private_person_is_not_in_the_public_contact(empty_project: Path) -> None:
    (empty_project / ORG / "flores.yml").write_text(org(person=PERSON), encoding="utf-8")
    result = load_project(Layout(empty_project), TODAY)
    entry = next(iter(result.catalog.entries.values()))
    public = public_contact(entry, result.catalog.taxonomies["regions"])
    assert public.person is None and not public
    assert "lupita" not in json.dumps(public.as_data())


def test_country_comes_from_the_regions_ancestors(empty_project: Path) -> None:
    # Every place (a built catalog keeps only those its entries use, and this one is empty).
    regions = load_taxonomies(empty_project / "taxonomies", empty_project, Problems())["regions"]
    assert country_of({"regions": ("valles-centrales",)}, regions) == "MX"
    assert country_of({"address": {"region": "cuscatlan"}, "regions": ("oaxaca",)},
                      regions) == "SV"
    assert international("2222 1234", "SV") == "+503 2222 1234"
    assert international("+34 912 345 678", None) == "+34 912 34 56 78"


def test_unreadable_number_without_country_code_is_refused(empty_project: Path) -> None:
    text = org('  phone: "12"\n')
    assert any("contact.phone: not a valid phone number" in m for m in problems(empty_project,
                                                                                text))


# -- masking ----------------------------------------------------------------------------

def test_mask_functions() -> None:
    assert mask_email("maria.lopez@gmail.com") == "ma•••@gmail.com"
    assert mask_phone("+52 55 1234 1234") == "+52 55 •••• 1234"
    assert mask_text("llama al +52 951 222 3344 o escribe a ana@x.org, 2026-03-01") == \
        "llama al +52 95• ••• 3344 o escribe a a•••@x.org, 2026-03-01"


@pytest.mark.parametrize("form", ["human", "github", "json"])
def test_no_format_prints_a_private_value(empty_project: Path, form: str) -> None:
    person = "  name: Lupita\n  email: lupita.perez@@example.net\n  phone: \"+52 951 22 abc\"\n"
    text = org("  email: lupita77@gmail.com\n  phone: \"+502 5555 1234\"\n", person,
               region="solola")
    (empty_project / ORG / "flores.yml").write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "tejido.cli", "--root", str(empty_project),
                          "check", "--format", form], capture_output=True, text=True, check=False)
    out = run.stdout + run.stderr
    assert run.returncode == 1
    assert out.count("•") >= 3, out
    for secret in ("lupita77", "lupita.perez", "5555 1234", "951 22"):
        assert secret not in out, (secret, out)
    if form == "json":
        assert json.loads(run.stdout)["count"] >= 3
    if form == "github":
        assert run.stdout.startswith("::error file=directory/organizations/flores.yml")


def test_a_number_the_plan_cannot_read_is_refused_masked(empty_project: Path) -> None:
    message = one(problems(empty_project, org('  phone: "951 514 00"\n')))
    assert "contact.phone: this phone number cannot be read" in message
    assert "514" not in message and "country code" in message
