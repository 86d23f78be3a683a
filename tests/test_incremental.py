"""`mkdocs build` reuses the generated pages of the last build whose inputs did not
change; what it writes is, file for file and byte for byte, what a cold build writes,
after each kind of change."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import make_project, run_mkdocs

ORG = "directory/organizations/casa-de-la-mixteca.yml"
ORG_PAGE = "organizaciones/casa-de-la-mixteca/index.html"
TERM_PAGE = "temas/economia-social/index.html"
CARD = """<li class="owner-card">{{ card.link.text.text }}</li>
"""
MADE = re.compile(r"Tejido: (\d+) generated pages made, (\d+) reused")
UNCHANGED = re.compile(r"Tejido: nothing the pages are made from changed since the last build")
GUIDE = "content/guides/files/guia.pdf"
GUIDE_PAGE = "guias/guia-de-prueba/index.html"


SETTINGS = {"TEJIDO_PDF": "false", "SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture(autouse=True)
def _same_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SETTINGS.items():
        monkeypatch.setenv(name, value)


def build(project: Path, site: str = "site") -> tuple[int, int]:
    """Build into `project/site`; pages made and reused, summed over the languages."""
    result = run_mkdocs(project, "--site-dir", str(project / site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    counts = MADE.findall(result.stderr)
    assert len(counts) == 2, result.stderr  # one line per language
    return sum(int(m) for m, _ in counts), sum(int(r) for _, r in counts)


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def folders_of(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*")
                  if path.is_dir())


def assert_same_as_cold(project: Path) -> None:
    """The incremental site equals a build with no cache into a fresh folder."""
    shutil.rmtree(project / ".cache" / "tejido")
    made, reused = build(project, "cold")
    assert reused == 0 and made > 100
    incremental, cold = files_of(project / "site"), files_of(project / "cold")
    assert sorted(incremental) == sorted(cold)
    assert folders_of(project / "site") == folders_of(project / "cold")
    for name, data in cold.items():
        assert incremental[name] == data, name


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project, with a template override, built once (the cache written)."""
    project = make_project(tmp_path_factory.mktemp("incremental"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n"),
        encoding="utf-8")
    (project / "overrides/tejido/partials").mkdir(parents=True)
    (project / "overrides/tejido/partials/card.html").write_text(CARD, encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:  # set up before `_same_settings`
        for name, value in SETTINGS.items():
            monkeypatch.setenv(name, value)
        made, reused = build(project)
    assert reused == 0 and made > 100
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A copy of the built project (times kept, so its cache still holds)."""
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_reuses_every_page_it_may(project: Path) -> None:
    made, reused = build(project)
    assert reused > 100
    assert made < 10  # pages whose prose has links are made in every build
    assert_same_as_cold(project)


def test_nothing_changed_is_known_without_making_the_pages(project: Path) -> None:
    """The inputs of each language are the last build's: no view is made, the search
    index and the open data are the last build's files."""
    site = project / "site"
    kept = [site / "search" / "facets.js", site / "en/search/facets.js",
            next((site / "datos").glob("*.csv")), site / ORG_PAGE]
    inodes = [path.stat().st_ino for path in kept]
    result = run_mkdocs(project, "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert len(UNCHANGED.findall(result.stderr)) == 2, result.stderr
    assert result.stderr.count("search index reused") == 2
    assert [path.stat().st_ino for path in kept] == inodes  # the last build's files, linked
    assert_same_as_cold(project)


def pdf_of_pages(count: int) -> bytes:
    from pypdf import PdfWriter
    writer, out = PdfWriter(), io.BytesIO()
    for _ in range(count):
        writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("change", [
    "entry", "relation", "taxonomy label", "template", "setting", "deleted entry",
    "renamed file", "attachment", "hand-written page"])
def test_after_each_kind_of_change_it_equals_a_cold_build(project: Path, change: str) -> None:
    shown = {"template": TERM_PAGE, "attachment": GUIDE_PAGE,  # the cards are on term pages
             "hand-written page": "search"}.get(change, ORG_PAGE)
    before = files_of(project / "site" / shown) if change == "hand-written page" else (
        project / "site" / shown).read_bytes()
    if change == "attachment":  # the guide's page says how many pages its PDF has
        (project / GUIDE).write_bytes(pdf_of_pages(5))
    elif change == "hand-written page":  # found by the search index, on no generated page
        edit(project, "content/acerca.md", "\n\n", "\n\nUna frase nueva, buscable.\n\n")
    elif change == "entry":
        edit(project, ORG, "Acompaña a mujeres", "Acompaña desde 2004 a mujeres")
    elif change == "relation":
        edit(project, "directory/networks/red-sur.yml",
             "  - organization: organization:casa-de-la-mixteca\n    since: 2018\n", "")
    elif change == "taxonomy label":
        edit(project, "taxonomies/themes.yml", "es: Economía social", "es: Economía solidaria")
    elif change == "template":
        edit(project, "overrides/tejido/partials/card.html", "owner-card", "owner-card-2")
    elif change == "setting":
        edit(project, "mkdocs.yml", "data_licence: CC-BY-4.0", "data_licence: CC-BY-SA-4.0")
    elif change == "deleted entry":
        (project / "directory/organizations/colectivo-hostil.yml").unlink()
        edit(project, "directory/networks/red-sur.yml",
             "  - organization: organization:colectivo-hostil\n    since: 2020\n", "")
    else:
        org = project / ORG
        org.rename(org.with_name("casa-mixteca.yml"))
        for path in [*project.glob("directory/*/*.yml"), *project.glob("practices/*.md")]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(":casa-de-la-mixteca", ":casa-mixteca"),
                            encoding="utf-8")
    made, reused = build(project)
    assert made > 0
    if change not in ("template", "setting"):  # those change every page
        assert reused > 50
    page = project / "site" / shown
    if change == "hand-written page":
        assert files_of(page) != before
    else:
        assert not page.exists() if change == "renamed file" else page.read_bytes() != before
    assert_same_as_cold(project)


def test_in_place_the_reused_pages_stay_and_what_it_did_not_write_goes(
        project: Path) -> None:
    """A build after a known one updates the site folder in place: a reused page is
    the same file; a file the build did not write is deleted (hidden entries kept), as
    a fresh folder would not have it; no staging folder is left."""
    site = project / "site"
    page = site / ORG_PAGE
    inode = page.stat().st_ino
    strays = [site / "suelto.html", page.parent / "suelto.txt", site / "viejo" / "a.html"]
    for stray in strays:
        stray.parent.mkdir(exist_ok=True)
        stray.write_text("de otra parte\n", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    edit(project, "content/acerca.md", "\n\n", "\n\nUna frase nueva.\n\n")
    build(project)
    assert page.stat().st_ino == inode
    assert [stray for stray in strays if stray.exists()] == []
    assert not (site / "viejo").exists()
    assert (site / ".git" / "HEAD").is_file()
    assert [p.name for p in project.iterdir() if "tejido-" in p.name] == []
    shutil.rmtree(site / ".git")
    assert_same_as_cold(project)


@pytest.mark.parametrize("failure", ["invalid entry", "strict warning"])
def test_a_failed_build_in_place_leaves_the_site_as_it_was(project: Path, failure: str) -> None:
    """Pages made before the failure were written beside the site, not into it."""
    site = project / "site"
    before = files_of(site)
    edit(project, ORG, "Acompaña a mujeres", "Acompaña desde 2004 a mujeres")
    if failure == "invalid entry":
        edit(project, "directory/networks/red-sur.yml", "since: 2018", "since: dos mil")
    else:  # counted by strict mode once every page has been written
        (project / "content" / "roto.md").write_text("# Roto\n\n[nada](no-existe.md)\n")
    result = run_mkdocs(project, "--site-dir", str(site))
    assert result.returncode == 1, result.stdout + result.stderr
    assert files_of(site) == before
    assert [p.name for p in project.iterdir() if "tejido-" in p.name] == []


def test_a_corrupt_cache_is_ignored(project: Path) -> None:
    for manifest in (project / ".cache" / "tejido").glob("pages-*.json"):
        manifest.write_text('{"format": 1, "site": "site", "pages": {"x": [1', encoding="utf-8")
    made, reused = build(project)
    assert reused == 0 and made > 100
    manifest = next((project / ".cache" / "tejido").glob("pages-*.json"))
    assert json.loads(manifest.read_text(encoding="utf-8"))["pages"]  # written anew
    assert_same_as_cold(project)


def test_a_page_changed_in_the_site_folder_is_made_again(project: Path) -> None:
    page = project / "site" / ORG_PAGE
    page.write_bytes(page.read_bytes().replace(b"Casa de la Mixteca", b"Casa de la Mixteka"))
    build(project)
    assert b"Casa de la Mixteka" not in page.read_bytes()
    assert_same_as_cold(project)


def test_tejido_writes_the_bytes_mkdocs_own_loop_writes(built: Path, tmp_path: Path) -> None:
    """`fast_build: false` lets MkDocs render every page, and every part of each (no
    fragment shared among the pages of a folder): every file is the same, except the
    404 page, whose language switcher MkDocs' loop leaves on the last page it made."""
    plain = tmp_path / "plain"
    shutil.copytree(built, plain, symlinks=True, ignore=shutil.ignore_patterns(".cache", "site"))
    edit(plain, "mkdocs.yml", "  - tejido/catalog:\n",
         "  - tejido/catalog:\n      fast_build: false\n")
    result = run_mkdocs(plain)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "generated pages made" not in result.stderr
    ours, theirs = files_of(built / "site"), files_of(plain / "site")
    assert sorted(ours) == sorted(theirs)
    for name, data in theirs.items():
        if not name.endswith("404.html"):
            assert ours[name] == data, name


MATERIAL_SETTINGS = re.compile(r'<script id="__config" type="application/json">(.*?)</script>',
                               re.S)


def test_every_page_names_its_own_way_to_the_root_in_materials_settings(built: Path) -> None:
    """Material's settings are rendered once per folder for Tejido's pages (as the
    navigation is): every page still names its own base, the search worker under it and
    its language's words."""
    words: dict[str, object] = {}
    checked = 0
    for path in sorted((built / "site").rglob("*.html")):
        name = path.relative_to(built / "site").as_posix()
        found = MATERIAL_SETTINGS.search(path.read_text(encoding="utf-8"))
        if found is None or name.endswith("404.html"):  # an error page's base is "/"
            continue
        settings = json.loads(found.group(1))
        up = "/".join([".."] * name.count("/"))
        assert settings["base"] == (up or "."), name
        worker = f"{up}/assets/javascripts/workers/" if up else "assets/javascripts/workers/"
        assert settings["search"].startswith(worker), name
        lang = "en" if name.startswith("en/") else "es"
        assert words.setdefault(lang, settings["translations"]) == settings["translations"], name
        checked += 1
    assert checked > 100
    assert words["es"] != words["en"]


def test_a_group_of_files_is_reused_whole_or_not_at_all(tmp_path: Path) -> None:
    """A language's search files are linked from the last site only if every one is as
    the last build wrote it; else none is (writing over a link would change the last
    build's file too)."""
    from tejido.glue.page_cache import PageCache

    old, new, names = tmp_path / "site", tmp_path / "staging", ["search/a.js", "search/b.js"]
    for name in names:
        (old / name).parent.mkdir(parents=True, exist_ok=True)
        (old / name).write_text(name)
    cache = PageCache(tmp_path)
    cache.open(old)
    cache.record_group("search:es", "k1", old, names)
    cache.save()
    for changed, key, reused in (("", "k2", False), ("", "k1", True),
                                 ("search/b.js", "k1", False)):
        if changed:
            (old / changed).write_text("edited by hand")
        shutil.rmtree(new, ignore_errors=True)
        cache = PageCache(tmp_path)
        cache.open(old)
        assert cache.reuse_group("search:es", key, new) is reused
        assert sorted(p.relative_to(new).as_posix() for p in new.rglob("*.js")) == (
            names if reused else [])
        assert cache.group_files("search:es") == (names if reused else [])
    # A file that cannot be linked after all (it went away meanwhile): the ones linked
    # before it are taken back.
    (old / "search/b.js").write_text("search/b.js")
    cache = PageCache(tmp_path)
    cache.open(old)
    cache.record_group("search:es", "k3", old, names)
    cache.save()
    shutil.rmtree(new, ignore_errors=True)
    cache = PageCache(tmp_path)
    cache.open(old)
    real = cache.reuse
    cache.reuse = lambda dest, key, target: dest != "search/b.js" and real(  # type: ignore[method-assign]
        dest, key, target)
    assert cache.reuse_group("search:es", "k3", new) is False
    assert not list(new.rglob("*.js")) and cache.reused == 0


@pytest.mark.parametrize("directory_urls", [False, True])
def test_every_generated_pages_address_follows_from_its_source(
        tmp_path: Path, directory_urls: bool) -> None:
    """The sitemaps are written from the pages' sources, so that a build reusing every
    page makes no view: each source must give the address its view has."""
    from tejido.core import (
        LANGUAGES,
        Layout,
        PlannedPages,
        PlanSettings,
        Urls,
        load_project,
        page_plan,
    )

    project = make_project(tmp_path)
    catalog = load_project(Layout(project)).catalog
    urls = Urls(directory_urls=directory_urls)
    for lang in LANGUAGES:
        pages = PlannedPages(page_plan(catalog, lang, urls, PlanSettings(project, report=True)),
                             catalog)
        assert len(pages) > 50
        for source in pages:
            assert urls.of_source(source) == pages[source].url, source


def test_a_key_tells_apart_any_two_lists_of_parts() -> None:
    from tejido.glue.page_cache import digest

    assert digest("ab", "c") != digest("a", "bc") != digest("abc")
    assert digest("a\0", "b") != digest("a", "\0b")
    assert digest("página", 1) == digest("página", 1) != digest("página", 2)
