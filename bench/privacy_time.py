"""What the privacy guard costs `tejido check` (and so every build): a synthetic catalog
loaded with the guard, then with its checks replaced by no-ops.

    python bench/privacy_time.py --organizations 10000

Every organization gets a phone, a second labelled e-mail and a private contact person,
so each rule (providers, names, numbering plan, cross-entry text scan) runs on it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

from synthetic import make_catalog
from tejido.core import Layout, load_project
from tejido.core.model import contact
from tejido.core.validate import privacy


def add_routes(project: Path) -> None:
    for n, path in enumerate(sorted((project / "directory/organizations").glob("*.yml"))):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["contact"]["phone"] = f"+52 951 {n % 1000:03d} {n % 10000:04d}"
        data["contact"]["emails"] = [{"address": f"prensa{n}@example.org", "label": "prensa"}]
        data["contact_person"] = {"name": f"Persona Ejemplo{n}", "role": {"es": "enlace"},
                                  "email": f"persona{n}@example.net",
                                  "phone": f"+52 55 {n % 10000:04d} {n % 10000:04d}"}
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def timed(project: Path) -> float:
    contact.reading.cache_clear()  # as cold as a fresh `tejido check`
    start = time.perf_counter()
    result = load_project(Layout(project))
    elapsed = time.perf_counter() - start
    assert not result.problems, result.problems.report()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = make_catalog(Path(folder), args.organizations)
        add_routes(project)
        timed(project)  # warm the file cache
        with_guard = min(timed(project) for _ in range(2))
        privacy.check_contact = lambda *a, **k: None  # type: ignore[assignment]
        privacy.check_text = lambda *a, **k: None  # type: ignore[assignment]
        without = min(timed(project) for _ in range(2))
    print(f"{args.organizations} organizations: load with the guard {with_guard:.2f} s, "
          f"without {without:.2f} s, guard {with_guard - without:.2f} s "
          f"({(with_guard - without) / with_guard:.0%})")


if __name__ == "__main__":
    main()
