"""The MLA-C01 coverage page: facts from macros/data/mla-c01.yml, coverage counted
from the questions' `mla` tags, gaps said plainly."""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from conftest import ROOT
from macros import mla as ml
from macros import quiz as qz
from macros.loader import DataError

DATA = ROOT / "macros" / "data"


def exam():
    return ml.load_mla(DATA, root=ROOT)


def test_the_data_agrees_with_the_quiz_validation():
    e = exam()
    assert e.task_ids == qz.MLA_TASKS
    assert {d.id: (d.name, d.weight) for d in e.domains} == qz.MLA_DOMAINS
    assert sum(d.weight for d in e.domains) == 100


def test_a_mismatch_with_the_quiz_constants_is_an_error():
    e = exam()
    with pytest.raises(DataError, match="differ from MLA_DOMAINS"):
        ml.check_against(e, {**qz.MLA_DOMAINS, "1": ("Data", 28)}, qz.MLA_TASKS, "x.yml")
    with pytest.raises(DataError, match="differ from MLA_DOMAINS"):
        ml.check_against(e, qz.MLA_DOMAINS, qz.MLA_TASKS[:-1], "x.yml")


def test_weights_must_add_up(tmp_path):
    (tmp_path / "data").mkdir()
    raw = yaml.safe_load((DATA / ml.FILE).read_text())
    raw["domains"][0]["weight"] += 1
    (tmp_path / "data" / ml.FILE).write_text(yaml.safe_dump(raw))
    with pytest.raises(DataError, match="add up to 101"):
        ml.load_mla(tmp_path / "data", root=tmp_path)


def _page(site):
    return (site / "mla-c01-coverage.html").read_text(encoding="utf-8")


def test_every_task_is_on_the_page_with_its_count(site):
    page = _page(site)
    bank = {q.id: q for q in qz.load_questions(ROOT / "quizzes", _anchors(), root=ROOT).values()}
    for task in qz.MLA_TASKS:
        item = re.search(rf'<li id="mla-task-{task.replace(".", "-")}">(.*?)</li></ul>|'
                         rf'<li id="mla-task-{task.replace(".", "-")}">(.*?)</p></li>', page, re.S)
        assert item, f"task {task} is not on the page"
        text = item.group(0)
        n = sum(q.mla == task for q in bank.values())
        if n:
            assert f"{n} question" in text, f"task {task}: {n} tagged questions not counted"
        else:
            assert "no section of this site tests it" in text


def test_unconfirmed_figures_are_marked(site):
    e = exam()
    page = _page(site)
    if e.unverified:
        assert "not confirmed on an AWS page" in page


def _anchors():
    from macros.loader import page_anchors
    return page_anchors(ROOT / "docs")
