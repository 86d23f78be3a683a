"""The example GitHub workflow runs the commands this repository provides."""

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github/workflows/tejido.yml"


def test_workflow_checks_pull_requests_and_deploys_main() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check_steps = [s.get("run", "") for s in workflow["jobs"]["check"]["steps"]]
    assert "tejido check --format github" in check_steps
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "check"
    runs = " ".join(s.get("run", "") for s in deploy["steps"])
    assert "mkdocs build --strict" in runs
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])
