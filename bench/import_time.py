"""How long `tejido import` takes on a large spreadsheet, and its peak memory.

    python bench/import_time.py [--rows 10000] [--form csv|xlsx]

Generates a directory of ROWS rows in the shape of tests/fixtures/import/messy.py (a
Windows-1252 CSV separated by semicolons, or an XLSX): names repeated over a few states
(so rows merge), places written in several ways, personal columns.  Then runs, each as a
subprocess in a fresh copy of the project: `--dry-run`, a first real import, and a
re-import of the same sheet; prints wall time and peak resident memory of each.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "fixtures" / "import"))
import messy  # noqa: E402

STATES = ["Oaxaca", "oaxaca", "MX-OAX", "Chiapas", "CDMX", "Ciudad de México", "Edo. de México",
          "Nuevo León", "nuevo leon", "Michoacán", "Yucatán", "Sinaloa", "Sonora", "Guerrero",
          "Puebla", "Jalisco", "Veracruz", "Nacional", "Chiapaz"]
TYPES = ["Colectivo", "A.C.", "ONG", "Medio", "Fiscalía", "Organismo público"]
THEMES = ["Educación", "Derechos humanos", "Salud", "Sostenibilidad ambiental",
          "Educación; Derechos humanos", "Participación ciudadana"]


def rows(count: int) -> list[list[str]]:
    """About three rows per organization (one per state), as real directories list them."""
    chooser = random.Random(8)
    found = []
    for number in range(count):
        org = number // 3
        found.append([
            f"Colectivo {org:05d} de la Región", chooser.choice(TYPES), "México",
            chooser.choice(STATES), f"Municipio {number % 97}", f"951 {org % 1000:03d} {org:04d}",
            f"contacto{org}@org{org}.example.org", f"org{org}.example.org", "",
            f"Persona {org}", f"55 {number:04d} {org:04d}", chooser.choice(THEMES)])
    return found


def run(project: Path, *args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (steadier on a shared machine) and peak memory in MB."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "tejido.cli", "--root", str(project),
                             "import", *args], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("    " + next(line for line in result.stdout.splitlines() if "rows read" in line))
    return elapsed, usage.ru_utime + usage.ru_stime - cpu, max(usage.ru_maxrss, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--form", choices=("csv", "xlsx"), default="csv")
    args = parser.parse_args()
    messy.ROWS[:] = rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for folder in ("taxonomies", "content"):
            shutil.copytree(REPO / folder, project / folder)
        shutil.copy(REPO / "mkdocs.yml", project)
        (project / "directory/organizations").mkdir(parents=True)
        sheet = project / f"directorio.{args.form}"
        if args.form == "csv":
            messy.write_csv(sheet, "cp1252")
        else:
            messy.write_xlsx(sheet)
        shutil.copy(REPO / "tests/fixtures/import/directorio.mapping.yml",
                    project / "directorio.mapping.yml")
        print(f"{args.rows} rows, {sheet.stat().st_size // 1024} KB {args.form}")
        for label, extra in (("dry run", ("--dry-run",)), ("first import", ()),
                             ("re-import, unchanged", ())):
            seconds, cpu, mb = run(project, str(sheet), *extra)
            print(f"  {label}: {seconds:.1f} s wall, {cpu:.1f} s CPU, "
                  f"peak memory so far {mb:.0f} MB")
        files = len(list((project / "directory/organizations").glob("*.yml")))
        print(f"  {files} entry files")


if __name__ == "__main__":
    main()
