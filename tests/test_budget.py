"""Weight budgets: each page's own JS + CSS, every built page, and every page
against plain Material with the same content (the "Quality bar" goal).

Sizes are gzip -9 bytes (what a gzip-serving host such as GitHub Pages sends,
give or take the level). `make bench` (scripts/bench.py) reports the same
numbers against plain Material, with build speed and Lighthouse.
"""
from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

ASSETS = ROOT / "docs" / "assets"
SITE_JS = ASSETS / "javascripts" / "site.js"
KIB = 1024

# Each page's own scripts and styles together, gzip -9, as shipped (the built files,
# which macros/minify.py strips of comments and indentation): the budget of the
# "Quality bar" issue, per page since the study-loop split (issue #11). A page loads
# site.css and site.js (the loader), and the loader adds the feature files the page
# uses (FEATURES in site.js). The question bank (exam-bank.js) and its index
# (bank-index.js) are data, not counted;
# nor are the vendored shim (docs/assets/vendor/) and Material's bundle.
OWN_ASSETS_BUDGET = 12 * KIB
ALWAYS = ["javascripts/site.js", "stylesheets/site.css"]

# Ceilings per built HTML page, gzip -9. Measured with scripts/bench.py (and
# this file's gzip_size) on the built site: the largest page,
# streaming-data-collection.html, was 26.1 KiB (algorithms 23.8,
# implementations-operations 22.3, data-preparation 20.7, the rest under
# 17 KiB). The practice exam's question bank is a generated script,
# assets/javascripts/exam-bank.js: 60.2 KiB for 140 questions. The ceilings leave
# room for content to grow (about 2x for a page, 50% for the bank) while catching
# a page that balloons, e.g. a bank or table inlined twice.
PAGE_CEILING = 60 * KIB
EXAM_PAGE = "practice-exam.html"
EXAM_BANK = "assets/javascripts/exam-bank.js"
# 300 questions (160 of them exam-only) made the bank 128 KiB: data the exam, review
# and progress pages load after first paint, not page weight.
EXAM_BANK_CEILING = 180 * KIB
# The bank's lean index (bank-index.js), what progress and review count and filter by:
# 17.4 KiB for 300 questions. Data too, on the page's critical path, so kept small.
BANK_INDEX = "assets/javascripts/bank-index.js"
BANK_INDEX_CEILING = 30 * KIB
DATA = {Path(EXAM_BANK).name, Path(BANK_INDEX).name}


