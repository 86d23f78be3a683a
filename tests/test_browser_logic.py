"""The browser's logic equals the core's, over many generated catalogs and queries.

The scripts the site ships are loaded once into one Chromium page and called with
the very data the core writes (`facets.js`, the search `meta.js`), many inputs per
call: the allies finder's ranking against `allies_for`, the folding of text against
`text.fold`, and the directory's facet counts against counts computed here.
A seeded generator makes the catalogs (their taxonomies too), so a failure repeats.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tejido.core import Catalog, Layout, load_project
from tejido.core.catalog.allies import allies_for
from tejido.core.i18n.text import fold
from tejido.core.outputs.pages.directory import facets_data
from tejido.core.outputs.search.index import SearchDoc, build_index
from tejido.core.outputs.urls import Urls

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "plugins" / "tejido" / "theme" / "assets" / "javascripts"
CATALOGS = 14
QUERIES = 40
"""Allies queries and facet states per catalog."""
FOLD_CASES = 600
FACETS = ("kind", "freshness", "themes", "regions", "populations", "sdgs",
          "organization-types")
NAMES = ["Órgano Ciudadano", "Zapoteca Viva", "árbol", "Árbol", "Colectivo Ñuu", "Casa", "casa",
         "Éxodo", "Red Ávila", "Unión", "Mujeres", "Educación", "Ébano", "Zona", "Oaxaca"]


def _receive(text: str) -> Any:
    match = re.fullmatch(r'tejidoSearch\.receive\("[^"]+",(.*)\);\n', text, re.S)
    assert match, text[:80]
    return json.loads(match.group(1))


# -- generated catalogs ---------------------------------------------------------------


def _tree(rng: random.Random, prefix: str, roots: int, fanout: int, depth: int
          ) -> list[dict[str, str]]:
    """Terms in a random tree, listed parent first, some of them leaves at every level."""
    terms: list[dict[str, str]] = []

    def grow(parent: str | None, level: int, count: int) -> None:
        for _ in range(count):
            term = {"id": f"{prefix}{len(terms)}", "es": f"{prefix} {len(terms)} ñ",
                    "en": f"{prefix} {len(terms)}"}
            if parent:
                term["parent"] = parent
            terms.append(term)
            if level < depth and rng.random() < 0.6:
                grow(term["id"], level + 1, rng.randint(1, fanout))

    grow(None, 1, roots)
    return terms


def _write_taxonomies(rng: random.Random, root: Path, generated: bool) -> None:
    shutil.copytree(REPO / "taxonomies", root / "taxonomies")
    if generated:  # varied shapes: deep theme trees, countries with and without states
        for name, terms in (("themes", _tree(rng, "t", rng.randint(2, 5), 3, 3)),
                            ("regions", _tree(rng, "r", rng.randint(2, 4), 4, 3))):
            (root / "taxonomies" / f"{name}.yml").write_text(
                json.dumps(terms, ensure_ascii=False), encoding="utf-8")


def _ids(root: Path, name: str) -> list[str]:
    import yaml

    return [str(t["id"]) for t in yaml.safe_load((root / "taxonomies" / f"{name}.yml").read_text())]


def _some(rng: random.Random, items: list[str], most: int, least: int = 0) -> list[str]:
    return rng.sample(items, rng.randint(least, min(most, len(items))))


def _entries(rng: random.Random, root: Path) -> None:
    themes, regions = _ids(root, "themes"), _ids(root, "regions")
    types, populations, sdgs = (_ids(root, n) for n in ("organization-types", "populations",
                                                          "sdgs"))
    folders = {k: root / p for k, p in (("organization", "directory/organizations"),
                                       ("network", "directory/networks"), ("practice",
                                                                          "practices"))}
    for folder in folders.values():
        folder.mkdir(parents=True)
    orgs = [f"o{n}" for n in range(rng.randint(12, 36))]
    for org in orgs:
        data = {"name": f"{rng.choice(NAMES)} {rng.randint(1, 3)}", "type": rng.choice(types),
                "summary": {"es": "Resumen.", "en": "Summary."},
                "themes": _some(rng, themes, 4, 1), "regions": _some(rng, regions, 3, 1),
                "populations": _some(rng, populations, 2), "sdgs": _some(rng, sdgs, 2)}
        if rng.random() < 0.7:  # checked recently, long ago, or never
            data["last_verified"] = str(dt.date.today() - dt.timedelta(days=rng.randint(0, 900)))
        (folders["organization"] / f"{org}.yml").write_text(json.dumps(data), "utf-8")
    for number in range(rng.randint(1, 5)):
        members = _some(rng, orgs, 6, 1)
        data = {"name": f"Red {rng.choice(NAMES)}", "summary": {"es": "Red.", "en": "Network."},
                "themes": _some(rng, themes, 3, 1), "regions": _some(rng, regions, 2, 1),
                "convenor": f"organization:{rng.choice(orgs)}",
                "members": [{"organization": f"organization:{m}", "since": 2020}
                            for m in members]}
        (folders["network"] / f"n{number}.yml").write_text(json.dumps(data), "utf-8")
    for number in range(rng.randint(0, 8)):
        front = {"title": {"es": f"Práctica {number}", "en": f"Practice {number}"},
                 "summary": {"es": "Práctica.", "en": "Practice."},
                 "organizations": [f"organization:{o}" for o in _some(rng, orgs, 2, 1)],
                 "themes": _some(rng, themes, 2, 1), "regions": _some(rng, regions, 1, 1)}
        (folders["practice"] / f"p{number}.md").write_text(
            f"---\n{json.dumps(front)}\n---\nTexto.\n", "utf-8")


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> list[Catalog]:
    found = []
    for seed in range(CATALOGS):
        rng = random.Random(seed)
        root = tmp_path_factory.mktemp(f"generated-{seed}")
        _write_taxonomies(rng, root, generated=seed % 2 == 1)
        _entries(rng, root)
        result = load_project(Layout(root))
        assert not result.problems, result.problems.report()
        found.append(result.catalog)
    return found


# -- the page with the scripts ----------------------------------------------------------


@pytest.fixture(scope="module")
def scripts(browser: Any) -> Iterator[Any]:
    """One page with the site's scripts, no site around them."""
    page = browser.new_page()
    page.set_content("<!doctype html><html><head></head><body></body></html>")
    for name in ("tejido-search.js", "tejido-allies.js", "tejido-directory.js"):
        page.add_script_tag(path=str(SCRIPTS / name))
    yield page
    page.close()


