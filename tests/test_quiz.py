"""Question files: loading, validation (every bad case names file, line,
question and field), rendering, and the bank's size and balance."""
from __future__ import annotations

import json
import re
import textwrap
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, copy_project, failed_build
from macros import quiz as qz
from macros.loader import DataError

ANCHORS = {"streaming-data-collection.md": {"shards", "kinesis-data-streams"},
           "modeling.md": {"train-test-split"}}

GOOD = """\
# yaml-language-server: $schema=schema.json
questions:
  - id: kds-read
    domain: data-engineering
    source: streaming-data-collection.md#shards
    question: How much can **one** shard give to shared readers per second?
    options:
      - text: 1 MB/s
        correct: false
        why: That is the write limit.
      - text: 2 MB/s
        correct: true
        why: Shared throughput is 2 MB/s per shard.
      - text: 4 MB/s
        correct: false
        why: That is two shards.
    explanation: Reads are 2 MB/s per shard, shared by consumers.
    refs:
      - https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
"""
REFS = "    refs:\n      - https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html\n"


def write(tmp_path: Path, text: str, name: str = "streaming-data-collection.yml") -> Path:
    folder = tmp_path / "quizzes"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text))
    return folder


def load(tmp_path: Path, text: str = GOOD, name: str = "streaming-data-collection.yml"):
    return qz.load_questions(write(tmp_path, text, name), ANCHORS, root=tmp_path)


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(DataError) as exc:
        load(tmp_path, text)
    return str(exc.value)


def test_a_good_file_loads(tmp_path):
    qs = load(tmp_path)
    q = qs["kds-read"]
    assert q.correct_keys == ("b",) and not q.multi
    assert (q.source_page, q.source_anchor) == ("streaming-data-collection.md", "shards")


@pytest.mark.parametrize("change, field, words", [
    (("    domain: data-engineering\n", "    domain: data-engineering\n    level: hard\n"), "level", "unknown key"),
    (("    explanation: Reads are 2 MB/s per shard, shared by consumers.\n", ""), "explanation", "missing required field"),
    (("        correct: true\n", "        correct: yes please\n"), "options[2].correct", "must be true/false"),
    (("        correct: true\n", "        correct: false\n"), "options", "no option is marked correct"),
    (("      - text: 4 MB/s\n        correct: false\n        why: That is two shards.\n", ""), "options", "at least 3"),
    (("      - text: 4 MB/s\n", "      - text: 2  mb/s\n"), "options[3].text", "duplicate option text"),
    (("  - id: kds-read\n", "  - id: KDS_Read\n"), "id", "not a valid id"),
    (("#shards\n", "#no-such-heading\n"), "source", "no heading"),
    (("streaming-data-collection.md#shards", "modeling.md#train-test-split"), "source", "belong to docs/streaming-data-collection.md"),
    (("    domain: data-engineering\n", "    domain: data-science\n"), "domain", "is not one of"),
    (("    question: How", "    question: <script>x</script> [x](javascript:alert(1)) How"), "question", "not allowed"),
    (("        correct: false\n        why: That is two shards.", "        correct: true\n        why: That is two shards."), "question", "(Choose two.)"),
    (("    domain: data-engineering\n", "    domain: data-engineering\n    mla: \"5.1\"\n"), "mla", "is not one of"),
    (("    domain: data-engineering\n", "    domain: data-engineering\n    mla: 1.1\n"), "mla", 'write the task statement in quotes, e.g. mla: "1.1"'),
    ((REFS, REFS.replace("https://docs.aws.amazon.com", "http://docs.aws.amazon.com")), "refs[1]", "is not an https:// URL"),
    ((REFS, REFS.replace("docs.aws.amazon.com", "example.com")), "refs[1]", "is not an AWS page"),
    ((REFS, REFS.replace("docs.aws.amazon.com", "docs.aws.amazon.com.evil.example")), "refs[1]", "is not an AWS page"),
    ((REFS, "    refs: []\n"), "refs", "at least one AWS documentation page"),
    ((REFS, ""), "refs", "missing required field"),
    ((REFS, REFS + REFS.split("\n", 1)[1]), "refs", "the same page twice"),
])
def test_each_kind_of_bad_question_names_file_line_question_and_field(tmp_path, change, field, words):
    old, new = change
    assert old in GOOD, old
    message = error(tmp_path, GOOD.replace(old, new, 1))
    assert re.match(r"quizzes/streaming-data-collection\.yml:\d+: question ", message), message
    assert f"field '{field}'" in message, message
    assert words in message, message


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    message = error(tmp_path, GOOD.replace("    question: How", "    question: [How"))
    assert re.match(r"quizzes/streaming-data-collection\.yml:\d+: YAML syntax error", message), message


