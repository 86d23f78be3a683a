"""The hostile corpus, a property test of the loader, and a browser over the result.

The expensive runs happen once per module: one `tejido check` and one failing build
for all refused cases, one check and one `mkdocs build --strict` for all inert cases
plus every random document the property test saw accepted, and one browser pass
over everything that build published.  Each case has its own test, reading those
runs, so a failure names the case.

    .venv/bin/pytest tests/test_hostile.py -q -s -k tally   # prints the counts
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_project, run_mkdocs
from hostile_corpus import (
    HOSTILE_TEXT,
    ORG,
    SECRET,
    Case,
    Tally,
    cases,
    org,
    practice,
    write_cases,
)
from tejido.core.sources.load import INTERNAL

CASES = cases()
REFUSED = [c for c in CASES if c.outcome == "refused" and not c.alone]
ALONE = [c for c in CASES if c.outcome == "refused" and c.alone]
INERT = [c for c in CASES if c.outcome == "inert"]
EXAMPLES = int(os.environ.get("TEJIDO_FUZZ_EXAMPLES", "300"))
SIGNALLED = "killed by signal"


@dataclass
class Run:
    project: Path
    check: subprocess.CompletedProcess[str]
    human: subprocess.CompletedProcess[str] | None = None
    github: subprocess.CompletedProcess[str] | None = None
    build: subprocess.CompletedProcess[str] | None = None
    problems: list[dict[str, Any]] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    """What a failed build changed in, or left beside, the site folder."""

    def outputs(self) -> str:
        runs = [self.check, self.human, self.github, self.build]
        return "".join(r.stdout + r.stderr for r in runs if r is not None)


def tejido_check(project: Path, fmt: str = "json") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tejido.cli", "--root", str(project), "check",
                           "--format", fmt], capture_output=True, text=True, timeout=300,
                          check=False)


def _project(factory: pytest.TempPathFactory, name: str, chosen: list[Case]) -> Path:
    project = make_project(factory.mktemp(name), entries=None)
    outside = factory.mktemp(name + "-outside")
    write_cases(project, chosen, outside)
    return project


def _problems(run: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads(run.stdout) if run.stdout.strip() else {"problems": []}
    return list(data["problems"])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Every refused case in one project: one check in each format, one build that must
    fail and leave the site folder as it was."""
    project = _project(tmp_path_factory, "refused", REFUSED)
    run = Run(project, tejido_check(project), tejido_check(project, "human"),
              tejido_check(project, "github"))
    site = project / "site"
    (site / "organizaciones").mkdir(parents=True)
    (site / "index.html").write_text("la versión publicada antes\n")
    (site / "organizaciones" / "vieja.html").write_text("vieja\n")
    before = _snapshot(site)
    run.build = run_mkdocs(project)
    run.problems = _problems(run.check)
    after = _snapshot(site)
    run.partial = [p.name for p in project.iterdir() if "tejido-" in p.name]
    run.partial += sorted(set(after) ^ set(before)) + [
        name for name in before if after.get(name) not in (None, before[name])]
    return run


def _short(case: Case) -> str:
    return case.name[:60]


@pytest.mark.parametrize("case", REFUSED, ids=_short)
def test_refused_case_is_reported_at_its_line_with_a_hint(refused: Run, case: Case) -> None:
    here = [p for p in refused.problems if f"{p['path']}:{p['line']}" == case.where]
    assert here, (case.where, [f"{p['path']}:{p['line']}: {p['message']}"
                               for p in refused.problems if p["path"] in case.where])
    said = [p for p in here if case.says in p["message"] + " " + p["found"]]
    assert said, (case.says, here)
    assert all(p["hint"] for p in said), said


@pytest.mark.parametrize("case", ALONE, ids=_short)
def test_case_that_needs_its_own_project(tmp_path_factory: pytest.TempPathFactory,
                                         case: Case) -> None:
    project = _project(tmp_path_factory, "alone", [case])
    run = tejido_check(project, "human")
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert f"{case.where}: " in run.stderr and case.says in run.stderr
    assert "hint:" in run.stderr
    assert SECRET not in run.stdout + run.stderr
    if "40,000" in case.name:
        assert len(run.stderr) < 200_000, len(run.stderr)
        assert "more problems not shown" in run.stderr
        assert "40000 problems in 1 file" in run.stderr