# -- allies ---------------------------------------------------------------------------


def _core_ranking(catalog: Catalog, themes: list[str], regions: list[str]) -> list[Any]:
    number = {ref: n for n, ref in enumerate(catalog.entries)}
    position = {name: {t.id: i for i, t in enumerate(catalog.taxonomies[name])}
                for name in ("themes", "regions")}
    ranked = []
    for ally in allies_for(catalog, themes, regions):
        reasons = [[r.kind, [position["regions" if r.kind == "region" else "themes"][t]
                             for t in r.terms]] for r in ally.reasons]
        ranked.append({"number": number[ally.ref], "score": ally.score, "reasons": reasons})
    return ranked


def test_allies_ranking_equals_the_core(scripts: Any, catalogs: list[Catalog]) -> None:
    cases = 0
    for seed, catalog in enumerate(catalogs):
        rng = random.Random(1000 + seed)
        data = _receive(facets_data(catalog, "es", Urls()))
        themes, regions = (list(catalog.taxonomies[n].terms) for n in ("themes", "regions"))
        queries = [(_some(rng, themes, 3), _some(rng, regions, 2)) for _ in range(QUERIES)]
        position = {n: {t: i for i, t in enumerate(catalog.taxonomies[n].terms)}
                    for n in ("themes", "regions")}
        browser_side = scripts.evaluate(
            "([data, queries]) => queries.map(q => tejidoAllies.rank(data, q[0], q[1]))",
            [data, [[[position["themes"][t] for t in th], [position["regions"][r] for r in rg]]
                    for th, rg in queries]])
        for (th, rg), found in zip(queries, browser_side, strict=True):
            expected = _core_ranking(catalog, th, rg)
            assert found == expected, f"catalog {seed}, themes {th}, regions {rg}"
            cases += 1
    assert cases == CATALOGS * QUERIES
    assert sum(1 for c in catalogs for _ in c.entries) > 300


# -- folding --------------------------------------------------------------------------

ASSIGNED = [c for c in range(sys.maxunicode + 1)
            if unicodedata.category(chr(c)) not in ("Cn", "Cs", "Co")]
"""Code points this Python's Unicode knows; the browser's may know more, and fold what
Python cannot see (a newer Unicode is not a difference of our making)."""
MARKS = [c for c in ASSIGNED if unicodedata.combining(chr(c))]
FOLD_SAMPLES = [
    "Educación MÉXICO Ñandú", "Tiếng Việt", "ñuuꞌ savi", "Łódź", "İstanbul", "ΟΔΥΣΣΕΥΣ",
    "straße", "ﬁ ﬂ ½ ²", "हिन्दी", "שָׁלוֹם", "مَرْحَبًا", "a\u0303\u20dd\u1dc0\ufe20",
    "\U0001d165\U0001d16e x", "e\U000e0100", "ǅ ǈ ǋ", "Ａｂｃ",
]


