"""How well the question bank measures: the exam-quality figures of issue #12.

    python scripts/bank_report.py                      # the whole bank
    python scripts/bank_report.py quizzes/x.yml ...    # some files (ids of offenders listed)

Pure functions over plain question dicts (as parsed from quizzes/**/*.yml), so
tests/test_bank_quality.py asserts the same figures over the whole bank:

- length tell: single-answer questions whose correct option is the (joint) longest,
  or the (joint) shortest; multiple-response questions whose correct set is exactly
  the k longest, or the k shortest, options;
- qualifiers: stems with an exam qualifier in capitals (MOST, LEAST, ...);
- scenarios: stems of 25 words or more that end in a question;
- giveaways: wrong options explained only by a service being retired;
- near-duplicates: pairs of stems that share most of their wording.
"""
from __future__ import annotations

import re
import sys
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

QUALIFIERS = ("MOST", "LEAST", "FEWEST", "BEST", "LOWEST", "HIGHEST", "FASTEST", "MINIMUM",
              "MAXIMUM", "SMALLEST", "LARGEST", "CHEAPEST", "SIMPLEST", "QUICKEST")
_QUALIFIER = re.compile(r"\b(" + "|".join(QUALIFIERS) + r")\b")
_CHOOSE = re.compile(r"\(Choose \w+\.\)\s*$")
_RETIRED = re.compile(r"\b(retired|deprecated|discontinued|no longer (?:available|offered|supported)"
                      r"|end of (?:life|support)|shut down|sunset)\b", re.I)
SCENARIO_WORDS = 25

# Limits the bank must meet (tests/test_bank_quality.py).
MAX_LONGEST_SINGLE = 0.30
MAX_LONGEST_MULTI = 0.15
MAX_SHORTEST_SINGLE = 0.30   # the reverse tell: "pick the shortest" must not pay either
MAX_SHORTEST_MULTI = 0.15
MIN_QUALIFIED = 0.35
MIN_SCENARIOS = 0.85
NEAR_DUPLICATE = 0.5       # Jaccard similarity of two stems' content words ...
SAME_ANSWER_DUPLICATE = 0.25   # ... or this much, with the same correct answer


def load(paths: list[Path]) -> list[dict]:
    """Every question of the files, each with '_file' added."""
    out = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for q in data.get("questions") or []:
            out.append({**q, "_file": str(path.relative_to(ROOT) if path.is_absolute() else path)})
    return out


def bank_files(root: Path = ROOT) -> list[Path]:
    quizzes = root / "quizzes"
    return sorted(quizzes.glob("*.yml")) + sorted((quizzes / "exam-only").glob("*.yml"))


def _len(text: str) -> int:
    return len(" ".join(str(text).split()))


def stem(q: dict) -> str:
    return _CHOOSE.sub("", " ".join(str(q["question"]).split())).strip()


def correct(q: dict) -> list[int]:
    return [i for i, o in enumerate(q["options"]) if o.get("correct") is True]


def longest_is_correct(q: dict) -> bool:
    """Single answer: the correct option is the longest, or joint longest."""
    lengths = [_len(o["text"]) for o in q["options"]]
    return lengths[correct(q)[0]] == max(lengths)


def k_longest_are_correct(q: dict) -> bool:
    """Multiple response: the k correct options are exactly the k longest (ties count
    against the bank: a correct option tied with a wrong one still gives it away)."""
    keys = set(correct(q))
    lengths = [_len(o["text"]) for o in q["options"]]
    shortest_key = min(lengths[i] for i in keys)
    longest_wrong = max(lengths[i] for i in range(len(lengths)) if i not in keys)
    return shortest_key >= longest_wrong


def shortest_is_correct(q: dict) -> bool:
    """Single answer: the correct option is the shortest, or joint shortest."""
    lengths = [_len(o["text"]) for o in q["options"]]
    return lengths[correct(q)[0]] == min(lengths)


def k_shortest_are_correct(q: dict) -> bool:
    keys = set(correct(q))
    lengths = [_len(o["text"]) for o in q["options"]]
    return max(lengths[i] for i in keys) <= min(lengths[i] for i in range(len(lengths))
                                                if i not in keys)


def qualified(q: dict) -> bool:
    return bool(_QUALIFIER.search(stem(q)))


def scenario(q: dict) -> bool:
    text = stem(q)
    return len(text.split()) >= SCENARIO_WORDS and text.endswith("?")


def giveaways(q: dict) -> list[int]:
    """Wrong options whose 'why' leans on a service being retired (1-based)."""
    return [i + 1 for i, o in enumerate(q["options"])
            if o.get("correct") is not True and _RETIRED.search(str(o.get("why", "")))]


