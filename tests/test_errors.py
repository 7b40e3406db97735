"""Every bad input ends `mkdocs build --strict` with one line that says where and
what to fix: file, line, item and field, and no traceback.

Each test breaks a throwaway copy of the project the way an author might and runs
the real command in a subprocess, as a person would see it.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_project, error_lines, failed_build

QUESTION_ID = re.compile(r"^  - id: ([a-z0-9-]+)$", re.M)


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def one_line(project: Path, tmp_path: Path) -> str:
    """The build's single error line (asserting there is exactly one, no traceback)."""
    out = failed_build(project, tmp_path)
    assert "Traceback" not in out, out
    lines = error_lines(out)
    assert len(lines) == 1, "\n".join(lines)
    assert lines[0].startswith("ERROR"), lines[0]
    return lines[0]


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line of `path` that contains `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def first_question(path: Path) -> str:
    return QUESTION_ID.search(path.read_text(encoding="utf-8")).group(1)


CORRECTION_ID = re.compile(r"^- id: ([a-z0-9-]+)$", re.M)
CORRECTION_CALL = re.compile(r'^\{\{ correction\("([a-z0-9-]+)"\) \}\}$', re.M)
HEADING = re.compile(r"^## .* \{ #([a-z0-9-]+) \}$", re.M)


def correction_ids(path: Path) -> list[str]:
    return CORRECTION_ID.findall(path.read_text(encoding="utf-8"))


def placed_correction(project: Path) -> tuple[Path, str, str]:
    """(docs/modeling.md, a correction id placed there, its call as written)."""
    page = project / "docs" / "modeling.md"
    found = CORRECTION_CALL.search(page.read_text(encoding="utf-8"))
    return page, found.group(1), found.group(0)


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- Data files ------------------------------------------------------------------------

def test_a_data_error_is_one_line(project, tmp_path):
    quiz = project / "quizzes" / "modeling.yml"
    qid = first_question(quiz)
    replace_once(quiz, "        correct: false", "        correct: maybe")
    line = one_line(project, tmp_path)
    expected = (f"quizzes/modeling.yml:{line_of(quiz, '- text:')}: question '{qid}': "
                "field 'options[1].correct': must be true/false, got text ('maybe'): write "
                "true or false")
    assert line.endswith(expected), line


def test_yes_is_not_accepted_for_true(project, tmp_path):
    quiz = project / "quizzes" / "modeling.yml"
    qid = first_question(quiz)
    replace_once(quiz, "        correct: true", "        correct: yes")
    line = one_line(project, tmp_path)
    assert f"quizzes/modeling.yml:" in line and f": question '{qid}': " in line
    assert re.search(r"field 'options\[\d\]\.correct': write true or false, not 'yes'", line), line


def test_an_unquoted_no_as_option_text_says_to_quote_it(project, tmp_path):
    quiz = project / "quizzes" / "modeling.yml"
    qid = first_question(quiz)
    text = quiz.read_text(encoding="utf-8")
    start = text.index("      - text:")
    end = text.index("        correct:", start)
    quiz.write_text(text[:start] + "      - text: No\n" + text[end:], encoding="utf-8")
    line = one_line(project, tmp_path)
    assert line.endswith(f"quizzes/modeling.yml:{line_of(quiz, '- text:')}: question "
                         f"'{qid}': field 'options[1].text': must be text, got 'No', which "
                         "YAML reads as true/false: put it in quotes (\"No\")"), line


def test_not_utf8_in_a_quiz_file_names_file_and_line(project, tmp_path):
    quiz = project / "quizzes" / "modeling.yml"
    raw = quiz.read_bytes()
    at = raw.index(b"why:", 2000)
    quiz.write_bytes(raw[:at] + b"why: it\x92s wrong" + raw[at + 4:])
    number = raw.count(b"\n", 0, at) + 1
    line = one_line(project, tmp_path)
    assert f"quizzes/modeling.yml:{number}: byte 0x92 at column" in line, line
    assert "not UTF-8" in line and "save the file as UTF-8" in line


def test_not_utf8_in_a_page_names_file_and_line(project, tmp_path):
    page = project / "docs" / "algorithms.md"
    raw = page.read_bytes()
    lines = raw.split(b"\n")
    lines[19] += b" don\x92t"
    page.write_bytes(b"\n".join(lines))
    assert "docs/algorithms.md:20: byte 0x92" in one_line(project, tmp_path)


def test_text_too_long_is_refused(project, tmp_path):
    corrections = project / "macros" / "data" / "corrections" / "modeling.yml"
    text = corrections.read_text(encoding="utf-8")
    text = re.sub(r"^  right: >-\n(?:    .*\n)+", '  right: "' + "[" * 20000 + '"\n', text,
                  count=1, flags=re.M)
    corrections.write_text(text, encoding="utf-8")
    first = correction_ids(corrections)[0]
    line = one_line(project, tmp_path)
    assert line.endswith(f"macros/data/corrections/modeling.yml:1: correction '{first}': "
                         "field 'right': is 20,000 characters long; at most 2,000: shorten it "
                         "or split it"), line


def test_bracket_heavy_text_is_refused(project, tmp_path):
    quiz = project / "quizzes" / "modeling.yml"
    qid = first_question(quiz)
    replace_once(quiz, "    question: >-\n", "    question: >-\n      " + "[" * 500 + "\n")
    line = one_line(project, tmp_path)
    assert f"question '{qid}': field 'question': has 500 '[' characters" in line, line


def test_duplicate_correction_ids_name_both_files(project, tmp_path):
    path = project / "macros" / "data" / "corrections" / "modeling.yml"
    first, second = correction_ids(path)[:2]
    replace_once(path, f"- id: {second}\n", f"- id: {first}\n")
    where = [n for n, text in enumerate(path.read_text().splitlines(), 1) if text == f"- id: {first}"]
    line = one_line(project, tmp_path)
    assert line.endswith(f"macros/data/corrections/modeling.yml:{where[1]}: correction '{first}': "
                         f"field 'id': duplicate id: also used in "
                         f"macros/data/corrections/modeling.yml:{where[0]} (ids are unique across "
                         "all correction files)"), line


def test_duplicate_correction_ids_across_files(project, tmp_path):
    folder = project / "macros" / "data" / "corrections"
    other = (folder / "algorithms.yml").read_text(encoding="utf-8")
    taken = re.search(r"^- id: ([a-z0-9-]+)$", other, re.M).group(1)
    replace_once(folder / "modeling.yml", f"- id: {correction_ids(folder / 'modeling.yml')[1]}\n",
                 f"- id: {taken}\n")
    line = one_line(project, tmp_path)
    assert "macros/data/corrections/modeling.yml:" in line
    assert f"also used in macros/data/corrections/algorithms.yml:{line_of(folder / 'algorithms.yml', '- id: ' + taken)}" in line


def test_a_table_text_field_typed_as_yes(project, tmp_path):
    table = project / "macros" / "data" / "tables" / "kds-vs-msk.yml"
    text = table.read_text(encoding="utf-8")
    text = re.sub(r"^summary: .*(\n  .*)*$", "summary: yes", text, count=1, flags=re.M)
    table.write_text(text, encoding="utf-8")
    line = one_line(project, tmp_path)
    assert f"macros/data/tables/kds-vs-msk.yml:{line_of(table, 'caption:')}: table 'kds-vs-msk': field 'summary': must be " \
        "text, got 'yes', which YAML reads as true/false: put it in quotes" in line, line


# -- Pages ------------------------------------------------------------------------------

def test_heading_id_without_spaces_says_what_to_write(project, tmp_path):
    page = project / "docs" / "modeling.md"
    hid = HEADING.search(page.read_text(encoding="utf-8")).group(1)
    replace_once(page, f"{{ #{hid} }}", f"{{#{hid}}}")
    line = one_line(project, tmp_path)
    assert line.endswith(f"docs/modeling.md:{line_of(page, '{#' + hid + '}')}: heading id "
                         f"written '{{#{hid}}}': write '{{ #{hid} }}' with "
                         "spaces ('{#' starts a Jinja comment)"), line


@pytest.mark.parametrize("how, wording", [
    ("admonition", "is indented (inside a list, an admonition or a code block)"),
    ("list", "follows a non-blank line"),
    ("indented list", "is indented"),
    ("code", "is inside a code block"),
    ("inline", "shares its line with other text"),
])
def test_a_macro_out_of_place_names_page_and_line(project, tmp_path, how, wording):
    page, _, call = placed_correction(project)
    new = {"admonition": '!!! note "Careful"\n\n    ' + call,
           "list": "- a point\n" + call,
           "indented list": "- a point\n\n    " + call,
           "code": "```text\n" + call + "\n```",
           "inline": "See " + call + " here."}[how]
    replace_once(page, call, new)
    number = line_of(page, call)
    line = one_line(project, tmp_path)
    assert f"docs/modeling.md:{number}: {{{{ correction(...) }}}} {wording}" in line, line
    assert "a macro stands alone on its line, at column 0" in line


def test_an_error_inside_a_macro_call_names_page_and_line(project, tmp_path):
    page, _, call = placed_correction(project)
    replace_once(page, call, '{{ correction("no-such-fix") }}')
    line = one_line(project, tmp_path)
    assert line.endswith(f'docs/modeling.md:{line_of(page, "no-such-fix")}: correction("no-such-fix"): '
                         "no such id in macros/data/corrections/"), line


def test_a_wrong_macro_call_names_page_and_line(project, tmp_path):
    page, _, call = placed_correction(project)
    replace_once(page, call, "{{ correction() }}")
    line = one_line(project, tmp_path)
    assert f"docs/modeling.md:{line_of(page, '{{ correction() }}')}: {{{{ correction() }}}} failed: " \
        in line and "missing 1 required positional argument" in line, line


def test_an_unknown_name_names_page_and_line(project, tmp_path):
    page, cid, call = placed_correction(project)
    replace_once(page, call, f'{{{{ corection("{cid}") }}}}')
    line = one_line(project, tmp_path)
    assert f"docs/modeling.md:{line_of(page, 'corection')}: unknown name 'corection'" in line, line


def test_jinja_syntax_error_names_page_and_line(project, tmp_path):
    page, cid, call = placed_correction(project)
    replace_once(page, call, f'{{{{ correction("{cid}" }}}}')
    line = one_line(project, tmp_path)
    assert f"docs/modeling.md:{line_of(page, cid)}: Jinja syntax error: " in line, line


def test_placing_a_correction_twice_names_the_page(project, tmp_path):
    page, cid, call = placed_correction(project)
    page.write_text(page.read_text(encoding="utf-8") + f"\n{call}\n", encoding="utf-8")
    numbers = [n for n, text in enumerate(page.read_text().splitlines(), 1) if text == call]
    line = one_line(project, tmp_path)
    assert f"docs/modeling.md:{numbers[1]}: correction '{cid}' is placed more than once" in line, line


def test_an_unplaced_correction_names_it(project, tmp_path):
    page = project / "docs" / "modeling.md"
    docs = " ".join(p.read_text(encoding="utf-8") for p in (project / "docs").glob("*.md"))
    cid = next(c for c in CORRECTION_CALL.findall(page.read_text(encoding="utf-8"))
               if f"#fix-{c}" not in docs)  # no other page links its box
    replace_once(page, f'{{{{ correction("{cid}") }}}}\n', "")
    line = one_line(project, tmp_path)
    assert line.endswith(f"macros/data: never placed on a page: correction '{cid}' "
                         "(docs/modeling.md)"), line


def test_any_other_error_on_a_page_is_one_line_too(project, tmp_path):
    """Not a macro of ours (mkdocs-macros reports it): still one line, page and line."""
    page, _, call = placed_correction(project)
    replace_once(page, call, "{{ 1/0 }}")
    out = failed_build(project, tmp_path)
    assert "Traceback" not in out
    lines = error_lines(out)
    assert lines == [f"WARNING -  [macros] - ERROR docs/modeling.md:{line_of(page, '{{ 1/0 }}')}: "
                     "ZeroDivisionError: division by zero"], lines


def test_an_unclosed_jinja_comment_names_its_line(project, tmp_path):
    """The file's line, front matter counted (mkdocs-macros counted without it)."""
    page = project / "docs" / "modeling.md"
    text = page.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(text, 1) if n > 20 and line and line[0].isalpha())
    text[number - 1] += " (see {#notes)"
    page.write_text("\n".join(text) + "\n", encoding="utf-8")
    line = one_line(project, tmp_path)
    assert f"docs/modeling.md:{number}: Jinja syntax error: Missing end of comment tag" in line, line
