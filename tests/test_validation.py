"""Every kind of bad input gets one clear message: file:line: field, expected/found, hint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tejido.core import Layout, load_project

TODAY = dt.date(2026, 11, 21)
ORG = "directory/organizations"

VALID_ORG = """\
name: Casa Abierta
type: cso
summary:
  es: Una organización de prueba.
  en: A test organization.
themes: [educacion]
regions: [oaxaca]
"""


def problems_for(project: Path, files: dict[str, str | bytes]) -> list[str]:
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    result = load_project(Layout(project), TODAY)
    return [problem.format() for problem in result.problems]


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


def test_a_valid_entry_has_no_problems(empty_project: Path) -> None:
    assert problems_for(empty_project, {f"{ORG}/casa.yml": VALID_ORG}) == []


CASES = {
    "malformed yaml": (
        VALID_ORG.replace("type: cso", "type: cso\n  oops: [unclosed"),
        "directory/organizations/casa.yml:3: (file): this is not valid YAML",
        "hint: check indentation",
    ),
    "required field left empty": (
        VALID_ORG.replace("type: cso", "type:"),
        "casa.yml:2: type: the required field 'type' is empty",
        "hint: write the value after 'type:'",
    ),
    "language key at the wrong level": (
        VALID_ORG.replace("  es: Una organización de prueba.\n  en: A test organization.",
                          "es: Una organización de prueba."),
        "casa.yml:4: es: 'es:' is not a field here",
        "goes under the field it translates, indented by two spaces",
    ),
    "spanish field name": (
        VALID_ORG + "sitio_web: https://casa.example.org\n",
        "casa.yml:8: sitio_web: unknown field",
        "hint: did you mean 'website'?",
    ),
    "text cut by a hash": (
        VALID_ORG.replace("Una organización de prueba.", "Somos mujeres #MaízNativo"),
        "casa.yml:4: summary.es: the text stops at ' #'",
        "hint: put the whole text in quotes",
    ),
    "brackets nested too deeply": (
        VALID_ORG + "acronym: " + "[" * 60 + "]" * 60 + "\n",
        "casa.yml:8: (file): the values nest too deeply; expected at most 40 levels",
        "hint: check for brackets",
    ),
    "html block in markdown": (
        VALID_ORG + "description:\n  es: |\n    Texto.\n\n    <div>abierto\n",
        "casa.yml:9: description.es: HTML <div> is not allowed in text",
        "hint: write it in Markdown",
    ),
    "html comment in markdown": (
        VALID_ORG + "description:\n  es: 'Texto <!-- nota'\n",
        "casa.yml:9: description.es: HTML comments are not allowed in text",
        "hint: delete the comment",
    ),
    "script in markdown": (
        VALID_ORG + "description:\n  es: 'Hola <script>alert(1)</script>'\n",
        "HTML <script> is not allowed in text",
        "",
    ),
    "markdown nested too deeply": (
        VALID_ORG + "description:\n  es: '" + "- " * 12 + "x'\n",
        "casa.yml:9: description.es: the text nests too deeply",
        "",
    ),
    "remote image in markdown": (
        VALID_ORG + "description:\n  es: '![x](https://tracker.example.com/p.gif)'\n",
        "casa.yml:9: description.es: images from other websites are not allowed",
        "save the image beside the entry",
    ),
    "reference to itself": (
        VALID_ORG + "alliances:\n  - with: organization:casa\n",
        "casa.yml:9: alliances[0].with: an entry cannot refer to itself",
        "",
    ),
    "missing required field": (
        VALID_ORG.replace("type: cso\n", ""),
        "casa.yml:1: (file): the required field 'type' is missing; "
        "expected a term from taxonomies/organization-types.yml, found nothing",
        "hint: add a line 'type: cso'",
    ),
    "wrong type": (
        VALID_ORG + "founded: [2001]\n",
        "casa.yml:8: founded: wrong type; expected a year like 2019, found a list of 1",
        "",
    ),
    "unknown field": (
        VALID_ORG + "websit: https://casa.example.org\n",
        "casa.yml:8: websit: unknown field",
        "hint: did you mean 'website'?",
    ),
    "unknown taxonomy term": (
        VALID_ORG.replace("[oaxaca]", "[oaxca]"),
        "casa.yml:7: regions[0]: unknown regions term; "
        "expected a term from taxonomies/regions.yml, found 'oaxca'",
        "hint: did you mean 'oaxaca'?",
    ),
    "invalid url": (
        VALID_ORG + "website: casa.example.org\n",
        "casa.yml:8: website: not a valid web address",
        "hint: did you mean 'https://casa.example.org'?",
    ),
    "javascript url": (
        VALID_ORG + "website: 'javascript:alert(1)'\n",
        "casa.yml:8: website: 'javascript:' links are not allowed",
        "hint: only http:// and https:// links are published",
    ),
    "data url": (
        VALID_ORG + "website: 'data:text/html,<b>x</b>'\n",
        "casa.yml:8: website: 'data:' links are not allowed",
        "",
    ),
    "invalid email": (
        VALID_ORG + "contact:\n  email: casa.example.org\n",
        "casa.yml:9: contact.email: not a valid e-mail address",
        "hint: check for spaces",
    ),
    "year in the future": (
        VALID_ORG + "founded: 2031\n",
        "casa.yml:8: founded: the year is in the future; expected 2026 or earlier, found 2031",
        "",
    ),
    "date in the future": (
        VALID_ORG + "last_verified: 2027-01-01\n",
        "casa.yml:8: last_verified: the date is in the future",
        "",
    ),
    "missing spanish on a required bilingual field": (
        VALID_ORG.replace("  es: Una organización de prueba.\n", ""),
        "casa.yml:3: summary: the Spanish text is missing; expected es: and en:, found only en",
        "hint: Spanish is the catalog's main language",
    ),
    "plain text where languages are needed": (
        VALID_ORG.replace(
            "summary:\n  es: Una organización de prueba.\n  en: A test organization.\n",
            "summary: Una organización\n"),
        "casa.yml:3: summary: the text needs its language",
        "        es: <texto en español>",
    ),
    "yes/no where text is expected": (
        VALID_ORG + "acronym: no\n",
        "casa.yml:8: acronym: wrong type; expected text, found no (a yes/no value)",
        "hint: write plain text; put it in quotes",
    ),
    "yaml aliases": (
        "a: &x [1, 2]\nb: *x\n",
        "casa.yml:2: (file): this is not valid YAML: aliases (*name) are not allowed",
        "",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_organization_gets_a_clear_message(empty_project: Path, case: str) -> None:
    content, message, hint = CASES[case]
    texts = problems_for(empty_project, {f"{ORG}/casa.yml": content})
    if case == "language key at the wrong level":  # summary is then empty, too
        assert any("the required field 'summary' is empty" in t for t in texts), texts
        texts = [t for t in texts if "'summary' is empty" not in t]
    text = only(texts)
    assert message in text
    assert hint in text


NETWORK = """\
name: Red
summary: {es: Una red.}
themes: [trabajo-en-red]
regions: [oaxaca]
members:
"""


def test_reference_to_nothing_suggests_the_closest_entry(empty_project: Path) -> None:
    network = NETWORK + "  - organization: organization:casa-abiert\n    since: 2019\n"
    text = only(problems_for(empty_project, {
        f"{ORG}/casa-abierta.yml": VALID_ORG, "directory/networks/red.yml": network}))
    assert "directory/networks/red.yml:6: members[0].organization: this reference points to " \
           "no entry; expected an existing organization, found organization:casa-abiert" in text
    assert "hint: did you mean 'organization:casa-abierta'?" in text


def test_duplicate_id(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, f"{ORG}/casa.yaml": VALID_ORG}))
    assert "the id 'casa' is used twice" in text
    assert "hint: rename one of the files" in text


def test_bad_file_name(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {f"{ORG}/Casa Abierta.yml": VALID_ORG}))
    assert "Casa Abierta.yml:1: (file): the file name is not a valid id" in text


def test_too_large_file(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {f"{ORG}/casa.yml": "#" * 600_000}))
    assert "casa.yml:1: (file): the file is too large; expected at most 512 KB" in text


def test_not_utf8(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {f"{ORG}/casa.yml": "name: Año".encode("latin-1")}))
    assert "the file is not UTF-8 text" in text


def test_all_problems_are_reported_in_one_run(empty_project: Path) -> None:
    bad = VALID_ORG.replace("[oaxaca]", "[oaxca]") + "founded: 2031\nwebsit: x\n"
    messages = problems_for(empty_project, {f"{ORG}/a.yml": bad, f"{ORG}/b.yml": "name: [\n"})
    assert len(messages) == 4, messages


GUIDE = """\
---
title: {es: Guía}
summary: {es: Una guía.}
authors: [organization:casa]
year: 2020
licence: CC-BY-4.0
files:
  - path: %s
    lang: es