def test_check_ends_in_messages_never_a_crash(refused: Run) -> None:
    for run in (refused.check, refused.human, refused.github):
        assert run.returncode == 1, (run.returncode, run.stderr[-3000:])
        assert "Traceback" not in run.stdout + run.stderr
    for problem in refused.problems:
        assert problem["path"] and not Path(problem["path"]).is_absolute(), problem
        assert problem["line"] >= 1 and problem["message"], problem
        assert "expected ?" not in problem["message"]
        assert problem["message"] != INTERNAL, problem


def test_failed_build_says_the_same_and_leaves_the_site(refused: Run) -> None:
    assert refused.build is not None
    log = refused.build.stdout + refused.build.stderr
    assert refused.build.returncode == 1, log[-3000:]
    assert "Traceback" not in log
    assert "the content has problems" in log
    first = refused.problems[0]
    assert f"{first['path']}:{first['line']}: " in log
    assert refused.partial == [], "the failed build changed site/ or left files beside it"


def test_no_message_shows_what_a_linked_file_holds(refused: Run) -> None:
    assert SECRET not in refused.outputs()
    assert "root:x:0:0" not in refused.outputs()


# -- the property test ---------------------------------------------------------------

YAML_PIECES = ["- ", "- - - - - - ", "[", "]", "{", "}", ": ", "? ", "&a ", "*a", "!!int ",
               "!x ", "|\n", ">-\n", "#", " #c", "'", '"', "\\", "\t", "\n", "\n  ", "---\n",
               "...\n", "\x00", "\ufeff", "\u202e", "é", "2026-13-45", "0o9", "1e999",
               "~", "null", "yes", "<div>", "<!--", "*" * 70, "[" * 45, "- " * 60,
               "name: Otra\n", "  es: Otra\n", "%YAML 1.1\n", "\r\n", "\x85", "\ud7ff"]
MD_PIECES = ["*", "**", "***", "_", "__", "[", "]", "(", ")", "![a](", "b.png", "<", ">",
             "`", "```\n", "# ", "\n\n", "> ", "- ", "1. ", "|", "|---|\n", "\\", "&amp;",
             "<img src=x onerror=alert(1)>", "<script>", "javascript:", "{: .x }", "!!! note\n",
             "    ", "\t", "[^1]", "[x]: y.png\n", "<div>", "* " * 12, "_" * 61, "é", "\u200b"]


def _mutate(data: st.DataObject, text: str, pieces: list[str]) -> bytes:
    """Insert, overwrite and delete pieces at random places; sometimes break the UTF-8."""
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="at")
        piece = data.draw(st.one_of(st.sampled_from(pieces),
                                    st.text(alphabet="".join(pieces), max_size=30)))
        cut = data.draw(st.integers(0, 12), label="cut")
        text = text[:at] + piece + text[at + data.draw(st.sampled_from([0, cut])):]
    raw = text.encode("utf-8", "surrogatepass")
    if data.draw(st.integers(0, 20), label="bad byte") == 0:
        at = data.draw(st.integers(0, len(raw)), label="at byte")
        raw = raw[:at] + b"\xff" + raw[at:]
    return raw


@dataclass
class Fuzzed:
    examples: int = 0
    accepted: list[tuple[str, bytes]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class Worker:
    def __init__(self, project: Path) -> None:
        self.project = project
        self.process = self._start()

    def _start(self) -> subprocess.Popen[str]:
        here = str(Path(__file__).parent / "loader_worker.py")
        return subprocess.Popen([sys.executable, here, str(self.project)], text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)

    def load(self, path: str, data: bytes) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        request = {"path": path, "data": base64.b64encode(data).decode()}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            code = self.process.wait(timeout=30)
            self.process = self._start()
            return {"traceback": f"{SIGNALLED} {-code}" if code < 0 else f"exit {code}"}
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=30)


