"""Personal data never reaches an output, withdrawn entries vanish, and readers see how
fresh each entry is: one real build (PDFs on) of the mini project with planted data."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest

from conftest import make_project, run_mkdocs

TODAY = dt.date.today()
FRESH = (TODAY - dt.timedelta(days=30)).isoformat()
DUE = (TODAY - dt.timedelta(days=500)).isoformat()
OLD = (TODAY - dt.timedelta(days=1000)).isoformat()


class Planted:
    """A distinct fake person's e-mail, phone and name for every field planted."""

    def __init__(self) -> None:
        self.emails: list[str] = []
        self.phones: list[str] = []
        self.names: list[str] = []

    def email(self, where: str) -> str:
        address = f"plantado{len(self.emails):02d}.{where}@gmail.com"
        self.emails.append(address)
        return address

    def phone(self) -> str:
        n = len(self.phones)
        number = f"+52 951 7{n:02d} {4000 + n:04d}"
        self.phones.append(number)
        return number

    def name(self) -> str:
        name = f"Zenaida Xochiplanta{chr(ord('a') + len(self.names))}"
        self.names.append(name)
        return name

    def person(self, where: str, indent: str = "  ") -> str:
        return (f"{indent}name: {self.name()}\n"
                f"{indent}role: {{es: enlace {self.email(where + '-role')}, en: liaison}}\n"
                f"{indent}email: {self.email(where)}\n"
                f"{indent}phone: \"{self.phone()}\"\n"
                f"{indent}public: false\n")

    def text(self, where: str) -> str:
        return (f"Llamar a {self.name()} al {self.phone()} o escribir a "
                f"{self.email(where)}.")


def _withdrawn_texts(planted: Planted, where: str) -> str:
    return (f"description:\n  es: {planted.text(where + '-desc-es')}\n"
            f"  en: {planted.text(where + '-desc-en')}\n")