---
"""


def test_attached_file_cannot_leave_the_repository(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG,
        "content/guides/guia.md": GUIDE % "../../../etc/passwd.pdf"}))
    assert "content/guides/guia.md:8: files[0].path: the path leaves the repository" in text


def test_missing_attached_file(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, "content/guides/guia.md": GUIDE % "falta.pdf"}))
    assert "content/guides/guia.md:8: files[0].path: the file does not exist" in text


def test_attached_file_must_be_a_pdf(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, "content/guides/fake.pdf": "not a pdf",
        "content/guides/guia.md": GUIDE % "fake.pdf"}))
    assert "files[0].path: the file is not a PDF" in text


def test_unknown_term_in_a_taxonomy_parent(empty_project: Path) -> None:
    themes = empty_project / "taxonomies" / "themes.yml"
    themes.write_text(themes.read_text() + "- {id: nuevo, parent: educasion, es: N, en: N}\n")
    text = only(problems_for(empty_project, {}))
    assert "taxonomies/themes.yml" in text and "hint: did you mean 'educacion'?" in text


def test_damaged_pdf(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, "content/guides/broken.pdf": b"%PDF-1.7\n garbage",
        "content/guides/guia.md": GUIDE % "broken.pdf"}))
    assert "content/guides/guia.md:8: files[0].path: the PDF is damaged" in text


def test_deep_indentation_is_a_clear_error(empty_project: Path) -> None:
    deep = "".join(f"{' ' * i}k{i}:\n" for i in range(60)) + " " * 60 + "x: 1\n"
    text = only(problems_for(empty_project, {f"{ORG}/casa.yml": deep}))
    assert "the values nest too deeply" in text


def test_member_listed_twice(empty_project: Path) -> None:
    network = NETWORK + ("  - {organization: organization:casa, since: 2019}\n"
                         "  - {organization: organization:casa, since: 2020}\n")
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, "directory/networks/red.yml": network}))
    assert "red.yml:7: members[1]: listed twice; expected each entry once, found " \
           "organization:casa (also item 1)" in text


PRACTICE = """\
---
title: {es: Práctica}
summary: {es: Una práctica.}
organizations: [organization:casa]
themes: [educacion]
regions: [oaxaca]
years: {start: 2020, end: 2018}
---
## Historia

