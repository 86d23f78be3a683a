"""axe-core (from npm, see package.json) on the pages people use most, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["directorio/index.html", "index.html", "organizaciones/casa-de-la-mixteca/index.html",
         "regiones/oaxaca/index.html", "matriz/index.html"]


def violations(browser: Any, url: str) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    if "directorio" in url:  # the whole first showing: results, facets, allies finder
        page.wait_for_selector("#tj-directory[data-ready]")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(
            v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
    }""")
    page.close()
    return list(found)


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(browser: Any, site_url: str, lang: str, path: str) -> None:
    assert violations(browser, site_url + lang + path) == []
