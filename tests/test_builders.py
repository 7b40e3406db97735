"""The same sources under every builder (README: Moving off Material).

- MkDocs without macros/hooks.py builds the very same site: the hooks only make
  the build faster (finished HTML skips Markdown, quizzes skip the search plugin).
- Zensical (Material's successor, which runs no hooks and calls define_env for
  every page) and ProperDocs (the maintained MkDocs 1.x fork) build strictly,
  with every question, table, correction, figure and calculator, the question
  bank, and quizzes kept out of search; then the quizzes and the practice exam
  are used in Chromium on each builder's output.

Zensical and ProperDocs live in their own virtualenvs (`make test` creates them
from requirements-zensical.txt and requirements-properdocs.txt). Without them
these tests skip with a note; in CI (CI=true) they fail instead.
"""
from __future__ import annotations

import filecmp
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import IN_CI, ROOT, SERVER_URL, build_site, copy_project

IDS = re.compile(r'\bid="((?:q|table|fix|fig)-[^"]+)"')


def _binary(venv: str, name: str) -> Path:
    path = ROOT / venv / "bin" / name
    if not path.exists():
        message = (f"{name} not installed ({path.relative_to(ROOT)}): `make test` creates it "
                   f"from requirements-{name}.txt")
        if IN_CI:
            pytest.fail(message + " (required in CI)")
        pytest.skip(message)
    return path


