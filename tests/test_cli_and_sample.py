"""`tejido check` as a contributor runs it, and the repository's own sample catalog."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_mkdocs


def tejido(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tejido.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def test_check_passes_on_a_clean_project(project: Path) -> None:
    result = tejido("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("All good: 6 entries (3 organizations, 1 network, ")


def test_check_prints_every_problem_and_exits_1(project: Path) -> None:
    org = project / "directory/organizations/casa-de-la-mixteca.yml"
    org.write_text(org.read_text().replace("[mixteca]", "[mixteka]") + "websit: x\n")
    result = tejido("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "directory/organizations/casa-de-la-mixteca.yml\n"
        "  directory/organizations/casa-de-la-mixteca.yml:11: regions[0]: unknown regions term; "
        "expected a term from taxonomies/regions.yml, found 'mixteka'\n"
        "      hint: did you mean 'mixteca'? (to add a new term to taxonomies/regions.yml, "
        "ask the catalog's maintainers)\n"
        "  directory/organizations/casa-de-la-mixteca.yml:25: websit: unknown field; "
        "expected one of the documented fields, found 'websit'\n"
        "      hint: did you mean 'website'?\n"
        "\n"
        "2 problems in 1 file. Fix them and check again (make check).\n"
    )


def test_the_sample_catalog_is_valid_and_builds(tmp_path: Path) -> None:
    result = tejido("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    built = run_mkdocs(REPO, "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 0, built.stdout + built.stderr
    catalog = json.loads((tmp_path / "site" / "en" / "catalog.json").read_text())
    kinds = [entry["kind"] for entry in catalog["entries"]]
    assert kinds.count("organization") >= 25 and kinds.count("network") >= 4
    assert kinds.count("practice") >= 8 and kinds.count("guide") >= 3
    without_english = [e for e in catalog["entries"] if "en" not in e["languages"]]
    assert 0 < len(without_english) < len(kinds) // 4