Texto.
"""


def test_years_in_the_wrong_order(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, "practices/practica.md": PRACTICE}))
    assert "practica.md:7: years.end: the last year is before the first; expected 2020 " \
           "or later, found 2018" in text


def test_html_block_in_a_body_names_its_line(empty_project: Path) -> None:
    body = PRACTICE.replace("end: 2018", "end: 2021").replace("Texto.", "Texto.\n\n<pre>")
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, "practices/practica.md": body}))
    assert "practices/practica.md:13: text: HTML <pre> is not allowed in text" in text


def test_english_text_without_its_spanish_entry(empty_project: Path) -> None:
    text = only(problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG,
        "practices/practica.md": PRACTICE.replace("end: 2018", "end: 2021"),
        "practices/pratica.en.md": "## Story\n"}))
    assert "practices/pratica.en.md:1: (file): this English text has no Spanish entry" in text
    assert "did you mean 'practica'?" in text


@pytest.mark.parametrize(("term", "message"), [
    ("- {id: ../../fuera, es: F, en: F}\n", "not a valid term id"),
    ("- {id: a, parent: b, es: A, en: A}\n- {id: b, parent: a, es: B, en: B}\n",
     "is its own ancestor"),
])
def test_bad_taxonomy_terms(empty_project: Path, term: str, message: str) -> None:
    themes = empty_project / "taxonomies" / "themes.yml"
    themes.write_text(themes.read_text() + term)
    messages = problems_for(empty_project, {})
    assert any(message in m and "taxonomies/themes.yml" in m for m in messages), messages


def test_linked_files_must_exist_beside_the_entry(empty_project: Path) -> None:
    body = PRACTICE.replace("end: 2018", "end: 2021").replace(
        "Texto.", "Texto. ![mapa](img/mapa.png) [fuera](../secreto.pdf) [web](https://x.org/a.png)")
    messages = problems_for(empty_project, {
        f"{ORG}/casa.yml": VALID_ORG, "practices/practica.md": body,
        "secreto.pdf": b"%PDF-1.4"})
    assert any("practica.md:11: text: the linked file does not exist; expected ?, "
               "found 'img/mapa.png'" in m for m in messages), messages
    assert any("practica.md:11: text: a linked file must be beside the entry" in m
               for m in messages), messages
    assert len(messages) == 2


@pytest.mark.parametrize(("identifier", "message"), [
    ("  - scheme: MX-RFC\n    id: ABC-12\n",
     "casa.yml:10: identifiers[0].id: not a MX-RFC identifier; expected like ABC680524P76, "
     "found 'ABC-12'"),
    ("  - scheme: SV-NIT\n    id: 0614-030915-112\n",
     "casa.yml:10: identifiers[0].id: not a SV-NIT identifier; expected like 0614-030915-112-5"),
    ("  - scheme: XI-WIKIDATA\n    id: 12345\n",
     "casa.yml:10: identifiers[0].id: not a XI-WIKIDATA identifier; expected like Q1377"),
    ("  - scheme: MX-RCF\n    id: ABC680524P76\n",
     "casa.yml:9: identifiers[0].scheme: unknown register; expected an org-id.guide code "
     "such as MX-RFC"),
    ("  - scheme: mx-rcf\n    id: ABC680524P76\n", "hint: did you mean 'MX-RFC'?"),
    ("  - scheme: GT-NIT\n", "casa.yml:9: identifiers[0]: the required field 'id' is missing"),
])
def test_identifiers_are_checked_by_form(empty_project: Path, identifier: str,
                                         message: str) -> None:
    content = VALID_ORG + "identifiers:\n" + identifier
    text = only(problems_for(empty_project, {f"{ORG}/casa.yml": content}))
    assert message in text, text
    assert "hint:" in text


def test_identifiers_in_their_registers_forms_pass(empty_project: Path) -> None:
    content = VALID_ORG + (
        "identifiers:\n  - scheme: MX-RFC\n    id: ABC680524P-76\n"
        "  - scheme: GT-NIT\n    id: 7555605-7\n  - scheme: SV-NIT\n    id: 0614-030915-112-5\n"
        "  - scheme: XI-WIKIDATA\n    id: Q1377\n  - scheme: MX-CR\n    id: any form at all\n"
        "  - scheme: mx-rfc\n    id: abc680524p76\n")
    assert problems_for(empty_project, {f"{ORG}/casa.yml": content}) == []
