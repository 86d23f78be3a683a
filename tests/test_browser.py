"""The built site in a real browser (Debian's Chromium through Playwright).

Skips, loudly, where Chromium is missing; with TEJIDO_REQUIRE_BROWSER=1 (set by
CI) a missing browser is a failure instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    reason = f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing (apt-get install chromium)"
    if os.environ.get("TEJIDO_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def test_language_switcher_keeps_the_entry(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    external: list[str] = []
    page.on("request", lambda r: r.url.startswith(site_url) or external.append(r.url))
    page.goto(site_url + "organizaciones/casa-de-la-mixteca/index.html")
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/organizaciones/casa-de-la-mixteca/index.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".tj-fallback").is_visible()
    assert page.locator('.tj-summary span[lang="es"]').inner_text().startswith("Acompaña")
    page.locator('a.md-select__link[hreflang="es"]').click(force=True)
    page.wait_for_url("**/organizaciones/casa-de-la-mixteca/index.html")
    assert external == [], f"requests left the site: {external}"


def test_hostile_entry_runs_no_script(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for prefix in ("", "en/"):
        page.goto(site_url + prefix + "organizaciones/colectivo-hostil/index.html")
        page.mouse.move(200, 300)
        page.locator("text=marcas").first.hover() if prefix == "" else None
    assert dialogs == []
    heading = page.locator("h1.tj-title").inner_text()
    assert heading.startswith('<script>alert("name")</script>')


def test_relation_links_lead_to_the_related_entry(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(site_url + "en/redes/red-sur/index.html")
    page.get_by_role("link", name="Casa de la Mixteca").first.click()
    page.wait_for_url("**/en/organizaciones/casa-de-la-mixteca/index.html")
    page.get_by_role("link", name="Red Sur").first.click()
    page.wait_for_url("**/en/redes/red-sur/index.html")
