"""The question bank measures knowledge, not test-wiseness (issue #12), over the whole
bank: no answer-length tell either way, exam qualifiers, real scenarios, no retired-
service giveaways, no near-duplicates, a reference per question, and enough of it:
300+ questions, 120+ exam-only, 10+ on each section page, 150+ tagged for MLA-C01.
The figures come from scripts/bank_report.py, which also lists the offending ids."""
from __future__ import annotations

import sys
from collections import Counter

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bank_report as br  # noqa: E402

sys.path.remove(str(ROOT / "scripts"))

QUESTIONS = br.load(br.bank_files())
SINGLE = [q for q in QUESTIONS if len(br.correct(q)) == 1]
MULTI = [q for q in QUESTIONS if len(br.correct(q)) > 1]
SECTION_PAGES = ["streaming-data-collection", "data-preparation", "data-analysis-visualization",
                 "modeling", "algorithms", "evaluation-optimization", "implementations-operations"]


def share(ids: list, of: list) -> str:
    return f"{len(ids)} of {len(of)}: {', '.join(ids[:12])}"


def test_the_bank_is_large_and_mostly_unseen():
    exam_only = [q for q in QUESTIONS if "/exam-only/" in q["_file"]]
    assert len(QUESTIONS) >= 300, len(QUESTIONS)
    assert len(exam_only) >= 120, len(exam_only)
    per_page = Counter(q["_file"] for q in QUESTIONS if "/exam-only/" not in q["_file"])
    for page in SECTION_PAGES:
        assert per_page[f"quizzes/{page}.yml"] >= 10, page


def test_at_least_150_questions_carry_an_mla_c01_task():
    assert sum(1 for q in QUESTIONS if q.get("mla")) >= 150


def test_every_question_cites_an_aws_page():
    missing = [q["id"] for q in QUESTIONS if not q.get("refs")]
    assert not missing, share(missing, QUESTIONS)


def test_the_correct_option_is_not_the_longest():
    ids = [q["id"] for q in SINGLE if br.longest_is_correct(q)]
    assert len(ids) <= br.MAX_LONGEST_SINGLE * len(SINGLE), share(ids, SINGLE)
    ids = [q["id"] for q in MULTI if br.k_longest_are_correct(q)]
    assert len(ids) <= br.MAX_LONGEST_MULTI * len(MULTI), share(ids, MULTI)


def test_the_correct_option_is_not_the_shortest_either():
    ids = [q["id"] for q in SINGLE if br.shortest_is_correct(q)]
    assert len(ids) <= br.MAX_SHORTEST_SINGLE * len(SINGLE), share(ids, SINGLE)
    ids = [q["id"] for q in MULTI if br.k_shortest_are_correct(q)]
    assert len(ids) <= br.MAX_SHORTEST_MULTI * len(MULTI), share(ids, MULTI)


def test_no_letter_is_a_tell():
    letters = Counter("abcdefgh"[br.correct(q)[0]] for q in SINGLE)
    assert max(letters.values()) <= 0.35 * len(SINGLE), letters


def test_stems_ask_like_the_exam():
    qualified = [q for q in QUESTIONS if br.qualified(q)]
    assert len(qualified) >= br.MIN_QUALIFIED * len(QUESTIONS), len(qualified)
    scenarios = [q for q in QUESTIONS if br.scenario(q)]
    not_scenarios = [q["id"] for q in QUESTIONS if not br.scenario(q)]
    assert len(scenarios) >= br.MIN_SCENARIOS * len(QUESTIONS), share(not_scenarios, QUESTIONS)


def test_no_distractor_is_wrong_only_because_a_service_is_retired():
    found = [f"{q['id']} option {i}" for q in QUESTIONS for i in br.giveaways(q)]
    assert not found, found


def test_no_near_duplicates():
    assert not br.near_duplicates(QUESTIONS)


def test_every_option_keeps_its_why():
    thin = [f"{q['id']} option {i + 1}" for q in QUESTIONS for i, o in enumerate(q["options"])
            if len(str(o.get("why", "")).split()) < 4]
    assert not thin, thin


# -- The checks can fail ---------------------------------------------------------------

def _q(texts, keys, stem="Which option is right?"):
    return {"id": "x", "question": stem,
            "options": [{"text": t, "correct": i in keys, "why": "because it is so"}
                        for i, t in enumerate(texts)]}


def test_the_length_checks_see_a_tell():
    assert br.longest_is_correct(_q(["a", "bb", "a much longer and careful answer", "cc"], {2}))
    assert not br.longest_is_correct(_q(["a long distractor here", "bb", "key", "cc"], {2}))
    assert br.shortest_is_correct(_q(["a long distractor", "bb long", "k", "cc long"], {2}))
    assert br.k_longest_are_correct(_q(["a", "long key one", "long key two", "b", "c"], {1, 2}))
    assert br.k_shortest_are_correct(_q(["long one", "k", "j", "long two", "long 3"], {1, 2}))


def test_the_stem_checks_see_a_definition():
    assert not br.scenario(_q(["a", "b", "c"], {0}, "What is a shard?"))
    assert not br.qualified(_q(["a", "b", "c"], {0}, "What is a shard?"))
    long = ("A retailer streams clickstream events from its website into AWS and must keep every "
            "record for replay by three applications. Which service meets this need with the "
            "LEAST operational overhead?")
    assert br.scenario(_q(["a", "b", "c"], {0}, long)) and br.qualified(_q(["a", "b", "c"], {0}, long))


@pytest.mark.parametrize("why", ["Amazon Forecast is no longer available to new customers.",
                                 "This service was retired in 2024.",
                                 "Kinesis Data Analytics for SQL was shut down."])
def test_the_giveaway_check_sees_a_retired_service(why):
    q = _q(["a", "b", "c"], {0})
    q["options"][1]["why"] = why
    assert br.giveaways(q) == [2]


def test_the_duplicate_check_sees_a_reworded_scenario():
    a = _q(["FastFile mode", "File mode", "Pipe mode"], {0},
           "A custom training script reads images with ordinary file reads from its input "
           "directory; downloading in File mode delays every job. Which input mode starts "
           "training fastest without changing the script?")
    b = _q(["Pipe mode", "FastFile mode", "File mode"], {1},
           "A team's training script uses ordinary file reads on its input directory and each "
           "job waits for the File mode download. Which input mode lets training start quickly "
           "WITHOUT changing the script?")
    b["id"] = "y"
    assert br.near_duplicates([a, b])
