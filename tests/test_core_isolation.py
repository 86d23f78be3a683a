"""The core must stay usable without MkDocs (another engine could host it)."""

import subprocess
import sys

from conftest import REPO


def test_importing_the_core_loads_no_mkdocs_module() -> None:
    # Every core module, and the PDF jobs of the sample catalog: WeasyPrint is only
    # imported when a PDF is rendered.
    code = (
        "import importlib, pathlib, pkgutil, sys, tejido.core, tejido.cli\n"
        "for m in pkgutil.walk_packages(tejido.core.__path__, 'tejido.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "from tejido.core import Layout, load_project\n"
        "from tejido.core.outputs.pdf import directory_jobs, guide_jobs, cache_key\n"
        "from tejido.core.outputs.urls import Urls\n"
        f"root = pathlib.Path({str(REPO)!r})\n"
        "catalog = load_project(Layout(root)).catalog\n"
        "jobs = directory_jobs(catalog, Urls()) + guide_jobs(catalog, Urls(), root)\n"
        "assert len(jobs) > 4 and all(cache_key(job.source) for job in jobs)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('mkdocs', 'material', 'mkdocs_static_i18n', 'weasyprint'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