_STOP = set("a an the of to in on for and or with is are be it its this that which what should "
             "can will from by as at team company data their they them each than into not no "
             "does do use uses using need needs wants want must".split())


def _words(text: str) -> set[str]:
    """Content words, cut to six letters so that 'reads' and 'reading' meet."""
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def similarity(a: dict, b: dict) -> float:
    wa, wb = _words(stem(a)), _words(stem(b))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _answers(q: dict) -> set[str]:
    return {" ".join(str(q["options"][i]["text"]).lower().split()) for i in correct(q)}


def near_duplicates(questions: list[dict]) -> list[tuple[str, str, float]]:
    """Pairs whose stems share most of their content words, or a good part of them and
    the same correct answer text (the same scenario reworded)."""
    found = []
    words = [(_words(stem(q)), q) for q in questions]
    for (wa, a), (wb, b) in combinations(words, 2):
        if not wa or not wb:
            continue
        sim = len(wa & wb) / len(wa | wb)
        if sim >= NEAR_DUPLICATE or (sim >= SAME_ANSWER_DUPLICATE and _answers(a) == _answers(b)):
            found.append((a["id"], b["id"], round(sim, 2)))
    return found


def report(questions: list[dict]) -> dict:
    single = [q for q in questions if len(correct(q)) == 1]
    multi = [q for q in questions if len(correct(q)) > 1]
    positions: dict[str, int] = {}
    for q in single:
        letter = "abcdefgh"[correct(q)[0]]
        positions[letter] = positions.get(letter, 0) + 1
    return {
        "questions": len(questions),
        "single": len(single),
        "multi": len(multi),
        "longest_single": [q["id"] for q in single if longest_is_correct(q)],
        "longest_multi": [q["id"] for q in multi if k_longest_are_correct(q)],
        "shortest_single": [q["id"] for q in single if shortest_is_correct(q)],
        "shortest_multi": [q["id"] for q in multi if k_shortest_are_correct(q)],
        "unqualified": [q["id"] for q in questions if not qualified(q)],
        "not_scenario": [q["id"] for q in questions if not scenario(q)],
        "giveaways": [f"{q['id']} option {i}" for q in questions for i in giveaways(q)],
        "no_refs": [q["id"] for q in questions if not q.get("refs")],
        "mla": sum(1 for q in questions if q.get("mla")),
        "positions": dict(sorted(positions.items())),
        "near_duplicates": near_duplicates(questions),
    }


def _share(n: int, total: int) -> str:
    return f"{n} of {total} ({100 * n / total:.0f}%)" if total else "0"


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or bank_files()
    r = report(load(paths))
    n, s, m = r["questions"], r["single"], r["multi"]
    rows = [
        ("questions", f"{n} ({s} single answer, {m} multiple response)", True, []),
        ("correct is the longest (single, <= 30%)", _share(len(r["longest_single"]), s),
         len(r["longest_single"]) <= MAX_LONGEST_SINGLE * s, r["longest_single"]),
        ("correct set is the k longest (multi, <= 15%)", _share(len(r["longest_multi"]), m),
         len(r["longest_multi"]) <= MAX_LONGEST_MULTI * m, r["longest_multi"]),
        ("correct is the shortest (single, <= 30%)", _share(len(r["shortest_single"]), s),
         len(r["shortest_single"]) <= MAX_SHORTEST_SINGLE * s, r["shortest_single"]),
        ("correct set is the k shortest (multi, <= 15%)", _share(len(r["shortest_multi"]), m),
         len(r["shortest_multi"]) <= MAX_SHORTEST_MULTI * m, r["shortest_multi"]),
        ("stems with a qualifier (>= 35%)", _share(n - len(r["unqualified"]), n),
         n - len(r["unqualified"]) >= MIN_QUALIFIED * n, []),
        ("scenarios, 25+ words (>= 85%)", _share(n - len(r["not_scenario"]), n),
         n - len(r["not_scenario"]) >= MIN_SCENARIOS * n, r["not_scenario"]),
        ("retired-service giveaways (0)", str(len(r["giveaways"])), not r["giveaways"],
         r["giveaways"]),
        ("without refs (0)", str(len(r["no_refs"])), not r["no_refs"], r["no_refs"]),
        ("near-duplicate pairs (0)", str(len(r["near_duplicates"])), not r["near_duplicates"],
         [f"{a} ~ {b} ({x})" for a, b, x in r["near_duplicates"]]),
        ("tagged with an MLA-C01 task", _share(r["mla"], n), True, []),
        ("correct letter (single)", str(r["positions"]), True, []),
    ]
    for label, value, ok, ids in rows:
        print(f"{'ok  ' if ok else 'FAIL'} {label}: {value}")
        if ids and not ok:
            print("       " + ", ".join(ids))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
