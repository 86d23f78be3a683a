"""The validated-entry cache on disk (`.cache/tejido/`): a restart reads again only the
files that changed, and what it gives is always what a load without it gives."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from tejido.core.sources import entry_store
from tejido.core.sources.entry_store import EntryStore
from tejido.core.sources.load import EntryCache, Layout, LoadResult, load_project

ORG = "directory/organizations/casa-de-la-mixteca.yml"
PRACTICE = "practices/talleres-de-incidencia.md"
GUIDE_FILE = "content/guides/files/guia.pdf"
TODAY = dt.date(2026, 6, 1)


def saved(project: Path) -> int:
    """Load as a first start does, write the cache; the number of entry files."""
    cache = EntryCache(EntryStore(project))
    load_project(Layout(project), TODAY, cache)
    cache.save()
    assert (project / ".cache/tejido/entries.pickle").is_file()
    return cache.reads


def restart(project: Path, today: dt.date = TODAY) -> tuple[LoadResult, EntryCache]:
    """A new start with the cache; checked against a load that has none."""
    cache = EntryCache(EntryStore(project))
    result = load_project(Layout(project), today, cache)
    plain = load_project(Layout(project), today)
    assert result.catalog == plain.catalog
    assert [p.format() for p in result.problems] == [p.format() for p in plain.problems]
    assert [p.format() for p in result.warnings] == [p.format() for p in plain.warnings]
    return result, cache


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_restart_reads_no_unchanged_file(project: Path) -> None:
    files = saved(project)
    result, cache = restart(project)
    assert (cache.reads, cache.restored) == (0, files) and files > 4
    assert not result.problems


def test_the_cache_is_readable_by_its_owner_only_and_ignored_by_git(project: Path) -> None:
    saved(project)
    assert (project / ".cache/tejido/entries.pickle").stat().st_mode & 0o077 == 0
    ignored = (Path(__file__).parent.parent / ".gitignore").read_text().split()
    assert ".cache/" in ignored


def test_an_edited_file_is_read_again(project: Path) -> None:
    files = saved(project)
    edit(project, ORG, "es: Acompaña", "es: Editado, acompaña")
    result, cache = restart(project)
    assert (cache.reads, cache.restored) == (1, files - 1)
    assert any(e.summary["es"].startswith("Editado") for e in result.catalog.entries.values())


def test_an_edit_that_keeps_size_and_time_is_still_seen(project: Path) -> None:
    # By content, not by stamp: the same size, the time set back.
    saved(project)
    path = project / ORG
    before = path.stat()
    edit(project, ORG, "es: Acompaña", "es: Acompaño")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    result, cache = restart(project)
    assert cache.reads == 1
    assert any(e.summary["es"].startswith("Acompaño") for e in result.catalog.entries.values())


def test_an_edited_english_text_is_read_again(project: Path) -> None:
    saved(project)
    path = project / "practices/talleres-de-incidencia.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    result, cache = restart(project)
    assert cache.reads == 1
    assert any("A new line." in e.body.get("en", "") for e in result.catalog.entries.values())


def test_a_deleted_file_is_gone_and_its_references_fail(project: Path) -> None:
    saved(project)
    (project / "directory/organizations/red-de-saberes.yml").unlink()
    result, cache = restart(project)
    assert cache.reads == 0
    assert all(ref.id != "red-de-saberes" for ref in result.catalog.entries)
    # Checks across entries run on every load: the references to it are named.
    assert any("organization:red-de-saberes" in p.format() for p in result.problems)


def test_a_renamed_file_is_read_under_its_new_name(project: Path) -> None:
    files = saved(project)
    old = project / "directory/organizations/red-de-saberes.yml"
    shutil.move(old, old.with_name("centro-de-saberes.yml"))
    result, cache = restart(project)
    assert (cache.reads, cache.restored) == (1, files - 1)
    ids = {ref.id for ref in result.catalog.entries}
    assert "centro-de-saberes" in ids and "red-de-saberes" not in ids


def test_a_changed_attachment_is_looked_at_again(project: Path) -> None:
    saved(project)
    (project / GUIDE_FILE).write_bytes(b"not a pdf at all")
    result, cache = restart(project)
    assert cache.reads == 1
    assert any("guia-de-prueba" in p.format() for p in result.problems)


def test_a_removed_linked_image_is_looked_at_again(project: Path) -> None:
    image = project / "practices/mapa.png"
    shutil.copy(Path(__file__).parent.parent / "plugins/tejido/theme/assets/images/"
                "tejido-card.png", image)
    practice = project / PRACTICE
    practice.write_text(practice.read_text(encoding="utf-8") + "\n![Mapa](mapa.png)\n",
                        encoding="utf-8")
    saved(project)
    image.unlink()
    result, cache = restart(project)
    assert cache.reads == 1
    assert any("does not exist" in p.format("en") for p in result.problems)


def test_a_new_term_in_a_taxonomy_reads_everything_again(project: Path) -> None:
    files = saved(project)
    edit(project, "taxonomies/themes.yml", "{id: salud,",
         "{id: bienestar, es: Bienestar, en: Well-being}\n- {id: salud,")
    _, cache = restart(project)
    assert (cache.reads, cache.restored) == (files, 0)


def test_a_label_change_reads_nothing_again_and_shows_the_new_label(project: Path) -> None:
    files = saved(project)
    edit(project, "taxonomies/themes.yml", "es: Salud,", "es: Salud pública,")
    result, cache = restart(project)
    assert (cache.reads, cache.restored) == (0, files)
    assert result.catalog.taxonomies["themes"].terms["salud"].label("es") == "Salud pública"


def test_another_day_or_other_code_reads_everything_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = saved(project)
    _, cache = restart(project, TODAY + dt.timedelta(days=1))
    assert cache.reads == files
    monkeypatch.setattr(entry_store, "code_fingerprint", lambda: "another version")
    _, cache = restart(project)
    assert cache.reads == files


def test_other_folders_in_the_layout_read_everything_again(project: Path) -> None:
    files = saved(project)
    shutil.copytree(project / "practices", project / "buenas-practicas")
    layout = Layout(project, folders={**Layout(project).folders, "practice": "buenas-practicas"})
    cache = EntryCache(EntryStore(project))
    load_project(layout, TODAY, cache)
    assert (cache.reads, cache.restored) == (files, 0)


def test_a_private_route_given_in_a_changed_file_is_caught_in_an_unchanged_one(
        project: Path) -> None:
    # The privacy guard across entries: the edited file names a person's private phone;
    # an unchanged (cached) entry publishes that number in its text.
    edit(project, "directory/organizations/red-de-saberes.yml",
         "Centro académico que estudia la participación ciudadana.",
         "Centro académico; informes al 951 222 7788.")
    saved(project)
    edit(project, "directory/organizations/colectivo-hostil.yml", '"+52 951 000 0000"',
         '"+52 951 222 7788"')
    result, cache = restart(project)
    assert cache.reads == 1
    assert any("red-de-saberes.yml" in p.format() for p in result.problems)


@pytest.mark.parametrize("damage", ["empty", "cut", "garbage", "flipped", "foreign pickle"])
def test_a_damaged_cache_is_ignored_without_a_traceback(
        project: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    files = saved(project)
    path = project / ".cache/tejido/entries.pickle"
    data = path.read_bytes()
    damaged = {
        "empty": b"",
        "cut": data[:len(data) // 2],
        "garbage": os.urandom(2000),
        "flipped": data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
        "foreign pickle": b"\x80\x04K\x01.",
    }[damage]
    path.write_bytes(damaged)
    _, cache = restart(project)
    assert (cache.reads, cache.restored) == (files, 0)
    assert "Traceback" not in caplog.text
    cache.save()  # made again: the next start uses it
    _, again = restart(project)
    assert again.restored == files


def test_an_unwritable_cache_folder_costs_only_time(project: Path) -> None:
    (project / ".cache").write_text("a file where the folder would be", encoding="utf-8")
    cache = EntryCache(EntryStore(project))
    load_project(Layout(project), TODAY, cache)
    cache.save()  # logs a warning, raises nothing
    _, again = restart(project)
    assert again.restored == 0


def test_an_entry_naming_a_term_by_its_label_is_checked_again_when_the_label_changes(
        project: Path) -> None:
    label, renamed = "es: Economía social e inclusiva,", "es: Economía solidaria,"
    edit(project, ORG, "themes: [economia-social,", "themes: [Economía social e inclusiva,")
    files = saved(project)
    edit(project, "taxonomies/themes.yml", label, renamed)
    result, cache = restart(project)  # the same problems as a load without the cache
    assert (cache.reads, cache.restored) == (1, files - 1)
    assert any("casa-de-la-mixteca.yml" in p.format() and "themes" in p.format()
               for p in result.problems)
    # And in one run, as the preview does after saving the taxonomy.
    memory, layout = EntryCache(), Layout(project)
    assert load_project(layout, TODAY, memory).problems
    edit(project, "taxonomies/themes.yml", renamed, label)
    again = load_project(layout, TODAY, memory)
    assert memory.reads == 1 and not again.problems
