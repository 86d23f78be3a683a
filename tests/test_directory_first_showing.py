"""The directory's first showing builds its facet lists after the results, a few values
per turn of the browser (tejido-directory.js `inTurns`), so a slow phone is not held for a
third of a second.  What it builds must be the very lists an update renders at once: the
same facets, values, counts and ticks; opening the phone's filters finishes them at once;
an update meanwhile renders them whole and drops what was left.

The page's clock is paused (Playwright's fake timers), so the turns wait until a test
lets time run, and each state in between can be looked at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

URL = "en/directorio/index.html?region=oaxaca"
START = dt.datetime(2026, 12, 2, 6, 0, 0)
FACETS = """() => Array.from(document.querySelectorAll('#tj-facets .tj-facet')).map(f => [
    f.querySelector('legend').textContent,
    Array.from(f.querySelectorAll('.tj-facet__value')).map(v => [
        v.querySelector('label').textContent, v.querySelector('input').checked,
        v.closest('ul').parentElement.closest('ul') ? 'nested' : 'top'])])"""
"""Each facet's legend and values (label with count, ticked, nested or top level)."""


@pytest.fixture(params=[(1280, 900), (390, 844)], ids=["desktop", "phone"])
def paused(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    """The filtered directory with the page's time standing still: the results are in
    (they wait for no timer), the facet lists not yet."""
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.clock.install(time=START)
    page.clock.pause_at(START + dt.timedelta(seconds=1))
    page.goto(site_url + URL)
    page.wait_for_selector(".tj-card")
    yield page
    context.close()


def _rendered_at_once(page: Any) -> tuple[str, Any]:
    """The facets as an update renders them (a text typed and taken back: same state)."""
    page.locator("#tj-q").fill("casa")
    page.wait_for_function("document.querySelector('.tj-status').textContent !== '4 results'")
    page.locator("#tj-q").fill("")
    page.wait_for_function("document.querySelector('.tj-status').textContent === '4 results'")
    return page.inner_html("#tj-facets"), page.evaluate(FACETS)


def _let_time_run(page: Any) -> None:
    page.clock.run_for(5000)
    page.wait_for_selector("#tj-directory[data-ready]")


def test_the_facets_come_after_the_results_and_equal_an_update(paused: Any) -> None:
    page = paused
    assert page.locator(".tj-status").inner_text() == "4 results"
    assert page.locator(".tj-chip", has_text="Oaxaca").count() == 1
    assert page.locator("#tj-facets .tj-facet").count() == 0  # not yet: they wait for a turn
    assert page.get_attribute("#tj-facets", "aria-busy") == "true"
    assert page.locator(".tj-allies-finder").count() == 0  # it comes after the facets
    _let_time_run(page)
    assert page.get_attribute("#tj-facets", "aria-busy") is None
    deferred_html, deferred = page.inner_html("#tj-facets"), page.evaluate(FACETS)
    legends = [legend for legend, _ in deferred]
    assert legends[:2] == ["Kind of entry", "Verification"]
    assert {"Themes", "Regions"} <= set(legends)
    regions = dict((label, (ticked, level)) for label, values in deferred
                   if label == "Regions" for label, ticked, level in values)
    assert regions["Oaxaca 4"] == (True, "nested")  # Mexico > Oaxaca, ticked from the URL
    assert page.locator(".tj-allies-finder").count() == 1
    assert page.locator(".tj-browse").count() == 1
    assert _rendered_at_once(page) == (deferred_html, deferred)
    assert page.inner_text(".tj-facets-done") == "See 4 results"


def test_opening_the_phone_filters_finishes_them_at_once(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.clock.install(time=START)
    page.clock.pause_at(START + dt.timedelta(seconds=1))
    page.goto(site_url + URL)
    page.wait_for_selector(".tj-card")
    assert page.locator("#tj-facets .tj-facet").count() == 0
    # the click and the count in one go: no turn of the page in between
    opened = page.evaluate("""() => {
        document.querySelector('.tj-facets-toggle').click();
        return [document.querySelectorAll('#tj-facets .tj-facet').length,
                document.querySelector('#tj-facets').getAttribute('aria-busy')];
    }""")
    whole = page.evaluate(FACETS)
    assert opened == [len(whole), None] and len(whole) >= 4
    assert page.locator("#tj-f-kind-0").is_visible()
    _let_time_run(page)  # nothing left to do: no list twice
    assert page.evaluate(FACETS) == whole
    assert _rendered_at_once(page)[1] == whole
    context.close()


def test_an_update_meanwhile_renders_them_whole_and_drops_the_rest(paused: Any) -> None:
    page = paused
    page.locator("#tj-q").fill("casa")  # the box is there before the facets
    page.wait_for_function("document.querySelector('.tj-status').textContent !== '4 results'")
    assert page.locator("#tj-facets .tj-facet").count() >= 4
    assert page.get_attribute("#tj-facets", "aria-busy") is None
    typed = page.evaluate(FACETS)
    _let_time_run(page)
    assert page.evaluate(FACETS) == typed  # the first showing's rest was dropped
    assert page.locator(".tj-allies-finder").count() == 1