KINDS = {
    "yaml": (f"{ORG}/fuzz.yml", org(extra="website: https://casa.example.org\n"), YAML_PIECES),
    "front matter": ("practices/fuzz.md", practice("Texto con *énfasis*."), YAML_PIECES),
    "markdown": ("practices/fuzz.md", practice("## Título\n\nTexto [enlace](https://x.org)."),
                 MD_PIECES),
}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzed]:
    """Random and mutated YAML, front matter and Markdown fed to the loader (in a worker
    process, so that a crash in C is seen as a signal, not lost with the test run)."""
    project = make_project(tmp_path_factory.mktemp("fuzz"), entries=None)
    write_cases(project, [], tmp_path_factory.mktemp("fuzz-outside"))
    worker = Worker(project)
    found = Fuzzed()

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def feed(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(sorted(KINDS)), label="kind")
        path, text, pieces = KINDS[kind]
        if kind == "markdown":  # mutate only the body, so that more of them are accepted
            head, _, body = text.partition("---\n")[2].partition("---\n")
            raw = ("---\n" + head + "---\n").encode() + _mutate(data, body, pieces)
        else:
            raw = _mutate(data, text, pieces)
        answer = worker.load(path, raw)
        found.examples += 1
        if "traceback" in answer:
            found.failures.append(f"{kind} {raw[:300]!r}: {answer['traceback'][-1500:]}")
            return
        for problem_path, line, _field, message, _hint in answer["problems"]:
            if not problem_path or Path(problem_path).is_absolute() or line < 1:
                found.failures.append(f"{kind}: a problem without file and line: {answer}")
            if message == INTERNAL:
                found.failures.append(f"{kind} {raw[:300]!r}: Traceback (caught): {message}")
        if not answer["problems"]:
            found.accepted.append((path, raw))

    try:
        feed()
    finally:
        worker.close()
    yield found


def test_loader_survives_random_input(fuzzed: Fuzzed) -> None:
    assert fuzzed.examples >= min(EXAMPLES, 100)
    assert not fuzzed.failures, "\n\n".join(fuzzed.failures[:5])
    assert fuzzed.accepted, "no random document was accepted: the build check saw nothing"


# -- the inert corpus and the build ----------------------------------------------------

def _add_accepted(project: Path, accepted: list[tuple[str, bytes]]) -> list[str]:
    """Each accepted random document under a name of its own, for the one build."""
    names = []
    for number, (path, raw) in enumerate(accepted):
        name = path.replace("fuzz", f"fuzz-{number:03d}")
        (project / name).write_bytes(raw)
        names.append(name)
    return names


@pytest.fixture(scope="module")
def inert(tmp_path_factory: pytest.TempPathFactory, fuzzed: Fuzzed) -> Run:
    project = _project(tmp_path_factory, "inert", INERT)
    _add_accepted(project, fuzzed.accepted)
    run = Run(project, tejido_check(project))
    run.problems = _problems(run.check)
    run.build = run_mkdocs(project)
    return run


def test_what_check_accepts_builds(inert: Run) -> None:
    assert inert.check.returncode == 0, json.dumps(inert.problems[:10], indent=1)
    assert inert.build is not None
    log = inert.build.stdout + inert.build.stderr
    assert inert.build.returncode == 0, log[-4000:]
    assert "Traceback" not in log
    assert not list(inert.project.glob(".*tejido-*")), "a staging folder was left behind"


@pytest.mark.parametrize("case", INERT, ids=_short)
def test_inert_case_is_published(inert: Run, case: Case) -> None:
    site = inert.project / "site"
    for path in case.published:
        assert (site / path).is_file(), path
    for name in case.files:
        if name.startswith(("practices/", "directory/")) and name.endswith((".yml", ".md")):
            kind = "practicas" if name.startswith("practices/") else "organizaciones"
            ident = Path(name).stem
            if not ident.endswith(".en"):
                assert (site / kind / ident / "index.html").is_file(), name