def test_duplicate_id_across_files_names_both(tmp_path):
    write(tmp_path, GOOD)
    other = GOOD.replace("streaming-data-collection.md#shards", "modeling.md#train-test-split")
    folder = write(tmp_path, other, "modeling.yml")
    with pytest.raises(DataError, match=r"quizzes/streaming-data-collection.yml:3: question 'kds-read': "
                                        r"field 'id': duplicate id: also used in quizzes/modeling.yml:3"):
        qz.load_questions(folder, ANCHORS, root=tmp_path)


def test_a_file_for_a_page_that_does_not_exist_is_refused(tmp_path):
    with pytest.raises(DataError, match="no page docs/nope.md"):
        load(tmp_path, GOOD, "nope.yml")


def test_multiple_response_renders_checkboxes_and_says_choose_two(tmp_path):
    text = GOOD.replace("        correct: false\n        why: That is two shards.",
                        "        correct: true\n        why: That is two shards.")
    text = text.replace("per second?", "per second? (Choose two.)")
    q = load(tmp_path, text)["kds-read"]
    html = qz.render_question(q, current_page="modeling.md", source_label="Shards")
    assert q.multi and html.count('type="checkbox"') == 3 and "Choose two" in html


def test_rendered_question_is_a_complete_form_without_script(tmp_path):
    q = load(tmp_path)["kds-read"]
    html = qz.render_question(q, current_page="modeling.md", source_label="Streaming › Shards", number=4)
    assert 'id="q-kds-read"' in html and 'href="#q-kds-read"' in html
    assert "<fieldset" in html and "<legend" in html and html.count('type="radio"') == 3
    for key in "abc":
        # A label around its input: named without ids.
        assert f'<label><input type="radio" name="q-kds-read" value="{key}"> {key.upper()}. ' in html
    assert "<details" in html and "Correct answer: B" in html and "Shared throughput is 2 MB/s" in html
    assert 'href="streaming-data-collection.html#shards"' in html
    assert "\n\n" not in html, "a blank line would end the raw HTML block"
    assert "Question 4" in html and "<strong>one</strong>" in html


def test_same_page_source_link_is_a_fragment(tmp_path):
    q = load(tmp_path)["kds-read"]
    assert qz.source_href(q, "streaming-data-collection.md") == "#shards"


def test_html_in_data_is_shown_as_text(tmp_path):
    q = load(tmp_path, GOOD.replace("Reads are", "Reads <img src=x onerror=alert(1)> are"))["kds-read"]
    html = qz.render_question(q, current_page="x.md", source_label="x")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_hash_changes_with_the_question_or_its_key(tmp_path):
    base = load(tmp_path)["kds-read"].hash
    assert load(tmp_path, GOOD.replace("**one**", "one"))["kds-read"].hash != base
    assert load(tmp_path, GOOD.replace("That is the write limit.", "Writes."))["kds-read"].hash == base


def test_exam_bank_json_cannot_close_its_script_element(tmp_path):
    q = load(tmp_path, GOOD.replace("Reads are", "Reads </script><!-- are"))["kds-read"]
    text = qz.exam_bank_json({q.id: q}, {q.id: "Shards"})
    assert "</script" not in text.lower() and "<!--" not in text
    assert json.loads(text)["questions"][0]["id"] == "kds-read"


def test_schema_and_build_agree_on_the_domains():
    schema = json.loads((ROOT / "quizzes/schema.json").read_text())
    assert schema["$defs"]["question"]["properties"]["domain"]["enum"] == list(qz.DOMAINS)
    assert sum(w for _, w in qz.DOMAINS.values()) == 100


# -- The bank -----------------------------------------------------------------------

BANK_FILES = sorted((ROOT / "quizzes").glob("*.yml"))


def bank() -> list[tuple[str, dict]]:
    return [(p.stem, q) for p in BANK_FILES for q in yaml.safe_load(p.read_text())["questions"]]


@pytest.mark.parametrize("path", BANK_FILES, ids=lambda p: p.name)
def test_bank_files_validate_against_the_schema_editors_use(path):
    assert path.read_text().startswith("# yaml-language-server: $schema=schema.json\n")
    schema = json.loads((ROOT / "quizzes/schema.json").read_text())
    jsonschema.validate(yaml.safe_load(path.read_text()), schema)


def test_bank_size_and_spread():
    questions = bank()
    assert len(questions) >= 130, f"{len(questions)} questions; two mock exams need 130"
    per_page = Counter(page for page, _ in questions)
    assert len(per_page) == 7 and min(per_page.values()) >= 10, per_page
    multi = sum(sum(o["correct"] for o in q["options"]) > 1 for _, q in questions)
    assert multi / len(questions) >= 0.15, f"only {multi} multiple-response questions"
    domains = Counter(q["domain"] for _, q in questions)
    for key, (_, weight) in qz.DOMAINS.items():
        share = 100 * domains[key] / len(questions)
        assert abs(share - weight) <= 4, f"{key}: {share:.0f}% of the bank, exam weight {weight}%"


