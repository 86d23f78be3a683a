"""Places: every country and the states of the Americas and Spain, written any way people
write them; hints that stay in the entry's country; lists sorted by name per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from tejido.core import Layout, load_project
from tejido.core.model.places import SUBDIVIDED, all_places
from tejido.core.model.regions import by_name, place_hint, qualified_label, resolve_place
from tejido.core.model.taxonomy import Taxonomy, load_taxonomies
from tejido.core.validate.problems import Problems


@pytest.fixture(scope="module")
def regions() -> Taxonomy:
    problems = Problems()
    taxonomies = load_taxonomies(REPO / "taxonomies", REPO, problems)
    assert not problems
    return taxonomies["regions"]


def test_every_country_and_first_level_subdivision_is_known(regions: Taxonomy) -> None:
    places = all_places()
    countries = [p for p in places if p.code == p.country]
    assert len(countries) == 249  # ISO 3166-1
    mexico = [p for p in places if p.country == "MX" and p.code != "MX"]
    assert len(mexico) == 32  # 31 states and Mexico City
    assert {p.country for p in places if p.code != p.country} == SUBDIVIDED - {
        c for c in SUBDIVIDED if not any(p.country == c and p.code != c for p in places)}
    assert len({p.id for p in places}) == len(places)
    assert regions.terms["sinaloa"].labels == {"es": "Sinaloa", "en": "Sinaloa"}
    assert regions.terms["nueva-york"].labels == {"es": "Nueva York", "en": "New York"}
    assert regions.terms["ciudad-de-mexico"].labels["en"] == "Mexico City"
    assert regions.terms["mexico"].parent is None
    assert regions.terms["mixteca"].parent == "oaxaca"  # a sub-region of regions.yml
    assert regions.terms["mixteca"].country == "MX"


@pytest.mark.parametrize(("written", "term"), [
    ("oaxaca", "oaxaca"), ("MX-OAX", "oaxaca"), ("mx-oax", "oaxaca"),
    ("Nuevo León", "nuevo-leon"), ("nuevo leon", "nuevo-leon"), ("NUEVO LEÓN", "nuevo-leon"),
    ("Estado de México", "estado-de-mexico"), ("Edo. de México", "estado-de-mexico"),
    ("EdoMex", "estado-de-mexico"), ("State of Mexico", "estado-de-mexico"),
    ("Ciudad de México", "ciudad-de-mexico"), ("CDMX", "ciudad-de-mexico"),
    ("DF", "ciudad-de-mexico"), ("D.F.", "ciudad-de-mexico"), ("Mexico City", "ciudad-de-mexico"),
    ("Michoacán", "michoacan"), ("Michoacán de Ocampo", "michoacan"),
    ("Yucatan", "yucatan"), ("Spain", "espana"), ("España", "espana"),
    ("Basque Country", "pais-vasco"), ("Euskadi", "pais-vasco"), ("Cataluña", "cataluna"),
    ("Catalunya", "cataluna"), ("United States", "estados-unidos"), ("EEUU", "estados-unidos"),
    ("Guatemala", "guatemala"),  # the country, not its namesake department
    ("América Latina", "america-latina"), ("Centroamérica", "centroamerica"),
    ("Latin America", "america-latina"), ("International", "internacional"),
])
def test_a_place_by_id_code_name_or_alias(regions: Taxonomy, written: str, term: str) -> None:
    assert regions.resolve(written) == term


def test_a_shared_name_resolves_with_the_country(regions: Taxonomy) -> None:
    assert regions.resolve("La Libertad") is None  # El Salvador and Peru both have one
    assert resolve_place(regions, "La Libertad", ["SV"]) == "la-libertad-sv"
    assert resolve_place(regions, "La Libertad", ["PE"]) == "la-libertad-pe"
    assert resolve_place(regions, "Nacional", ["MX"]) == "mexico"
    assert resolve_place(regions, "Nacional") is None
    hint = place_hint(regions, "La Libertad")
    assert "'la-libertad-sv' (La Libertad, El Salvador)" in hint
    assert "'la-libertad-pe' (La Libertad, Perú)" in hint


def test_hints_stay_in_the_entry_s_country(regions: Taxonomy) -> None:
    assert place_hint(regions, "Chiapaz", ["MX"]) == "did you mean 'chiapas' (Chiapas, México)?"
    assert place_hint(regions, "Yucatám", ["MX"]) == "did you mean 'yucatan' (Yucatán, México)?"
    assert place_hint(regions, "Sinaloaa", ["MX"]) == "did you mean 'sinaloa' (Sinaloa, México)?"
    assert "solola" not in place_hint(regions, "Sinaloaa", ["MX"])
    assert "cuscatlan" not in place_hint(regions, "Yucatám", ["MX"])
    elsewhere = place_hint(regions, "Cuscatlan del Norte", ["MX"])  # only El Salvador is near
    assert not elsewhere.startswith("did you mean")
    assert "nothing close in this entry's country" in elsewhere
    assert place_hint(regions, "mixteka") == "did you mean 'mixteca'?"
    assert place_hint(regions, "Qwxz Zzyq", ["MX"]).startswith("no place has a name close")
    assert "write the country itself" in place_hint(regions, "Nacional")


def test_check_hints_use_the_entry_s_other_places(tmp_path: Path) -> None:
    from conftest import make_project
    project = make_project(tmp_path, entries=None)
    (project / "directory/organizations/casa.yml").write_text(
        "name: Casa\ntype: cso\nsummary: {es: Algo.}\nthemes: [educacion]\n"
        "regions: [Chiapaz, Nuevo León, Sinaloaa, mexico]\n", "utf-8")
    problems = [p.format() for p in load_project(Layout(project)).problems]
    assert len(problems) == 2, problems
    assert "found 'Chiapaz'\n    hint: did you mean 'chiapas' (Chiapas, México)?" in problems[0]
    assert "found 'Sinaloaa'\n    hint: did you mean 'sinaloa' (Sinaloa, México)?" in problems[1]


def test_sorted_by_folded_name_in_each_language(regions: Taxonomy) -> None:
    ids = ["estados-unidos", "espana", "el-salvador", "belgica", "mexico", "alemania"]
    assert by_name(regions, ids, "es") == [
        "alemania", "belgica", "el-salvador", "espana", "estados-unidos", "mexico"]
    assert by_name(regions, ids, "en") == [  # Belgium, El Salvador, Germany, Mexico, Spain, US
        "belgica", "el-salvador", "alemania", "mexico", "espana", "estados-unidos"]
    assert qualified_label(regions, "cuscatlan", "es") == "Cuscatlán, El Salvador"
    assert qualified_label(regions, "mixteca", "en") == "Mixteca, Mexico"
    assert qualified_label(regions, "mexico", "en") == "Mexico"
    assert qualified_label(regions, "centroamerica", "es") == "Centroamérica"


def test_regions_yml_may_relabel_a_place_and_keep_its_old_id(tmp_path: Path) -> None:
    from conftest import make_project
    project = make_project(tmp_path, entries=None)
    regions = project / "taxonomies/regions.yml"
    regions.write_text(regions.read_text("utf-8") + "- {id: san-salvador, iso: SV-SS, "
                       "es: San Salvador (departamento), en: San Salvador (department)}\n")
    (project / "directory/organizations/casa.yml").write_text(
        "name: Casa\ntype: cso\nsummary: {es: Algo.}\nthemes: [educacion]\n"
        "regions: [san-salvador]\naddress: {city: Monterrey, region: Nuevo León}\n", "utf-8")
    result = load_project(Layout(project))
    assert not result.problems, result.problems.report()
    shown = result.catalog.taxonomies["regions"]
    assert shown.terms["san-salvador-sv"].label("es") == "San Salvador (departamento)"
    assert result.catalog.entries[next(iter(result.catalog.entries))].regions == (
        "san-salvador-sv",)
    assert set(shown.terms) == {"san-salvador-sv", "el-salvador", "nuevo-leon", "mexico"}
    assert result.catalog.count("regions", "nuevo-leon") == 0  # only its address names it
    from tejido.core.outputs.urls import Urls
    from tejido.core.outputs.views import Views
    views = Views(result.catalog, Urls(), "es", "organizaciones/casa/index.html")
    assert views.term("regions", "nuevo-leon").href == ""  # no page, so no link
    assert views.term("regions", "san-salvador-sv").href.endswith("san-salvador-sv/index.html")
    assert views.terms("regions", ["nuevo-leon"])[0].label == "Nuevo León, México"