class _Active(HTMLParser):
    """Markup that would run: event handlers, javascript:/data: links, script with alert."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = self.data_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        self.data_script = tag == "script" and ("type", "application/ld+json") in attrs
        for name, value in attrs:
            address = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=")
            if name in ("href", "src", "action") and address.startswith(("javascript:",
                                                                         "data:")):
                self.found.append(f"<{tag} {name}={address[:30]}")
        if tag in ("iframe", "object", "embed"):  # (the theme draws its icons as <svg>)
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self.data_script:  # JSON-LD: data, safe while no "<" can close the element
            if "<" in data:
                self.found.append("a < inside JSON-LD")
        elif self.in_script and "alert(" in data:
            self.found.append("a script with alert(")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def test_no_hostile_markup_reaches_a_page(inert: Run) -> None:
    site = inert.project / "site"
    for page in site.rglob("*.html"):
        active = _Active()
        active.feed(page.read_text(encoding="utf-8"))
        assert active.found == [], (page.relative_to(site), active.found[:5])
    hostile = (site / "organizaciones/hostil/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in hostile, HOSTILE_TEXT


# -- in a browser --------------------------------------------------------------------

DOWNLOADS = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".gz", ".csv", ".zip")
"""Files the browser saves instead of opening: no script can run from them."""


@dataclass
class Visit:
    opened: int = 0
    downloads: int = 0
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def visited(inert: Run, browser: Any) -> Visit:
    """Every published page and non-PDF file, opened from disk with listeners for dialogs
    (alert, confirm, prompt) and script errors."""
    assert inert.build is not None and inert.build.returncode == 0
    site = inert.project / "site"
    seen = Visit()
    from playwright.sync_api import Error as PlaywrightError

    page = browser.new_page()
    page.on("dialog", lambda d: (seen.dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: seen.errors.append(f"{page.url}: {e}"))
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix.lower() in DOWNLOADS:
            continue
        if path.suffix == ".js" or "assets" in path.relative_to(site).parts:
            continue  # our own scripts and Material's, run by every page anyway
        try:
            _open(page, path.as_uri(), PlaywrightError)
        except PlaywrightError as error:  # a file the browser saves instead of showing
            if "Download is starting" not in str(error):
                raise
            seen.downloads += 1
            continue
        page.mouse.move(300, 300)
        seen.opened += 1
    page.close()
    return seen


def _open(page: Any, url: str, error_type: type[Exception]) -> None:
    """Open a file; a page that sends the browser on (the /en/data/ redirect, a meta
    refresh) may still be leaving when the next one is asked for: wait, and ask again."""
    try:
        page.goto(url, wait_until="load")
    except error_type as error:
        if "interrupted by another navigation" not in str(error):
            raise
        page.wait_for_load_state("load")
        page.goto(url, wait_until="load")


def test_no_published_page_or_file_runs_a_script(visited: Visit) -> None:
    assert visited.opened > 50
    assert visited.dialogs == []
    assert visited.errors == []


def test_tally(refused: Run, inert: Run, fuzzed: Fuzzed, visited: Visit) -> None:
    """The counts of the issue, printed (pytest -s) and held to zero where they must be."""
    tally = Tally(cases=len(CASES), partial_sites=int(bool(refused.partial)))
    for case in [*REFUSED]:
        here = [p for p in refused.problems if f"{p['path']}:{p['line']}" == case.where
                and case.says in p["message"] + " " + p["found"] and p["hint"]]
        tally.refused_with_line_and_hint += bool(here)
    tally.refused_with_line_and_hint += len(ALONE)  # each asserted in its own test
    logs = refused.outputs() + inert.outputs()
    tally.tracebacks = logs.count("Traceback") + sum("Traceback" in f for f in fuzzed.failures)
    tally.signals = sum(SIGNALLED in f for f in fuzzed.failures) + sum(
        r.returncode < 0 for r in (refused.check, inert.check))
    tally.scripts_run = len(visited.dialogs) + len(visited.errors)
    assert inert.build is not None
    tally.check_passes_build_fails = int(inert.check.returncode == 0 and
                                         inert.build.returncode != 0)
    tally.published_inert = len(INERT) if inert.build.returncode == 0 and \
        not tally.scripts_run else 0
    print(f"\nhostile corpus: {tally.cases} cases ({len(REFUSED) + len(ALONE)} refused, "
          f"{len(INERT)} inert); refused with file:line and hint: "
          f"{tally.refused_with_line_and_hint}; published inert: {tally.published_inert}; "
          f"tracebacks: {tally.tracebacks}; signals: {tally.signals}; scripts run: "
          f"{tally.scripts_run}; partial sites: {tally.partial_sites}; "
          f"check-passes-build-fails: {tally.check_passes_build_fails}; random documents: "
          f"{fuzzed.examples} ({len(fuzzed.accepted)} accepted and built); pages and files "
          f"opened in Chromium: {visited.opened}")
    assert tally.refused_with_line_and_hint == len(REFUSED) + len(ALONE)
    assert tally.tracebacks == tally.signals == tally.scripts_run == 0
    assert tally.check_passes_build_fails == 0