def test_every_option_has_a_real_why_and_every_question_teaches():
    for page, q in bank():
        assert len(q["explanation"]) >= 60, f"{page}/{q['id']}: explanation too thin"
        for o in q["options"]:
            assert len(o["why"]) >= 15, f"{page}/{q['id']}: option '{o['text']}' has no real why"


def test_a_bad_quiz_file_stops_the_real_build_with_a_useful_message(tmp_path):
    project = copy_project(tmp_path / "project")
    target = next((project / "quizzes").glob("*.yml"))
    text = target.read_text()
    target.write_text(text.replace("    correct: true", "    correct: maybe", 1)
                      if "    correct: true" in text else text.replace("correct: true", "correct: maybe", 1))
    message = failed_build(project, tmp_path)
    assert f"quizzes/{target.name}:" in message and "must be true/false" in message, message
    assert "Traceback" not in message


def test_an_unplaced_question_stops_the_build_naming_the_call_to_add(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "modeling.md"
    text = page.read_text()
    call = re.search(r'^\{\{ quizzes\("([a-z0-9-]+)"\) \}\}\n', text, flags=re.M)
    page.write_text(text.replace(call.group(0), "", 1))
    message = failed_build(project, tmp_path)
    assert f'quizzes("{call.group(1)}")' in message and "Traceback" not in message, message


def test_exam_only_questions_load_with_their_references_and_mla_task(tmp_path):
    write(tmp_path, GOOD)
    (tmp_path / "quizzes" / "exam-only").mkdir()
    other = GOOD.replace("kds-read", "kds-read-exam").replace(
        "    domain: data-engineering\n", '    domain: data-engineering\n    mla: "1.1"\n')
    (tmp_path / "quizzes" / "exam-only" / "streaming-data-collection.yml").write_text(other)
    qs = qz.load_questions(tmp_path / "quizzes", ANCHORS, root=tmp_path)
    assert not qs["kds-read"].exam_only and qs["kds-read-exam"].exam_only
    q = qs["kds-read-exam"]
    assert (q.mla, q.mla_domain) == ("1.1", "1") and qs["kds-read"].mla is None
    assert q.refs == ("https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html",)
    html = qz.render_question(q, current_page="modeling.md", source_label="Shards")
    assert ('Check it in the AWS docs: <a href="https://docs.aws.amazon.com/streams/latest/dev/'
            'service-sizes-and-limits.html">docs.aws.amazon.com › streams › service-sizes-and-limits</a>') in html
    bank = json.loads(qz.exam_bank_json(qs, {k: "Shards" for k in qs}))
    entry = {x["id"]: x for x in bank["questions"]}
    assert (entry["kds-read-exam"]["e"], entry["kds-read-exam"]["m"], entry["kds-read-exam"]["t"]) == (1, "1", "1.1")
    assert (entry["kds-read"]["e"], entry["kds-read"]["m"]) == (0, None)
    assert entry["kds-read"]["r"] == list(q.refs)
    assert bank["mla"]["1"] == ["Data Preparation for Machine Learning (ML)", 28]
    assert sum(w for _, w in bank["mla"].values()) == 100


def test_an_exam_only_question_cannot_be_placed_on_a_page(tmp_path):
    project = copy_project(tmp_path / "project")
    src = project / "quizzes" / "modeling.yml"
    data = yaml.safe_load(src.read_text())
    sources = Counter(x["source"] for x in data["questions"])
    q = next(x for x in data["questions"] if sources[x["source"]] > 1)  # its section keeps one
    (project / "quizzes" / "exam-only").mkdir(exist_ok=True)
    data["questions"].remove(q)
    src.write_text(yaml.safe_dump(data, sort_keys=False))
    (project / "quizzes" / "exam-only" / "modeling.yml").write_text(
        yaml.safe_dump({"questions": [q]}, sort_keys=False))
    page = project / "docs" / "modeling.md"
    page.write_text(page.read_text() + f'\n{{{{ quiz("{q["id"]}") }}}}\n')
    message = failed_build(project, tmp_path)
    assert f"question '{q['id']}' is exam-only" in message and "Traceback" not in message


def test_the_hash_changes_with_the_text_the_options_and_the_key(tmp_path):
    base = load(tmp_path)["kds-read"].hash
    changed = {
        "question": GOOD.replace("per second?", "each second?"),
        "option text": GOOD.replace("text: 4 MB/s", "text: 8 MB/s"),
        "answer key": GOOD.replace("        correct: true\n        why: Shared",
                                   "        correct: false\n        why: Shared").replace(
            "        correct: false\n        why: That is two shards.",
            "        correct: true\n        why: That is two shards."),
    }
    for what, text in changed.items():
        (tmp_path / "quizzes" / "streaming-data-collection.yml").unlink()
        assert load(tmp_path, text)["kds-read"].hash != base, f"hash ignores the {what}"
    # Explanations and whys may be edited without resetting saved answers.
    (tmp_path / "quizzes" / "streaming-data-collection.yml").unlink()
    assert load(tmp_path, GOOD.replace("That is two shards.", "Two shards."))["kds-read"].hash == base
