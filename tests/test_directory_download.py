"""The directory's "download these results", in Chromium, from file:// (a copy of the
site on a USB stick): CSV and JSON built in the browser from what the page loaded, the
filters in the file name and in the first row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

QUERY = "?kind=organization&theme=participacion-ciudadana"
EXPECTED = {"Centro de Saberes", '<script>alert("name")</script> Colectivo & "Hostil"'}


def download(browser: Any, built_mini: Path, lang: str, button: str) -> tuple[str, str]:
    page = browser.new_page(accept_downloads=True)
    try:
        url = (built_mini / lang / "directorio" / "index.html").as_uri() + QUERY
        page.goto(url)
        page.wait_for_function("document.querySelector('.tj-status') && "
                               "document.querySelector('.tj-status').textContent.startsWith('2')")
        with page.expect_download() as info:
            page.locator(f".tj-download__{button}").click()
        got = info.value
        return got.suggested_filename, Path(got.path()).read_text(encoding="utf-8-sig")
    finally:
        page.close()


def test_csv_of_the_filtered_results_from_file(browser: Any, built_mini: Path) -> None:
    name, text = download(browser, built_mini, "en", "csv")
    assert name == "tejido-directory-kind-organization-theme-participacion-ciudadana.csv"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Filters: Kind of entry: Organization · Themes: Citizen participation"]
    header = rows[1]
    assert header[:4] == ["Kind of entry", "Name", "Summary", "Page"]
    found = [dict(zip(header, row, strict=True)) for row in rows[2:]]
    assert {r["Name"].removeprefix("'") for r in found} == EXPECTED
    for row in found:
        assert row["Kind of entry"] == "Organization"
        assert "Citizen participation" in row["Themes"]
        assert row["Page"].startswith("file://") and row["Page"].endswith("/index.html")
        assert Path(row["Page"].removeprefix("file://")).is_file()


def test_json_of_the_filtered_results_in_spanish(browser: Any, built_mini: Path) -> None:
    name, text = download(browser, built_mini, "", "json")
    assert name == "tejido-directorio-kind-organization-theme-participacion-ciudadana.json"
    document = json.loads(text)
    assert document["filters"] == ["Tipo de entrada: Organización",
                                   "Temas: Participación ciudadana"]
    assert document["count"] == 2
    assert {e["name"] for e in document["entries"]} == EXPECTED
    assert all(e["themes"] == ["Participación ciudadana"] for e in document["entries"])