def gzip_size(data: bytes) -> int:
    """Bytes after gzip -9 (no file name, fixed timestamp)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def own_assets(assets: Path = ASSETS) -> list[Path]:
    """The site's own JS and CSS: javascripts/*.js and stylesheets/*.css, never vendor/,
    nor the question bank and its index (generated data, weighed on their own below)."""
    files = sorted((assets / "javascripts").glob("*.js")) + sorted((assets / "stylesheets").glob("*.css"))
    return [f for f in files if "vendor" not in f.relative_to(assets).parts
            and f.name not in DATA]


def over_budget(files: dict[str, bytes], budget: int = OWN_ASSETS_BUDGET) -> tuple[int, dict[str, int]]:
    """Gzip size of each file and how far the total is over `budget` (<= 0: within)."""
    sizes = {name: gzip_size(data) for name, data in files.items()}
    return sum(sizes.values()) - budget, sizes


def loader_features(source: str | None = None) -> list[tuple[str, list[str]]]:
    """FEATURES of the loader: (selector, files as paths under assets/)."""
    source = source or SITE_JS.read_text(encoding="utf-8")
    found = re.findall(r'\["([^"]+)", "\w+", \[([^\]]*)\]\]', source)
    return [(sel, [("stylesheets/" if f.endswith(".css") else "javascripts/") + f
                   for f in re.findall(r'"([^"]+)"', files)]) for sel, files in found]


def page_assets(html: str, features=None) -> list[str]:
    """The own files a built page loads: the two always there, and each feature whose
    selector matches the page (the loader decides the same way, in the browser)."""
    page = BeautifulSoup(html, "html.parser")
    files = list(ALWAYS)
    for sel, more in features or loader_features():
        if page.select_one(sel):
            files += [f for f in more if f not in files]
    return files


def test_own_assets_are_found():
    names = {f.name for f in own_assets()}
    assert {"site.js", "store.js", "transfer.js", "quiz.js", "exam.js", "progress.js", "review.js", "site.css",
            "study.css", "exam.css"} <= names, f"own assets not found: {sorted(names)}"
    assert not any("vendor" in f.parts for f in own_assets())
    # Every feature file the loader names exists.
    named = {f for _, files in loader_features() for f in files}
    assert len(named) >= 8 and all((ASSETS / f).is_file() for f in named), named


def test_every_page_own_js_and_css_within_budget(site):
    over, seen = [], {}
    for path in sorted(site.glob("*.html")):
        files = page_assets(path.read_text(encoding="utf-8"))
        excess, sizes = over_budget({f: (site / "assets" / f).read_bytes() for f in files})
        seen[path.name] = files
        if excess > 0:
            over.append(f"{path.name}: {sum(sizes.values())} B gzip -9, over by {excess} B "
                        f"({', '.join(f'{k} {v} B' for k, v in sizes.items())})")
    assert not over, "pages over the 12 KiB own JS + CSS budget:\n" + "\n".join(over)
    # The check sees the features: quiz pages load the quiz, the study pages their own.
    assert "javascripts/quiz.js" in seen["streaming-data-collection.html"]
    assert "javascripts/exam.js" in seen[EXAM_PAGE] and "javascripts/quiz.js" not in seen[EXAM_PAGE]
    assert "javascripts/review.js" in seen["review.html"] and "javascripts/progress.js" in seen["progress.html"]
    assert seen["index.html"] == ALWAYS


def test_shipped_assets_are_the_minified_sources(site):
    sys.path.insert(0, str(ROOT))
    from macros.minify import minify
    for f in own_assets():
        built = (site / "assets" / f.relative_to(ASSETS)).read_text(encoding="utf-8")
        assert built == minify(f.read_text(encoding="utf-8")), f.name
        assert len(built) < len(f.read_text(encoding="utf-8"))
    assert minify("a;\n  // note\n  /* block\n  */\n  b('//x', '/*y*/');\n") == "a;\nb('//x', '/*y*/');\n"


@pytest.mark.browser
@pytest.mark.parametrize("name", ["index.html", "streaming-data-collection.html", "evaluation-optimization.html",
                                  "algorithms.html", EXAM_PAGE, "progress.html", "review.html"])
def test_the_browser_loads_what_the_budget_counts(page, server, site, name):
    """The loader in Chromium asks for exactly the files the budget check counts."""
    asked = []
    page.on("request", lambda r: asked.append(r.url[len(server):].split("?")[0]))
    page.goto(server + name)
    page.wait_for_load_state("networkidle")
    own = {str(f.relative_to(ASSETS)) for f in own_assets()}
    loaded = sorted(u.removeprefix("assets/") for u in asked if u.removeprefix("assets/") in own)
    assert loaded == sorted(page_assets((site / name).read_text(encoding="utf-8")))


def test_budget_check_fails_on_a_real_build_that_outgrows_it(tmp_path, monkeypatch):
    """The whole pipeline (sources, minified build, the loader's per-page features) on a
    copy of the project whose quiz script carries 14 KiB of incompressible data, and a
    big vendored file: the quiz pages go over the budget, the home page does not (it
    loads no quiz script), and vendor/ is never counted."""
    import base64
    from conftest import build_site, copy_project
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    project = copy_project(tmp_path / "project")
    quiz_js = project / "docs" / "assets" / "javascripts" / "quiz.js"
    pad = base64.b64encode(os.urandom(14 * KIB)).decode()
    quiz_js.write_text(quiz_js.read_text(encoding="utf-8") + f'\nwindow.__pad = "{pad}";\n')
    (project / "docs" / "assets" / "vendor" / "big.js").write_bytes(os.urandom(40 * KIB))
    built = build_site(tmp_path / "out", project)
    over = {}
    for name in ("index.html", "streaming-data-collection.html"):
        files = page_assets((built / name).read_text(encoding="utf-8"))
        assert not any("vendor" in f for f in files)
        over[name] = over_budget({f: (built / "assets" / f).read_bytes() for f in files})[0]
    assert over["streaming-data-collection.html"] > 0 and over["index.html"] <= 0, over
    assert all("vendor" not in f.parts for f in own_assets(project / "docs" / "assets"))


def page_sizes(site: Path) -> dict[str, int]:
    return {p.name: gzip_size(p.read_bytes()) for p in sorted(site.glob("*.html"))}


def test_every_page_within_its_ceiling(site):
    sizes = page_sizes(site)
    assert EXAM_PAGE in sizes and "index.html" in sizes, f"pages missing: {sorted(sizes)}"
    over = [f"{name}: {size} B gzip > {PAGE_CEILING} B" for name, size in sizes.items()
            if size > PAGE_CEILING]
    assert not over, "pages over their weight ceiling:\n" + "\n".join(over)


def test_exam_bank_is_a_separate_script_within_its_ceiling(site):
    bank = gzip_size((site / EXAM_BANK).read_bytes())
    assert 20 * KIB < bank <= EXAM_BANK_CEILING, f"{EXAM_BANK}: {bank} B gzip"
    # The exam page itself only points at it.
    assert page_sizes(site)[EXAM_PAGE] < 10 * KIB


def _data(path: Path, name: str) -> dict:
    import json
    body = re.fullmatch(r"(?s)//[^\n]*\nwindow\.%s = (.*);\n" % name, path.read_text(encoding="utf-8"))
    assert body, f"{path.name} is not one JSON assignment to window.{name}"
    return json.loads(body.group(1))


def test_bank_index_is_small_and_matches_the_bank(site):
    """Progress and review count from the index: every question of the bank, in the same
    order, with the same hash and the fields they use; the bank's heavy texts left out."""
    index_gz = gzip_size((site / BANK_INDEX).read_bytes())
    assert 2 * KIB < index_gz <= BANK_INDEX_CEILING, f"{BANK_INDEX}: {index_gz} B gzip"
    assert index_gz * 5 < gzip_size((site / EXAM_BANK).read_bytes())
    for where in (site / "assets", ASSETS):  # as built and as committed (hook-less builders)
        bank = _data(where / EXAM_BANK.removeprefix("assets/"), "mlsExamBank")
        index = _data(where / BANK_INDEX.removeprefix("assets/"), "mlsBankIndex")
        assert index["domains"] == bank["domains"] and index["mla"] == bank["mla"]
        assert [q["id"] for q in index["questions"]] == [q["id"] for q in bank["questions"]]
        assert len(index["questions"]) >= 300
        for i, b in zip(index["questions"], bank["questions"]):
            same = {k: b[k] for k in ("id", "h", "d", "m", "t", "e", "multi", "src")}
            assert {k: i[k] for k in same} == same, b["id"]
            assert set(i) == set(same) | ({"s"} if not b["e"] else set()), b["id"]
            if not b["e"]:
                assert i["s"] and len(i["s"]) <= 120 and "<" not in i["s"], b["id"]


# -- Against plain Material with the same content (the "Quality bar" goal) ---------

PAGE_EXTRA_BUDGET = 15 * KIB


@pytest.fixture(scope="module")
def same_content_site(tmp_path_factory) -> Path:
    """The baseline of scripts/bench.py: plain Material, the same content as Markdown."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import bench
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    work = tmp_path_factory.mktemp("same-content")
    config = bench.same_content_config(work)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    cfg = load_config(config_file=str(config), site_dir=str(work / "site"))
    build(cfg)
    return work / "site"


def test_the_baseline_carries_the_same_content(site, same_content_site):
    """Else the budget below would compare against an empty page and prove nothing."""
    bank = yaml.safe_load((ROOT / "quizzes/streaming-data-collection.yml").read_text())
    for name in ("streaming-data-collection.html",):
        ours = BeautifulSoup((site / name).read_text(), "html.parser").get_text(" ")
        same = BeautifulSoup((same_content_site / name).read_text(), "html.parser").get_text(" ")
        for q in bank["questions"]:
            stem = " ".join(q["question"].split())[:50]
            assert stem in " ".join(ours.split()) and stem in " ".join(same.split()), q["id"]
        for text in ("Buffer interval", "The sheet says"):
            assert text in ours and text in same
        # Our page adds the quiz controls; the baseline has none of them.
        assert "Check answer" in ours and "Check answer" not in same
    # Every correction is listed on both corrections pages.
    lists = [(s / "corrections.html").read_text().count("What is right")
             for s in (site, same_content_site)]
    assert lists[0] == lists[1] >= 40, lists


def test_no_page_outweighs_the_same_content_by_more_than_15_kib(site, same_content_site):
    ours, same = page_sizes(site), page_sizes(same_content_site)
    assert set(ours) == set(same)
    over = [f"{name}: {ours[name]} B gzip, {ours[name] - same[name]:+} B over the same content"
            for name in ours if ours[name] - same[name] > PAGE_EXTRA_BUDGET]
    assert not over, "pages over plain Material + 15 KiB:\n" + "\n".join(over)