def plant(project: Path) -> Planted:
    """Every field of every kind where a person's data could be written."""
    planted = Planted()
    org = project / "directory/organizations"
    consent = f"Acta firmada por {planted.name()}, {planted.phone()}, {planted.email('consent')}"
    # A live organization: person data only where it belongs (never published).
    (org / "colectivo-planta.yml").write_text(f"""\
name: Colectivo Planta
type: collective
summary:
  es: Colectivo de prueba con una persona de contacto privada.
  en: Test collective with a private contact person.
themes: [trabajo-en-red]
regions: [oaxaca]
contact:
  email: contacto@planta.example.org
  emails:
    - address: prensa@planta.example.org
      label: prensa
      consent: {{date: {FRESH}, source: "{consent}"}}
  phones:
    - number: "+52 951 514 0000"
      extension: "7"
      label: oficina
      consent: {{date: {FRESH}, source: "Correo de {planted.email('consent-phone')}"}}
contact_person:
{planted.person("org-person")}
alliances:
  - with: organization:retirada-planta
    note: {{es: Alianza con una organización retirada., en: An alliance with a withdrawn one.}}
last_verified: {FRESH}
verified_by: {{es: coordinación de la red, en: the network's coordination}}
verification_method: phone
""", encoding="utf-8")
    # A withdrawn organization: everything it says, public fields included, stays out.
    (org / "retirada-planta.yml").write_text(f"""\
name: Organización Retirada Planta
type: cso
summary:
  es: {planted.text("withdrawn-org-summary")}
themes: [trabajo-en-red]
regions: [oaxaca]
{_withdrawn_texts(planted, "withdrawn-org")}contact:
  email: {planted.email("withdrawn-org-contact")}
  phone: "{planted.phone()}"
contact_person:
{planted.person("withdrawn-org-person")}
website: https://retirada-planta.example.org/{planted.email("withdrawn-org-web")}
withdrawn: {{date: {FRESH}, reason: safety}}
""", encoding="utf-8")
    (project / "directory/networks/red-planta.yml").write_text(f"""\
name: Red Planta
summary:
  es: Red de prueba con una persona de contacto privada.
themes: [trabajo-en-red]
regions: [oaxaca]
members:
  - organization: organization:colectivo-planta
    since: 2020
  - organization: organization:retirada-planta
    since: 2021
contact:
  email: red@planta.example.org
contact_person:
{planted.person("network-person")}
last_verified: {DUE}
""", encoding="utf-8")
    (project / "directory/networks/red-retirada-planta.yml").write_text(f"""\
name: Red Retirada Planta
summary:
  es: {planted.text("withdrawn-net-summary")}
themes: [trabajo-en-red]
regions: [oaxaca]
{_withdrawn_texts(planted, "withdrawn-net")}contact_person:
{planted.person("withdrawn-net-person")}
withdrawn: {{date: {FRESH}, reason: request}}
""", encoding="utf-8")
    (project / "practices/practica-retirada-planta.md").write_text(f"""\
---
title: {{es: Práctica Retirada Planta}}
summary:
  es: {planted.text("withdrawn-practice-summary")}
organizations: [organization:colectivo-planta, organization:retirada-planta]
themes: [trabajo-en-red]
regions: [oaxaca]
problem:
  es: {planted.text("withdrawn-practice-problem")}
lessons:
  es: {planted.text("withdrawn-practice-lessons")}
withdrawn: {{date: {FRESH}, reason: request}}
---
{planted.text("withdrawn-practice-body")}
""", encoding="utf-8")
    (project / "practices/practica-retirada-planta.en.md").write_text(
        planted.text("withdrawn-practice-body-en") + "\n", encoding="utf-8")
    (project / "content/guides/guia-retirada-planta.md").write_text(f"""\
---
title: {{es: Guía Retirada Planta}}
summary:
  es: {planted.text("withdrawn-guide-summary")}
authors: [organization:retirada-planta]
year: 2024
licence: CC-BY-4.0
withdrawn: {{date: {FRESH}, reason: safety}}
---
## Capítulo

{planted.text("withdrawn-guide-body")}
""", encoding="utf-8")
    # A live guide by the withdrawn organization and the live one: the author is omitted.
    (project / "content/guides/guia-planta.md").write_text(f"""\
---
title: {{es: Guía Planta, en: Planta guide}}
summary:
  es: Una guía escrita con una organización que se retiró.
  en: A guide written with an organization that withdrew.
authors: [organization:colectivo-planta, organization:retirada-planta]
year: 2024
licence: CC-BY-4.0
last_verified: {OLD}
---
## Capítulo

Texto de la guía.
""", encoding="utf-8")
    return planted


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Planted]:
    project = make_project(tmp_path_factory.mktemp("planted"))
    planted = plant(project)
    check = subprocess.run([sys.executable, "-m", "tejido.cli", "--root", str(project), "check"],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    assert "4 withdrawn, not published" in check.stdout and "retirada" not in check.stdout
    as_json = subprocess.run([sys.executable, "-m", "tejido.cli", "--root", str(project),
                              "check", "--format", "json"], capture_output=True, text=True,
                             check=False)
    assert json.loads(as_json.stdout)["withdrawn"] == 4 and "retirada" not in as_json.stdout
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list((project / "site").rglob("*.pdf")), "PDFs must be on for the scan"
    return project / "site", planted


def output_texts(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file the build wrote, as text: whatever other engineers add later is
    covered because the whole folder is walked."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".pdf":
            text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                                  text=True, check=True).stdout
        elif path.suffix == ".gz":
            text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        else:
            text = path.read_bytes().decode("utf-8", "replace")
        yield path, text


def phone_pattern(number: str) -> re.Pattern[str]:
    """The national digits with anything (up to 3 characters) between them: spaces,
    dashes, dots, a line break in a PDF, a tel: link's E.164."""
    digits = "".join(ch for ch in number if ch.isdigit())[2:]
    return re.compile(r"\D{0,3}".join(digits))


def test_no_planted_personal_data_in_any_output_file(
        planted_site: tuple[Path, Planted]) -> None:
    site, planted = planted_site
    assert len(planted.emails) >= 20 and len(planted.phones) >= 15
    phones = [phone_pattern(n) for n in planted.phones]
    leaks = []
    kinds = set()
    for path, text in output_texts(site):
        kinds.add(path.suffix)
        folded = text.lower()
        for address in planted.emails:
            if address.split("@")[0] in folded:
                leaks.append((path.relative_to(site), address))
        for number, pattern in zip(planted.phones, phones, strict=True):
            if pattern.search(text):
                leaks.append((path.relative_to(site), number))
        for name in planted.names:
            if name.split()[-1].lower() in folded:
                leaks.append((path.relative_to(site), name))
    assert not leaks, leaks
    # The scan did read every kind of output the build writes.
    assert {".html", ".js", ".json", ".xml", ".gz", ".pdf"} <= kinds, kinds


def test_the_scan_would_see_a_leak(planted_site: tuple[Path, Planted]) -> None:
    """The patterns find the data where it is (in a PDF and in written forms)."""
    _, planted = planted_site
    assert phone_pattern(planted.phones[0]).search("tel:+52951" + planted.phones[0][8:]
                                                   .replace(" ", ""))
    assert phone_pattern(planted.phones[1]).search(planted.phones[1].replace(" ", "-\n"))


WITHDRAWN = ("retirada-planta", "Retirada Planta", "red-retirada-planta",
             "practica-retirada-planta", "guia-retirada-planta")


def test_withdrawn_entries_are_absent_from_every_output(
        planted_site: tuple[Path, Planted]) -> None:
    site, _ = planted_site
    found = [(path.relative_to(site), word) for path, text in output_texts(site)
             for word in WITHDRAWN if word.lower() in text.lower()]
    assert not found, found
    assert not list(site.rglob("*retirada-planta*"))


def test_relations_to_a_withdrawn_entry_are_omitted(planted_site: tuple[Path, Planted]) -> None:
    site, _ = planted_site
    for lang in ("", "en/"):
        network = (site / f"{lang}redes/red-planta/index.html").read_text(encoding="utf-8")
        assert "Colectivo Planta" in network and "organization:" not in network
        guide = (site / f"{lang}guias/guia-planta/index.html").read_text(encoding="utf-8")
        assert "Colectivo Planta" in guide


def test_freshness_on_entry_pages_in_both_languages(planted_site: tuple[Path, Planted]) -> None:
    from tejido.core.catalog.freshness import long_date

    site, _ = planted_site
    day = dt.date.fromisoformat(FRESH)
    es = (site / "organizaciones/colectivo-planta/index.html").read_text(encoding="utf-8")
    en = (site / "en/organizaciones/colectivo-planta/index.html").read_text(encoding="utf-8")
    assert '<span class="tj-fresh tj-fresh--fresh">Verificada</span>' in es
    assert f"el {long_date(day, 'es')}" in es and " de 20" in long_date(day, "es")
    assert "— Verificó coordinación de la red, por teléfono</span>" in es
    assert '<span class="tj-fresh tj-fresh--fresh">Verified</span>' in en
    assert f"on {long_date(day, 'en')}" in en
    assert "— Checked by the network's coordination, by phone</span>" in html.unescape(en)
    network = (site / "redes/red-planta/index.html").read_text(encoding="utf-8")
    assert "tj-fresh--due\">Por verificar<" in network
    guide = (site / "en/guias/guia-planta/index.html").read_text(encoding="utf-8")
    assert "tj-fresh--unverified\">Not verified<" in guide


def test_babel_dates_in_the_readers_language() -> None:
    from tejido.core.catalog.freshness import long_date

    assert long_date(dt.date(2026, 9, 1), "es") == "1 de septiembre de 2026"
    assert long_date(dt.date(2026, 9, 1), "en") == "1 September 2026"


def test_freshness_on_cards_search_and_directory_data(
        planted_site: tuple[Path, Planted]) -> None:
    site, _ = planted_site
    listing = (site / "redes/index.html").read_text(encoding="utf-8")
    assert re.search(r'Red Planta</a> <span class="tj-card__badges"><span class="tj-badge">Red'
                     r'</span> <span class="tj-fresh tj-fresh--due">Por verificar</span></span>',
                     listing)
    meta = (site / "en/search/meta.js").read_text(encoding="utf-8")
    assert '"fresh":{"due":"Due for checking","fresh":"Verified","unverified":"Not verified"}' \
        in meta
    chunks = "".join(p.read_text(encoding="utf-8") for p in (site / "search").glob("d-*.js"))
    assert '"Colectivo Planta","organization",' in chunks
    assert re.search(r'"Colectivo Planta","organization","[^"]+","[^"]*","fresh"', chunks)
    facets = (site / "search/facets.js").read_text(encoding="utf-8")
    data = json.loads(facets[facets.index(",") + 1:facets.rindex(");")])
    freshness = data["facets"][data["columns"]["freshness"]]
    assert (freshness["ids"], freshness["labels"]) == (["yes"], ["Verificadas en el último año"])


def test_due_page_and_feed_oldest_first(planted_site: tuple[Path, Planted]) -> None:
    site, _ = planted_site
    for lang, title in (("", "Entradas por verificar"), ("en/", "Entries due for verification")):
        page = (site / f"{lang}informe/verificar/index.html").read_text(encoding="utf-8")
        assert title in page and "noindex" in page
        order = [page.index(name) for name in ("Guía Planta" if not lang else "Planta guide",
                                               "Red Planta")]
        assert order == sorted(order), "oldest first"
        assert "issues/new?title=" in page
        feed = feedparser.parse((site / f"{lang}informe/verificar.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title == title
        titles = [item.title for item in feed.entries]
        never = [t for t in titles if t.endswith(("Sin verificar", "Not verified"))]
        guide = "Planta guide" if lang else "Guía Planta"
        assert titles.index(next(t for t in titles if t.startswith(guide))) < titles.index(
            next(t for t in titles if t.startswith("Red Planta"))), "oldest first"
        assert titles[:len(never)] == never, "never verified come first"
        assert all("Colectivo Planta" not in t for t in titles)
        assert all("issues/new" in item.summary for item in feed.entries)


def test_report_due_prints_the_same_list(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    plant(project)
    run = subprocess.run([sys.executable, "-m", "tejido.cli", "--root", str(project), "report",
                          "--due"], capture_output=True, text=True, check=True)
    lines = run.stdout.splitlines()
    assert lines[-1].endswith("entries due for verification (of "
                              f"{len(list((project / 'directory').rglob('*.yml'))) + 2 - 2}).") \
        or "entries due for verification" in lines[-1]
    planta = [i for i, line in enumerate(lines) if "planta" in line]
    assert [lines[i].split(":")[0] for i in planta] == [
        "content/guides/guia-planta.md", "directory/networks/red-planta.yml"]
    assert "Not verified (last verified: " in lines[planta[0]]
    assert "retirada" not in run.stdout


def test_about_page_and_footer(planted_site: tuple[Path, Planted]) -> None:
    site, _ = planted_site
    about = (site / "acerca.html").read_text(encoding="utf-8")
    assert "Acerca del catálogo" in about and 'rel="license">CC BY 4.0</a>' in about
    assert "Pedir que se retire una entrada" in about
    about_en = (site / "en/acerca.html").read_text(encoding="utf-8")
    assert "Asking for an entry to be withdrawn" in about_en
    page = (site / "en/organizaciones/colectivo-planta/index.html").read_text(encoding="utf-8")
    footer = page[page.index('<nav class="tj-footer"'):]
    for text in ("About the catalog", "Contribute", "Open data",
                 "Data under the CC BY 4.0 licence"):
        assert text in footer
    assert 'href="../../acerca.html"' in footer and 'href="../../datos/index.html"' in footer
    data = json.loads((site / "en/catalog.json").read_text(encoding="utf-8"))
    assert data["licence"] == "CC-BY-4.0"


@pytest.fixture(scope="module")
def planted_url(planted_site: tuple[Path, Planted]) -> Iterator[str]:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(Quiet, directory=str(planted_site[0])))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_badges_in_search_and_directory_and_the_recent_filter(
        browser: Any, planted_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(planted_url + "en/index.html")
    page.fill("#tj-search-input", "planta")
    result = page.locator("#tj-search-results li", has_text="Colectivo Planta")
    result.wait_for()
    assert result.locator(".tj-fresh--fresh").inner_text() == "Verified"
    due = page.locator("#tj-search-results li", has_text="Red Planta")
    assert due.locator(".tj-fresh--due").inner_text() == "Due for checking"
    page.goto(planted_url + "directorio/index.html")
    page.locator(".tj-card", has_text="Red Planta").wait_for()
    assert page.locator(".tj-card", has_text="Red Planta").locator(
        ".tj-fresh--due").inner_text() == "Por verificar"
    total = int(page.locator(".tj-status").inner_text().split()[0])
    page.locator(".tj-facets-toggle").click()  # a phone shows the filters on demand
    page.get_by_label("Verificadas en el último año").check()
    page.wait_for_url("**verified=yes")
    page.locator(".tj-card", has_text="Red Planta").wait_for(state="detached")
    cards = page.locator(".tj-card")
    assert 0 < cards.count() < total
    assert cards.locator(".tj-fresh").all_inner_texts() == ["Verificada"] * cards.count()
    assert page.locator(".tj-card", has_text="Colectivo Planta").count() == 1
    shown = page.locator(".tj-status").inner_text()
    page.reload()
    page.locator(".tj-status", has_text=shown).wait_for()
    assert page.get_by_label("Verificadas en el último año").is_checked()
    page.close()