def _fold_cases() -> list[str]:
    rng = random.Random(5)
    cases = list(FOLD_SAMPLES)
    while len(cases) < FOLD_CASES:
        base = "".join(chr(rng.choice(ASSIGNED)) for _ in range(rng.randint(1, 6)))
        marked = "".join(chr(rng.choice(MARKS)) for _ in range(rng.randint(0, 3)))
        cases.append(rng.choice("aeiouAEIOU") + marked + base + chr(rng.choice(MARKS)))
    return cases


def test_folding_equals_the_core(scripts: Any) -> None:
    meta = _receive(build_index([SearchDoc("a", "organization", "a/", "b")], "es").files["meta.js"])
    cases = _fold_cases()
    found = scripts.evaluate("([meta, texts]) => texts.map(t => tejidoSearch.fold(meta, t))",
                             [meta, cases])
    differ = [(text, fold(text), got) for text, got in zip(cases, found, strict=True)
              if fold(text) != got]
    assert differ == []
    assert len(cases) == FOLD_CASES and len(MARKS) > 900


# -- facet counts ---------------------------------------------------------------------


def _values(catalog: Catalog, facet: str) -> list[set[str]]:
    """Each entry's values in a facet, with the ancestors of each: what a count counts."""
    found = []
    for entry in catalog.entries.values():
        if facet == "kind":
            found.append({entry.kind})
            continue
        if facet == "freshness":  # one value: verified recently enough
            found.append({"yes"} if catalog.freshness(entry).state == "fresh" else set())
            continue
        if facet == "organization-types":
            own = [entry.values["type"]] if entry.kind == "organization" else []
        else:
            own = list(getattr(entry, facet))
        tax = catalog.taxonomies[facet]
        found.append({a for term in own for a in (term, *tax.ancestors(term))})
    return found


def _python_counts(values: dict[str, list[set[str]]], state: dict[str, list[str]],
                   hits: list[int] | None) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    entries = range(len(values["kind"]))
    for facet in FACETS:
        tally: dict[str, int] = {}
        for n in entries:
            if hits is not None and n not in hits:
                continue
            if any(state[other] and not set(state[other]) & values[other][n]
                   for other in FACETS if other != facet):
                continue
            for value in values[facet][n]:
                tally[value] = tally.get(value, 0) + 1
        counts[facet] = tally
    return counts


BROWSER_COUNTS = """([data, cases]) => {
  const entries = tejidoFacets.prepare(data);
  return cases.map(([chosen, hits]) => {
    const state = {};
    data.facets.forEach(f => {
      state[f.name] = new Set(chosen[f.name].map(v => f.ids.indexOf(v)));
    });
    const found = {};
    data.facets.forEach(f => {
      const counts = tejidoFacets.counts(data, entries, state, hits && new Set(hits), f.name);
      found[f.name] = Object.fromEntries(Array.from(counts, ([i, n]) => [f.ids[i], n]));
    });
    return found;
  });
}"""


def test_facet_counts_equal_counts_in_python(scripts: Any, catalogs: list[Catalog]) -> None:
    cases = 0
    for seed, catalog in enumerate(catalogs):
        rng = random.Random(2000 + seed)
        data = _receive(facets_data(catalog, "en", Urls()))
        assert [f["name"] for f in data["facets"]] == list(FACETS)
        values = {facet: _values(catalog, facet) for facet in FACETS}
        every = {facet: sorted(set().union(*values[facet])) for facet in FACETS}
        states = [({f: [] for f in FACETS}, None)]  # nothing chosen: the counts of the core
        for _ in range(QUERIES - 1):
            chosen = {f: _some(rng, every[f], 2) if rng.random() < 0.35 else [] for f in FACETS}
            hits = (sorted(rng.sample(range(len(catalog)), rng.randint(0, len(catalog))))
                    if rng.random() < 0.3 else None)
            states.append((chosen, hits))
        found = scripts.evaluate(BROWSER_COUNTS, [data, states])
        for (chosen, hits), counts in zip(states, found, strict=True):
            assert counts == _python_counts(values, chosen, hits), f"catalog {seed}, {chosen}"
            cases += 1
        for name in FACETS[2:]:  # with no filter, a term counts what its browse page lists
            assert found[0][name] == {t.id: catalog.count(name, t.id)
                                      for t in catalog.taxonomies[name]
                                      if catalog.count(name, t.id)}
    assert cases == CATALOGS * QUERIES


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_directory_texts_are_its_own(lang: str, catalogs: list[Catalog]) -> None:
    """The allies' reasons share facets.js with the directory's texts: none shadows one."""
    from tejido.core.i18n.labels import group

    texts = _receive(facets_data(catalogs[0], lang, Urls()))["texts"]
    for key, text in group(lang, "directory.").items():
        assert texts[key] == text, key
