"""Allies: ranking, reasons in both languages, networks, chosen terms, bounded cost; the matrix."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from tejido.core import Catalog, Layout, Ref, load_project
from tejido.core.catalog.allies import (
    MIN_SCORE,
    Ally,
    AllyIndex,
    allies_for,
    allies_view,
    find_allies,
    index_for,
    pool_size,
    reason_text,
)
from tejido.core.catalog.matrix import build_matrix, matrix_page
from tejido.core.outputs.render import THEME_DIR, Renderer
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import Views

BENCH = Path(__file__).resolve().parent.parent / "bench"

# The mini fixture has Casa de la Mixteca (economia-social, igualdad-de-genero; Mixteca),
# the hostile collective (participacion-ciudadana; Valles Centrales), Centro de Saberes
# (participacion-ciudadana; Puebla; allied with Casa de la Mixteca) and Red Sur (convened
# by Centro de Saberes, with the other two as members).  These are added around them.
EXTRA = {
    "directory/organizations/mujeres-de-la-costa.yml": """
name: Mujeres de la Costa
type: collective
summary: {es: Cooperativa de mujeres., en: Women's cooperative.}
themes: [economia-social, igualdad-de-genero]
regions: [mixteca]
""",
    "directory/organizations/cooperativa-sierra.yml": """
name: Cooperativa Sierra
type: cso
summary: {es: Cooperativa de café., en: Coffee cooperative.}
themes: [economia-social]
regions: [valles-centrales]
""",
    "directory/organizations/derechos-guatemala.yml": """
name: Derechos Guatemala
type: cso
summary: {es: Derechos de las mujeres., en: Women's rights.}
themes: [igualdad-de-genero, economia-social]
regions: [solola]
""",
    "directory/organizations/fondo-sostenible.yml": """
name: Fondo Sostenible
type: foundation
summary: {es: Fondo ambiental., en: Environmental fund.}
themes: [sostenibilidad]
regions: [mixteca]
""",
    "directory/organizations/salud-norte.yml": """
name: Salud Norte
type: cso
summary: {es: Clínicas comunitarias., en: Community clinics.}
themes: [salud]
regions: [sonora]
""",
    "directory/organizations/observatorio-ciudadano.yml": """
name: Observatorio Ciudadano
type: academic
summary: {es: Observa el gasto público., en: Watches public spending.}
themes: [incidencia-politica]
regions: [puebla]
""",
    "directory/organizations/cooperacion-belga.yml": """
name: Cooperación Belga
type: international
summary: {es: Cooperación descentralizada., en: Decentralized cooperation.}
themes: [cooperacion-descentralizada]
regions: [belgica]
""",
    "directory/networks/red-mujeres.yml": """
name: Red Mujeres
summary: {es: Red de organizaciones de mujeres., en: Network of women's organizations.}
themes: [igualdad-de-genero]
regions: [oaxaca]
convenor: organization:cooperativa-sierra
members:
  - {organization: organization:mujeres-de-la-costa, since: 2019}
  - {organization: organization:derechos-guatemala, since: 2020}
  - {organization: organization:casa-de-la-mixteca, since: 2021}
""",
}

CAMIX = Ref("organization", "casa-de-la-mixteca")
HOSTIL = Ref("organization", "colectivo-hostil")
SABERES = Ref("organization", "red-de-saberes")
MUJERES = Ref("organization", "mujeres-de-la-costa")
SIERRA = Ref("organization", "cooperativa-sierra")
GUATEMALA = Ref("organization", "derechos-guatemala")
FONDO = Ref("organization", "fondo-sostenible")
OBSERVATORIO = Ref("organization", "observatorio-ciudadano")
RED_SUR = Ref("network", "red-sur")
RED_MUJERES = Ref("network", "red-mujeres")
TALLERES = Ref("practice", "talleres-de-incidencia")


def load(project: Path) -> Catalog:
    for path, text in EXTRA.items():
        (project / path).write_text(text.lstrip(), encoding="utf-8")
    result = load_project(Layout(project))
    assert not result.problems, result.problems.report()
    return result.catalog


@pytest.fixture
def catalog(project: Path) -> Catalog:
    return load(project)


def ranking(allies: Iterable[Ally]) -> list[tuple[Ref, float]]:
    return [(ally.ref, ally.score) for ally in allies]


def texts(catalog: Catalog, ally: Ally, lang: str) -> list[str]:
    return [reason_text(reason, lang, catalog) for reason in ally.reasons]


def test_ranking_order_with_ties_broken_by_name(catalog: Catalog) -> None:
    assert ranking(find_allies(catalog, CAMIX)) == [
        (MUJERES, 12.0),    # 2 themes, same sub-region, both in Red Mujeres
        (SIERRA, 8.0),      # 1 theme, same state, convenes Red Mujeres
        (GUATEMALA, 8.0),   # 2 themes, another country, both in Red Mujeres
        (RED_MUJERES, 6.0),  # 1 theme, same state (and already has it as a member)
        (HOSTIL, 5.0),      # both in Red Sur, same state; its name starts with "<"
        (FONDO, 5.0),       # sibling theme (Desarrollo local), same sub-region
        (SABERES, 3.0),     # both in Red Sur, same country; already allied
    ]


def test_limit_and_self_excluded(catalog: Catalog) -> None:
    assert ranking(find_allies(catalog, CAMIX, limit=2)) == [(MUJERES, 12.0), (SIERRA, 8.0)]
    for ref in (CAMIX, HOSTIL, SABERES, MUJERES, RED_SUR, RED_MUJERES):
        assert ref not in [ally.ref for ally in find_allies(catalog, ref)]


def test_only_organizations_and_networks(catalog: Catalog) -> None:
    assert find_allies(catalog, TALLERES) == ()
    assert find_allies(catalog, Ref("guide", "guia-de-prueba")) == ()
    kinds = {ally.ref.kind for ref in catalog.by_kind["organization"]
             for ally in find_allies(catalog, ref)}
    assert kinds <= {"organization", "network"}


def test_reasons_in_spanish_and_english(catalog: Catalog) -> None:
    best = find_allies(catalog, CAMIX)[0]
    assert texts(catalog, best, "es") == [
        "2 temas en común: Igualdad de género, Economía social e inclusiva",
        "también en Mixteca",
        "ambas en Red Mujeres",
    ]
    assert texts(catalog, best, "en") == [
        "2 shared themes: Gender equality, Social and inclusive economy",
        "also in Mixteca",
        "both in Red Mujeres",
    ]
    by_ref = {ally.ref: ally for ally in find_allies(catalog, CAMIX)}
    assert texts(catalog, by_ref[SIERRA], "es") == [
        "1 tema en común: Economía social e inclusiva", "también en Oaxaca",
        "ambas en Red Mujeres"]
    assert texts(catalog, by_ref[FONDO], "en") == [
        "related themes in Local and territorial development", "also in Mixteca"]
    assert texts(catalog, by_ref[SABERES], "es") == [
        "también en México", "ambas en Red Sur", "ya tienen una alianza"]
    assert texts(catalog, by_ref[RED_MUJERES], "en")[-1] == (
        "this organization is already a member")


def test_score_is_the_sum_of_the_reasons(catalog: Catalog) -> None:
    index = AllyIndex.build(catalog)
    for ref in index.refs:
        for ally in index.find(ref):
            assert ally.score == sum(reason.weight for reason in ally.reasons)
            assert ally.score >= MIN_SCORE
            assert index.score(ref, ally.ref) == ally.score


def test_practices_in_the_targets_themes(catalog: Catalog) -> None:
    allies = find_allies(catalog, OBSERVATORIO)
    assert ranking(allies) == [(SABERES, 7.0), (RED_SUR, 6.0), (CAMIX, 3.0)]
    practice = [r for r in allies[0].reasons if r.kind == "practice"]
    assert practice[0].refs == (TALLERES,)
    assert reason_text(practice[0], "es", catalog) == (
        "realizó prácticas en Incidencia en políticas públicas")
    assert reason_text(practice[0], "en", catalog) == "ran practices in Public policy advocacy"


def test_networks_signal(catalog: Catalog) -> None:
    # Two organizations in Red Sur: the hostile collective and its convenor.
    allies = {ally.ref: ally for ally in find_allies(catalog, HOSTIL)}
    assert allies[SABERES].score == 6.0
    assert "both in Red Sur" in texts(catalog, allies[SABERES], "en")
    assert "ambas en Red Sur" in texts(catalog, allies[CAMIX], "es")


def test_a_networks_allies(catalog: Catalog) -> None:
    allies = find_allies(catalog, RED_MUJERES)
    assert ranking(allies) == [(CAMIX, 6.0), (MUJERES, 6.0), (RED_SUR, 5.0), (GUATEMALA, 3.0)]
    sister = allies[2]
    assert texts(catalog, sister, "es") == [
        "también en Oaxaca", "1 miembro en común: Casa de la Mixteca"]
    assert texts(catalog, sister, "en")[1] == "1 member in common: Casa de la Mixteca"
    assert texts(catalog, allies[0], "es")[-1] == "ya es miembro de esta red"
    assert "already a member of this network" in texts(catalog, allies[1], "en")


def test_allies_for_chosen_themes_and_region(catalog: Catalog) -> None:
    # A broad theme: those working on a sub-theme of it, in the chosen state.
    chosen = allies_for(catalog, ["desarrollo-local"], ["MX-OAX"])
    assert ranking(chosen) == [(CAMIX, 5.0), (SIERRA, 5.0), (FONDO, 5.0), (MUJERES, 5.0)]
    assert texts(catalog, chosen[0], "es") == [
        "temas afines en Desarrollo local y territorial", "también en Oaxaca"]
    exact = allies_for(catalog, ["economia-social"], ["mixteca"], limit=2)
    assert ranking(exact) == [(CAMIX, 7.0), (MUJERES, 7.0)]
    assert texts(catalog, exact[1], "en") == [
        "1 shared theme: Social and inclusive economy", "also in Mixteca"]
    # No network signal: nothing is "already" related to a choice.
    assert all(r.kind not in {"network", "member", "has-member", "alliance"}
               for ally in chosen for r in ally.reasons)


def test_allies_for_region_only_and_unknown_terms(catalog: Catalog) -> None:
    # With no theme chosen, the place counts alone: the same sub-region, then its state.
    nearby = allies_for(catalog, [], ["mixteca"])
    assert ranking(nearby) == [(CAMIX, 4.0), (FONDO, 4.0), (MUJERES, 4.0), (HOSTIL, 3.0),
                               (SIERRA, 3.0), (RED_MUJERES, 3.0), (RED_SUR, 3.0)]
    with pytest.raises(ValueError, match="sostenibilidd"):
        allies_for(catalog, ["sostenibilidd"], [])


def test_deterministic(project: Path) -> None:
    first = load(project)
    again = load_project(Layout(project)).catalog
    for ref in [*first.by_kind["organization"], *first.by_kind["network"]]:
        assert find_allies(first, ref) == find_allies(again, ref)
        assert AllyIndex.build(first).find(ref) == find_allies(first, ref)


def test_allies_list_is_escaped(catalog: Catalog) -> None:
    v = Views(catalog, Urls(), "es", Urls().entry(CAMIX, "es"))
    view = allies_view(v, find_allies(catalog, CAMIX))
    markup = Renderer([THEME_DIR], None).fragment("tejido/partials/allies.html", "es",
                                                  allies=view)
    assert '<ul class="tj-allies">' in markup
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert 'href="../mujeres-de-la-costa/index.html"' in markup
    assert "ambas en Red Mujeres" in markup


def test_a_query_never_scans_the_catalog(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic import make_catalog
    finally:
        sys.path.remove(str(BENCH))
    result = load_project(Layout(make_catalog(tmp_path, 2000)))
    assert not result.problems
    index = AllyIndex.build(result.catalog)
    scored: list[int] = []
    original = AllyIndex._scores

    def counting(self: AllyIndex, target: object, pool: tuple[int, ...]) -> object:
        scored.append(len(pool))
        return original(self, target, pool)  # type: ignore[arg-type]

    monkeypatch.setattr(AllyIndex, "_scores", counting)
    for ref in index.refs:
        assert len(index.find(ref)) == 8
    assert len(scored) == len(index.refs) == 2040
    assert max(scored) <= pool_size(8) < len(index.refs) / 10


def test_matrix_counts_and_gaps(catalog: Catalog) -> None:
    matrix = build_matrix(catalog)
    assert matrix.count("economia-social", "oaxaca") == 3   # two in Mixteca, one in Valles
    assert matrix.count("desarrollo-local", "oaxaca") == 4  # a parent counts its sub-themes
    assert matrix.count("economia-social", "solola") == 1
    assert matrix.count("economia-social", "sacatepequez") == 0
    assert matrix.count("salud", "oaxaca") == 0
    assert matrix.count("economia-social", "mexico") == 3
    columns = [(c.region, c.total) for c in matrix.columns]
    assert ("guerrero", False) not in columns      # a state where no organization works
    assert ("sacatepequez", False) not in columns  # only a network works there
    assert ("solola", False) in columns            # a state with some: its zeros are gaps
    assert ("mexico", True) in columns and ("guatemala", True) in columns
    assert not any(c.country == "el-salvador" for c in matrix.columns)  # nobody there
    belgium = [c for c in matrix.columns if c.country == "belgica"]  # no states: one column
    assert [(c.region, c.total, c.undivided) for c in belgium] == [("belgica", False, True)]
    assert matrix.count("gobernanza", "belgica") == 1
    rows = [theme for theme, _ in matrix.rows]
    assert rows.index("desarrollo-local") + 1 == rows.index("economia-social")


def test_matrix_page(catalog: Catalog) -> None:
    es, en = matrix_page(catalog, "es", Urls()), matrix_page(catalog, "en", Urls())
    assert (es.source, es.url, en.source, en.url) == (
        "matriz/index.md", "matriz/index.html", "en/matriz/index.md", "en/matriz/index.html")
    assert es.alternates == {"es": "matriz/index.html", "en": "en/matriz/index.html"}
    renderer = Renderer([THEME_DIR], None)
    page = renderer.page(es, "", str)
    assert '<div class="tj-scroll" role="region" tabindex="0"' in page
    assert ' en Oaxaca: ninguna organización todavía">0</td>' in page
    assert "Sacatepéquez" not in page  # only a network works there: no column
    assert '<tr class="tj-matrix__sub tj-depth-1"><th scope="row" class="tj-matrix__theme">' \
           '<a href="../temas/economia-social/index.html">' in page
    assert "El Salvador" not in page
    assert ('<th rowspan="2" scope="col" class="tj-matrix__country">'
            '<a href="../regiones/belgica/index.html">Bélgica</a></th>') in page
    assert '<th colspan="4" scope="col" class="tj-matrix__country">' in page  # 3 states, total
    english = renderer.page(en, "", str)
    assert " in Oaxaca: no organization yet" in english
    assert 'href="../regiones/oaxaca/index.html"' in english


def test_the_catalog_owns_its_allies_index(project: Path) -> None:
    import tejido.core.catalog.allies as allies_package

    first, second = load(project), load_project(Layout(project)).catalog
    assert index_for(first) is index_for(first) is first.derived("allies", AllyIndex.build)
    assert index_for(second) is not index_for(first)
    kept = [name for name, value in vars(allies_package).items()
            if isinstance(value, (list, dict)) and not name.startswith("__")]
    assert kept == [], f"module-level state in core/catalog/allies: {kept}"
