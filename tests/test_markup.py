"""Markdown in the data files (macros/markup.py): the shortcut for simple texts
gives exactly the parser's HTML, and unsafe Markdown is refused."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros import markup
from macros.markup import UnsafeMarkup, render_markdown, render_simple, render_with_parser

ROOT = Path(__file__).resolve().parents[1]


def data_texts() -> list[str]:
    """Every Markdown text of the quiz and correction files."""
    texts = []
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            texts += [q["question"], q["explanation"]]
            texts += [t for o in q["options"] for t in (o["text"], o["why"])]
    for path in sorted((ROOT / "macros/data/corrections").glob("*.yml")):
        texts += [c["right"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return [t.strip() for t in texts]


def test_shortcut_matches_the_parser_on_every_data_text():
    texts = data_texts()
    assert len(texts) > 1000
    simple = [t for t in texts if render_simple(t) is not None]
    mismatches = [t for t in simple if render_simple(t) != render_with_parser(t)]
    assert not mismatches, mismatches[:3]
    # The shortcut is what keeps the build fast: most texts must take it.
    assert len(simple) > 0.8 * len(texts)


@pytest.mark.parametrize("text", [
    "Plain words, with (parentheses), 'quotes', \"double quotes\" and 50% / 2.",
    "**Bold** at the start and `code <b> & more` at the end",
    "Two **bold** parts, **both** here.",
    "`PutRecord` and `PutRecords`",
    "3 shards are enough.",
])
def test_shortcut_cases_equal_the_parser(text):
    assert render_simple(text) is not None
    assert render_simple(text) == render_with_parser(text)


@pytest.mark.parametrize("text", [
    "1. A numbered list item",
    "2) Another list form",
    "- a bullet",
    "# a heading",
    "> a quote",
    "*italic* text",
    "snake_case words",
    "AT&T",
    "a [link](https://docs.aws.amazon.com/)",
    "line one\nline two",
    "** spaced bold **",
    "` spaced code `",
])
def test_anything_else_goes_through_the_parser(text):
    assert render_simple(text) is None
    assert render_markdown(text) == render_with_parser(text)


def test_lists_and_links_render():
    html = render_markdown("Read [the docs](https://docs.aws.amazon.com/).\n\n- one\n- two")
    assert '<a href="https://docs.aws.amazon.com/">the docs</a>' in html
    assert "<ul>" in html and "<li>two</li>" in html


@pytest.mark.parametrize("text, message", [
    ("[x](javascript:alert(1))", "not allowed"),
    ("[x](modeling.md#top)", "not allowed"),
    ("![chart](x.png)", "images are not allowed"),
])
def test_unsafe_markdown_is_refused(text, message):
    with pytest.raises(UnsafeMarkup, match=message):
        render_markdown(text)


def test_raw_html_is_shown_as_text():
    html = render_markdown("Press <script>alert(1)</script> now, *really*")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_failed_render_does_not_leave_a_broken_parser():
    with pytest.raises(UnsafeMarkup):
        render_with_parser("[x](http://example.com)")
    assert markup._MD is None
    assert render_with_parser("*fine*") == "<p><em>fine</em></p>"