def _run(cmd: list, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    binary = _binary(".venv-zensical", "zensical")
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    result = _run([str(binary), "build", "--strict", "--clean"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory) -> Path:
    binary = _binary(".venv-properdocs", "properdocs")
    project = copy_project(tmp_path_factory.mktemp("properdocs"))
    out = project / "out"
    result = _run([str(binary), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)], project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(params=["zensical", "properdocs"])
def other_site(request) -> tuple[str, Path]:
    return request.param, request.getfixturevalue(f"{request.param}_site")


def _ids(site: Path) -> dict[str, set[str]]:
    return {p.name: set(IDS.findall(p.read_text(encoding="utf-8")))
            for p in sorted(site.glob("*.html"))}


# -- The hooks are a speed-up only ----------------------------------------------------

def test_mkdocs_without_the_hooks_builds_the_same_site(site, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", SERVER_URL)   # as the `site` fixture builds
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "\nhooks:\n  - macros/hooks.py\n" in text
    config.write_text(text.replace("\nhooks:\n  - macros/hooks.py\n", "\n"))
    plain = build_site(tmp_path / "out", project)
    compared = filecmp.dircmp(site, plain)
    different: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        different.extend(prefix + n for n in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")
    walk(compared)
    # dircmp compares size and time first: compare the bytes of every page too, all
    # but the Content-Security-Policy <meta>, which only the hooks add (macros/csp.py).
    pages = [p.relative_to(site) for p in site.rglob("*") if p.is_file()]
    different = [d for d in different if not d.endswith(".html")]
    different += [str(p) for p in pages if (plain / p).exists()
                  and _without_policy(site / p) != (plain / p).read_bytes()]
    # The site's own JS and CSS ship minified by the hooks (macros/minify.py): without
    # them they are the sources, and minifying those gives the same bytes.
    from macros.minify import minify, own_sources
    for src in own_sources(project / "docs"):
        rel = str(src.relative_to(project / "docs"))
        assert rel in different, f"{rel} is not minified by the hooks"
        assert minify((plain / rel).read_text(encoding="utf-8")) == (site / rel).read_text(encoding="utf-8"), rel
        different = [d for d in different if d != rel]
    assert not sorted(set(different)), f"differ without hooks: {sorted(set(different))}"


def _without_policy(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix != ".html":
        return data
    meta = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
    assert len(meta.findall(data)) == 1, f"{path.name}: no policy"
    return meta.sub(b"", data)


def test_the_committed_question_bank_is_current():
    """Builders without hooks publish docs/assets/javascripts/exam-bank.js as committed."""
    result = _run([sys.executable, "scripts/make_bank.py", "--check"], ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["exam-bank.js", "bank-index.js"])
def test_a_stale_bank_or_index_fails_the_check_and_a_hookless_build(tmp_path, name):
    """Both generated files are checked: `make_bank.py --check` and SiteData.check_exam_bank
    (what builders without hooks run) name the stale one; `make_bank.py` rewrites it."""
    from mkdocs.config import load_config
    from macros.loader import DataError
    from macros.site_data import SiteData

    project = copy_project(tmp_path / "project")
    (project / "scripts").mkdir()
    (project / "scripts" / "make_bank.py").write_bytes((ROOT / "scripts" / "make_bank.py").read_bytes())
    path = project / "docs" / "assets" / "javascripts" / name
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace('"h":"', '"h":"0', 1), encoding="utf-8")
    python = str(ROOT / ".venv" / "bin" / "python")
    result = _run([python, "scripts/make_bank.py", "--check"], project)
    assert result.returncode == 1 and name in result.stderr, result.stderr
    data = SiteData.load(str(project), load_config(config_file=str(project / "mkdocs.yml")))
    with pytest.raises(DataError, match=re.escape(name)):
        data.check_exam_bank()
    assert _run([python, "scripts/make_bank.py"], project).returncode == 0
    assert path.read_text(encoding="utf-8") == good
    data.check_exam_bank()


# -- Zensical and ProperDocs ----------------------------------------------------------------

def test_every_question_table_correction_and_figure_is_built(site, other_site):
    name, other = other_site
    ours, theirs = _ids(site), _ids(other)
    for page, ids in ours.items():
        if page == "404.html":
            continue
        assert page in theirs, f"{name}: no {page}"
        assert ids <= theirs[page], f"{name}: {page} lacks {sorted(ids - theirs[page])[:5]}"
    shown = {i for v in ours.values() for i in v if i.startswith("q-")}
    assert len(shown) == sum(1 for q in _bank()["questions"] if not q["e"])


def test_calculators_and_exam_are_built(other_site):
    name, other = other_site
    assert "data-exam-bank=" in (other / "practice-exam.html").read_text(), name
    bank = (other / "assets" / "javascripts" / "exam-bank.js").read_text()
    assert bank == (ROOT / "docs" / "assets" / "javascripts" / "exam-bank.js").read_text(), name
    index = (other / "assets" / "javascripts" / "bank-index.js").read_text()
    assert index == (ROOT / "docs" / "assets" / "javascripts" / "bank-index.js").read_text(), name
    evaluation = (other / "evaluation-optimization.html").read_text()
    streaming = (other / "streaming-data-collection.html").read_text()
    assert "data-calc" in evaluation and "data-calc" in streaming, name


def _bank() -> dict:
    text = (ROOT / "docs/assets/javascripts/exam-bank.js").read_text()
    return json.loads(text.split("=", 1)[1].strip().rstrip(";"))


def _search_text(other: Path) -> str:
    for index in (other / "search" / "search_index.json", other / "search.json"):
        if index.exists():
            return index.read_text(encoding="utf-8")
    raise AssertionError(f"no search index in {other}")


def test_quizzes_stay_out_of_search_and_notes_are_in(other_site):
    name, other = other_site
    text = _search_text(other)
    page_questions = [q for q in _bank()["questions"] if not q["e"]]
    leaked = [q["id"] for q in page_questions if q["x"][:200].replace('"', '\\"') in text]
    assert not leaked, f"{name}: explanations in the search index: {leaked[:5]}"
    assert "Check answer" not in text, name
    assert "Enhanced fan-out" in text or "enhanced fan-out" in text, name


# -- In Chromium ---------------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def served(other_site):
    name, root = other_site
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield name, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.mark.browser
def test_a_quiz_checks_and_keeps_its_answer(served, page):
    name, url = served
    page.goto(url + "streaming-data-collection.html")
    quiz = page.locator(".quiz").first
    right = quiz.get_attribute("data-correct").split(",")
    for key in right:
        quiz.locator(f'input[value="{key}"]').check()
    quiz.locator('button[type="submit"]').click()
    feedback = quiz.locator(".quiz__feedback")
    feedback.wait_for()
    page.wait_for_function("el => el.textContent.includes('Correct')", arg=feedback.element_handle())
    page.reload()
    quiz = page.locator(".quiz").first
    page.wait_for_function("el => el.textContent.includes('Correct')",
                           arg=quiz.locator(".quiz__feedback").element_handle())
    for key in right:
        assert quiz.locator(f'input[value="{key}"]').is_checked(), name


@pytest.mark.browser
def test_the_practice_exam_starts_answers_and_scores(served, page):
    name, url = served
    page.goto(url + "practice-exam.html")
    start = page.locator("[data-exam] button[type=submit]").first
    page.wait_for_function("b => !b.disabled", arg=start.element_handle())
    timed = page.locator("[data-exam] input[name=timed]")
    if timed.count():
        timed.uncheck()
    start.click()
    page.locator("#exam-title").wait_for()
    assert "Question 1 of" in page.locator("#exam-title").inner_text(), name
    page.locator('[data-exam] input[name="x"]').first.check()
    page.locator('[data-act="submit"]').click()
    page.locator('[data-act="confirm"]').click()
    assert re.search(r"Result: \d+ of \d+", page.locator("#exam-title").inner_text()), name
