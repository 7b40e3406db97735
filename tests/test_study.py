"""The study loop in real Chromium (issue #11): first-try scoring, the count guard,
explanations on screen, deep-link highlight, the progress and review pages, export and
import, and the practice exam's shapes, filters, sticky timer, shuffle and history."""
from __future__ import annotations

import json
import re
import time

import pytest

pytestmark = pytest.mark.browser

PAGE = "streaming-data-collection.html"
OTHER = "algorithms.html"
DAY = 86_400_000


def keys(quiz):
    return quiz.get_attribute("data-correct").split(",")


def wrong_key(quiz):
    return next(v for v in (i.get_attribute("value") for i in quiz.locator(".quiz__option input").all())
                if v not in keys(quiz))


def answer(quiz, picks):
    quiz.locator(".quiz__option input").evaluate_all("els => els.forEach(e => { e.checked = false; })")
    for k in picks:
        quiz.locator(f'input[value="{k}"]').check()
    quiz.locator('button[type="submit"]').click()


def saved(page, qid):
    return json.loads(page.evaluate("id => localStorage.getItem('mls-c01:q:' + id)", qid) or "null")


def qid(quiz):
    return quiz.get_attribute("id").removeprefix("q-")


def ready(page, selector):
    page.wait_for_selector(f"{selector}[data-ready]", state="attached")


def exported(page):
    data = page.evaluate("mls.transfer.exportData()")
    data.pop("exported")
    return data


# -- First-try scoring, count guard, explanation, highlight ----------------------------------

def test_retry_does_not_raise_the_first_try_score(page, server):
    page.goto(server + PAGE)
    quiz = page.locator(".quiz").first
    total = page.locator(".quiz").count()
    answer(quiz, [wrong_key(quiz)] + keys(quiz)[1:])
    score = page.locator("[data-quiz-score]")
    assert score.inner_text() == f"First try: 0 of 1 correct · {total} questions"
    assert "This first try counts" in quiz.locator(".quiz__feedback").inner_text()
    answer(quiz, keys(quiz))  # the revealed answer: practice only
    feedback = quiz.locator(".quiz__feedback").inner_text()
    assert feedback.startswith("Correct.") and "Practice check" in feedback and "(incorrect)" in feedback
    assert score.inner_text() == f"First try: 0 of 1 correct · {total} questions"
    rec = saved(page, qid(quiz))
    assert rec["f"] is False and rec["ok"] is True and rec["box"] == 0
    # A second question right at once: 1 of 2.
    second = page.locator(".quiz").nth(1)
    answer(second, keys(second))
    assert score.inner_text() == f"First try: 1 of 2 correct · {total} questions"
    # Clear on a question keeps its first try; reload keeps everything.
    quiz.locator('button[type="reset"]').click()
    assert quiz.locator(".quiz__why").count() == 0
    page.reload()
    assert page.locator("[data-quiz-score]").inner_text() == f"First try: 1 of 2 correct · {total} questions"
    assert "is-checked" not in page.locator(".quiz").first.get_attribute("class")
    assert "is-right" in page.locator(".quiz").nth(1).get_attribute("class")
    # "Reset this page" clears the page as before: the next check is a first try again.
    page.locator("[data-quiz-reset]").click()
    assert page.locator("[data-quiz-score]").inner_text() == f"First try: 0 of 0 correct · {total} questions"
    assert saved(page, qid(quiz)) is None


def test_one_of_two_is_not_graded(page, server):
    page.goto(server + "implementations-operations.html")
    quiz = page.locator('.quiz[data-correct*=","]').first
    right = keys(quiz)
    assert len(right) == 2
    answer(quiz, right[:1])
    fb = quiz.locator(".quiz__feedback").inner_text()
    assert fb == "Choose two answers: you chose one. Not graded yet."
    page.wait_for_function("document.querySelector('body > .sr-only[role=status]').textContent.includes('Choose two answers')")
    assert "is-checked" not in quiz.get_attribute("class")
    assert quiz.locator(".quiz__why").count() == 0
    assert saved(page, qid(quiz)) is None
    # Three of two: not graded either; exactly two: graded all-or-nothing.
    wrong = wrong_key(quiz)
    answer(quiz, right + [wrong])
    assert "you chose three" in quiz.locator(".quiz__feedback").inner_text()
    assert saved(page, qid(quiz)) is None
    answer(quiz, [right[0], wrong])
    assert quiz.locator(".quiz__feedback").inner_text().startswith("Incorrect.")
    assert saved(page, qid(quiz))["f"] is False


def test_explanation_shows_after_checking_and_details_stay(page, server):
    page.goto(server + PAGE)
    quiz = page.locator(".quiz").first
    assert quiz.locator(".quiz__explained").count() == 0
    answer(quiz, keys(quiz))
    shown = quiz.locator(".quiz__explained")
    assert shown.is_visible()
    details = quiz.locator("details.quiz__answer")
    assert details.count() == 1 and details.get_attribute("open") is None
    # The same explanation text as the no-JS <details>, on screen.
    expl = details.evaluate("d => [...d.querySelector('.quiz__whys').parentElement.children]"
                            ".slice([...d.children].indexOf(d.querySelector('.quiz__whys')) + 1)"
                            ".map(e => e.textContent.trim()).join(' ')")
    assert expl[:60] in " ".join(shown.inner_text().split()) or expl.split()[0] in shown.inner_text()
    assert shown.locator(".quiz__source a").count() == 1
    quiz.locator('button[type="reset"]').click()
    assert quiz.locator(".quiz__explained").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_deep_link_target_is_marked(browser, server, scheme):
    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + PAGE)
    ids = [q.get_attribute("id") for q in page.locator(".quiz").all()[:2]]
    page.goto(server + "index.html")
    page.goto(f"{server}{PAGE}#{ids[1]}")
    page.wait_for_timeout(300)
    style = "e => { const s = getComputedStyle(e); return [s.outlineColor, s.outlineStyle]; }"
    marked, plain = page.locator(f"#{ids[1]}").evaluate(style), page.locator(f"#{ids[0]}").evaluate(style)
    assert marked != plain and marked[1] == "solid", (marked, plain)
    page.goto(server + "index.html")
    page.goto(f"{server}{PAGE}#shards")
    page.wait_for_timeout(300)
    assert page.locator("#shards").evaluate(style)[1] == "solid"
    ctx.close()


# -- Progress -------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["http", "file"])
def test_progress_after_answering_on_two_pages(page, server, site, mode):
    base = server if mode == "http" else site.as_uri() + "/"
    page.goto(base + PAGE)
    first = page.locator(".quiz").first
    answer(first, keys(first))
    page.goto(base + OTHER)
    other = page.locator(".quiz").first
    missed = qid(other)
    legend = " ".join(other.locator("legend").first.inner_text().split())
    answer(other, [wrong_key(other)] + keys(other)[1:])
    page.goto(base + "progress.html")
    ready(page, "[data-progress]")
    rows = {r.locator("th").inner_text(): [c.inner_text().strip() for c in r.locator("td").all()]
            for r in page.locator("[data-part=sections] tbody tr").all()}
    bank = page.evaluate("mlsBankIndex.questions.filter(q => !q.e)")
    assert page.evaluate("typeof window.mlsExamBank") == "undefined", "progress parsed the whole bank"
    n = {p: sum(q["src"][0].startswith(p + "#") for q in bank) for p in (PAGE, OTHER)}
    assert rows["Streaming Data Collection"][:2] == [f"1 of {n[PAGE]}", "1 of 1 (100%)"]
    assert rows["Algorithms"][:2] == [f"1 of {n[OTHER]}", "0 of 1 (0%)"]
    assert rows["Modeling"][:2] == [f"0 of {sum(q['src'][0].startswith('modeling.html#') for q in bank)}", "0 of 0"]
    # Sections in navigation order, a bar per row.
    assert list(rows)[0] == "Streaming Data Collection"
    assert page.locator("[data-part=sections] .study__bar").count() == len(rows)
    # Domains: the two answers counted under their MLS-C01 domains.
    dom = page.locator("[data-part=domains]").inner_text()
    assert "MLS-C01 (retired) domains" in dom
    # The missed question links to its anchor on its page.
    link = page.locator("[data-part=missed] li a").first
    assert link.get_attribute("href") == f"{OTHER}#q-{missed}"
    # Named by the start of its question, as plain text from the index.
    stem = next(q["s"] for q in bank if q["id"] == missed)
    assert link.inner_text() == stem and 0 < len(stem) <= 120 and "<" not in stem
    assert " ".join(stem.rstrip("…").split())[:40] in legend
    link.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # let Material's header tracking settle after the scroll
    link.click()
    page.wait_for_url(re.compile(re.escape(f"{OTHER}#q-{missed}") + "$"))
    page.locator(f"#q-{missed}").wait_for(state="visible")  # instant navigation swaps the content after the URL
    page.wait_for_timeout(300)
    assert page.locator(f"#q-{missed}").evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


def test_export_then_import_into_a_fresh_browser(page, server, browser, tmp_path):
    page.goto(server + PAGE)
    quizzes = page.locator(".quiz")
    answer(quizzes.nth(0), keys(quizzes.nth(0)))
    answer(quizzes.nth(1), [wrong_key(quizzes.nth(1))] + keys(quizzes.nth(1))[1:])
    finish_exam(page, server, answers=3)
    page.goto(server + "progress.html")
    ready(page, "[data-progress]")
    before = exported(page)
    assert len(before["questions"]) >= 2 and len(before["history"]) == 1
    with page.expect_download() as dl:
        page.locator("[data-act=export]").click()
    path = tmp_path / "progress.json"
    dl.value.save_as(path)
    data = json.loads(path.read_text())
    assert data["format"] == "mls-c01-progress" and data["version"] == 2
    sections_before = page.locator("[data-part=sections]").inner_text()

    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(server + "progress.html")
    ready(other, "[data-progress]")
    assert "Nothing answered yet" in other.locator("[data-part=sections]").inner_text()
    other.locator("[data-import]").set_input_files(str(path))
    other.wait_for_function("document.querySelector('[data-msg]').textContent.startsWith('Imported')")
    assert exported(other) == before
    assert other.locator("[data-part=sections]").inner_text() == sections_before
    assert other.locator("[data-part=exams] tbody tr").count() == 1
    # Importing the same file again changes nothing (a merge, not a copy).
    other.locator("[data-import]").set_input_files(str(path))
    other.wait_for_function("document.querySelector('[data-msg]').textContent.includes('0 new')")
    assert exported(other) == before
    fresh.close()


BAD_FILES = {
    "not JSON": ("{oops", "is not JSON"),
    "wrong shape": ('{"format": "something-else", "version": 2}', "wrong shape"),
    "bad record": ('{"format": "mls-c01-progress", "version": 2, "questions": {"x": {"h": 1}}, "history": []}', "wrong shape"),
    "newer version": ('{"format": "mls-c01-progress", "version": 3, "questions": {}, "history": []}', "newer version"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_import_files_change_nothing(page, server, tmp_path, kind):
    page.goto(server + PAGE)
    quiz = page.locator(".quiz").first
    answer(quiz, keys(quiz))
    page.goto(server + "progress.html")
    ready(page, "[data-progress]")
    before = page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    text, message = BAD_FILES[kind]
    path = tmp_path / "bad.json"
    path.write_text(text)
    page.locator("[data-import]").set_input_files(str(path))
    page.wait_for_function("document.querySelector('[data-msg]').textContent.length > 0")
    msg = page.locator("[data-msg]").inner_text()
    assert message in msg and "Nothing was imported" in msg
    assert page.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == before


def test_reset_all_asks_first(page, server):
    page.goto(server + PAGE)
    quiz = page.locator(".quiz").first
    answer(quiz, keys(quiz))
    id_ = qid(quiz)
    page.goto(server + "progress.html")
    ready(page, "[data-progress]")
    page.locator("[data-act=reset]").click()
    confirm = page.locator("[data-confirm]")
    assert confirm.is_visible() and "cannot be undone" in confirm.inner_text()
    page.locator("[data-act=reset-no]").click()
    assert not confirm.is_visible() and saved(page, id_) is not None
    page.locator("[data-act=reset]").click()
    page.locator("[data-act=reset-yes]").click()
    assert saved(page, id_) is None
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('mls-c01:')).length") == 0
    assert "Nothing answered yet" in page.locator("[data-part=sections]").inner_text()


def test_store_migrates_v1_and_ignores_junk(page, server):
    page.goto(server + PAGE)
    quiz = page.locator(".quiz").first
    page.evaluate("([id, h, sel]) => { localStorage.setItem('mls-c01:q:' + id, JSON.stringify({v: 1, h, sel, ok: true}));"
                  " localStorage.setItem('mls-c01:history', '{broken'); }",
                  [qid(quiz), quiz.get_attribute("data-hash"), keys(quiz)])
    page.reload()
    quiz = page.locator(".quiz").first
    assert "is-right" in quiz.get_attribute("class")  # a v1 answer reads as the first try
    assert page.locator("[data-quiz-score]").inner_text().startswith("First try: 1 of 1 correct")
    assert page.evaluate("mls.store.history()") == []
    rec = page.evaluate("id => mls.store.question(id)", qid(quiz))
    assert rec["v"] == 2 and rec["f"] is True and rec["box"] == 1


# -- Review ---------------------------------------------------------------------------------

def start_review(page, server, length="10"):
    page.goto(server + "review.html")
    ready(page, "[data-review]")
    page.select_option("#review-len", length)
    page.locator("[data-review] button[type=submit]").click()


def bank_question(page, id_):
    return page.evaluate("id => mlsExamBank.questions.find(q => q.id === id)", id_)


def requests_for(page, name):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if r.url.split("?")[0].endswith("/" + name) else None)
    return asked


@pytest.mark.parametrize("name", ["progress.html", "review.html"])
def test_progress_and_review_never_load_the_bank_on_their_own(page, server, name):
    """The bank is ~600 KB of data: progress never asks for it, review only when a session
    starts; both count from the lean index (bank-index.js), asked for once."""
    page.goto(server + PAGE)
    first = page.locator(".quiz").first
    answer(first, [wrong_key(first)] + keys(first)[1:])  # a missed question to list and review
    bank, index = requests_for(page, "exam-bank.js"), requests_for(page, "bank-index.js")
    page.goto(server + name)
    ready(page, "[data-progress]" if name == "progress.html" else "[data-review]")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert not bank, f"{name} asked for the whole bank: {bank}"
    assert len(index) == 1, index
    assert page.evaluate("typeof window.mlsExamBank") == "undefined"
    if name == "progress.html":
        assert page.locator("[data-part=missed] li").count() == 1
    else:
        assert "1 missed" in page.locator("[data-due]").inner_text()
        page.locator("[data-review] button[type=submit]").click()
        assert "Missed before" in page.locator("[data-review] .quiz__meta").inner_text()
        assert len(bank) == 1


def test_review_start_waits_for_the_bank_then_asks(page, server):
    """Start is usable as soon as the counts show: pressed before the bank has arrived,
    it says so and cannot be pressed twice; the session starts when the bank is in,
    focus on its first question. A bank that fails to load leaves Start usable."""
    held = []
    page.route("**/exam-bank.js", lambda route: held.append(route))
    page.goto(server + "review.html")
    ready(page, "[data-review]")
    start = page.locator("[data-review] button[type=submit]")
    assert start.is_enabled() and not held
    page.select_option("#review-len", "5")
    start.click()
    assert start.is_disabled() and "Loading" in start.inner_text()
    page.wait_for_timeout(200)
    assert len(held) == 1, "Start did not ask for the bank (once)"
    held[0].continue_()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'review-title'")
    assert page.locator("#review-title").inner_text() == "Question 1 of 5"
    html = page.locator("[data-review] legend").inner_html()
    assert any(q["q"][:150] in html for q in page.evaluate("mlsExamBank.questions"))

    page.unroute("**/exam-bank.js")
    page.route("**/exam-bank.js", lambda route: route.abort())
    page.reload()
    ready(page, "[data-review]")
    start.click()
    page.wait_for_function("document.querySelector('[data-due]').textContent.includes('did not load')")
    assert start.is_enabled() and start.inner_text() == "Start review"
    assert page.locator("[data-review] legend").count() == 0
    # Once the bank can load again, the same control starts the session.
    page.unroute("**/exam-bank.js")
    start.click()
    page.locator("#review-title").wait_for()
    assert page.locator("#review-title").inner_text().startswith("Question 1 of ")


def test_missed_question_comes_first_and_its_schedule_moves(page, server):
    page.goto(server + OTHER)
    quiz = page.locator(".quiz").nth(3)
    missed = qid(quiz)
    answer(quiz, [wrong_key(quiz)] + keys(quiz)[1:])
    start_review(page, server, "5")
    assert "Missed before" in page.locator("[data-review] .quiz__meta").inner_text()
    q = bank_question(page, missed)
    assert q["q"][:30] in page.locator("[data-review] legend").inner_html()
    for k in [o[0] for o in q["o"] if o[2]]:
        page.locator(f'[data-review] input[value="{k}"]').check()
    t0 = int(page.evaluate("Date.now()"))
    page.locator("[data-review] button[type=submit]").click()
    fb = page.locator("[data-fb]").inner_text()
    assert fb.startswith("Correct.") and "next review in 1 day (box 1)" in fb
    rec = saved(page, missed)
    assert rec["box"] == 1 and rec["f"] is False and abs(rec["due"] - (t0 + DAY)) < 60_000
    assert page.locator("[data-review] .quiz__explained").is_visible()
    # Not due any more: the next session does not start with it.
    page.locator("[data-act=end]").click()
    assert "1 right, 0 missed" in page.locator("[data-summary]").inner_text()
    page.locator("[data-act=again]").click()
    assert "0 missed" in page.locator("[data-due]").inner_text()


def test_review_filters_by_section_and_domain(page, server):
    page.goto(server + "review.html")
    ready(page, "[data-review]")
    counts = {}
    for value in ["", "p:modeling.html", "d:data-engineering"]:
        page.select_option("#review-from", value)
        counts[value] = int(re.search(r"(\d+) not seen", page.locator("[data-due]").inner_text()).group(1))
    bank = page.evaluate("mlsBankIndex.questions.filter(q => !q.e)")
    assert counts[""] == len(bank)
    assert counts["p:modeling.html"] == sum(q["src"][0].startswith("modeling.html#") for q in bank)
    assert counts["d:data-engineering"] == sum(q["d"] == "data-engineering" for q in bank)
    page.select_option("#review-from", "p:modeling.html")
    page.select_option("#review-len", "5")
    page.locator("[data-review] button[type=submit]").click()
    for _ in range(5):
        assert "Modeling ›" in page.locator("[data-review] .quiz__meta").inner_text()
        page.keyboard.press("n")
    assert page.locator("#review-title").inner_text() == "Session done"


def test_keyboard_only_review(page, server):
    page.goto(server + "review.html")
    ready(page, "[data-review]")
    keys_table = page.locator("article table").first.inner_text()
    assert "Enter" in keys_table and "1" in keys_table and "N" in keys_table
    # Tab to the length select, pick 5 with the arrow keys, Tab to Start, Enter.
    page.locator("#review-from").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "review-len"
    page.keyboard.press("ArrowUp")
    assert page.locator("#review-len").input_value() == "5"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'review-title'")
    for i in range(5):
        assert page.locator("#review-title").inner_text() == f"Question {i + 1} of 5"
        html = page.locator("[data-review] legend").inner_html()
        q = next(q for q in page.evaluate("mlsExamBank.questions") if q["q"][:150] in html)
        right = [o[0] for o in q["o"] if o[2]]
        if i == 1:  # answer wrongly by letter: the wrong option's position
            pos = next(j for j, o in enumerate(q["o"]) if not o[2])
            page.keyboard.press("ABCDE"[pos].lower())
            # a multiple-response question: as many choices as it asks for, one of them wrong
            for j in [j for j, o in enumerate(q["o"]) if o[2]][:len(right) - 1]:
                page.keyboard.press(str(j + 1))
        else:  # right, by number
            for k in right:
                page.keyboard.press(str([o[0] for o in q["o"]].index(k) + 1))
        page.keyboard.press("Enter")
        fb = page.locator("[data-fb]").inner_text()
        assert fb.startswith("Incorrect." if i == 1 else "Correct."), fb
        page.keyboard.press("n")
    assert page.locator("#review-title").inner_text() == "Session done"
    assert "You answered 5 of 5: 4 right, 1 missed." in page.locator("[data-summary]").inner_text()


# -- Practice exam --------------------------------------------------------------------------

def start_exam(page, server, shape="mls", timed=True):
    page.goto(server + "practice-exam.html")
    page.locator(f"[data-exam-start] input[value={shape}]").check()
    if not timed:
        page.locator("[data-exam-start] input[name=timed]").uncheck()
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title").wait_for()
    return json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))


def finish_exam(page, server, answers=3, flag=(), wrong=()):
    state = start_exam(page, server, timed=False)
    bank = {q["id"]: q for q in page.evaluate("mlsExamBank.questions")}
    for i in range(answers):
        q = bank[state["ids"][i]]
        picks = [o[0] for o in q["o"] if o[2] != (i in wrong)][: len([o for o in q["o"] if o[2]])]
        for k in picks:
            page.locator(f'[data-exam-q] input[value="{k}"]').check()
        if i in flag:
            page.locator("[data-flag]").check()
        page.locator("[data-act=next]").click()
    page.locator("[data-act=submit]").click()
    page.locator("[data-act=confirm]").click()
    return state


def test_weighted_draw_is_a_pure_function(page, server):
    page.goto(server + "practice-exam.html")
    page.wait_for_function("!!(window.mls && window.mls.drawExam)")
    out = page.evaluate("""() => {
      const mla = {1: ['a', 28], 2: ['b', 26], 3: ['c', 22], 4: ['d', 24]};
      const qs = [];
      for (const m of ['1', '2', '3', '4', null]) for (let i = 0; i < 40; i++) qs.push({id: `${m}-${i}`, m});
      let seed = 1; const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const count = (ids) => ids.reduce((c, id) => (c[id.split('-')[0]] = (c[id.split('-')[0]] || 0) + 1, c), {});
      const a = mls.drawExam(qs, mla, 65, (q) => q.m, rand);
      seed = 1; const again = mls.drawExam(qs, mla, 65, (q) => q.m, rand);
      const mls_ = {x: ['x', 20], y: ['y', 24], z: ['z', 36], w: ['w', 20]};
      const qs2 = ['x', 'y', 'z', 'w'].flatMap((d) => Array.from({length: 40}, (_, i) => ({id: `${d}-${i}`, d})));
      // A short group leaves its places to the others.
      const short = qs.filter((q) => q.m !== '3' || +q.id.split('-')[1] < 5);
      return {a: count(a), same: JSON.stringify(a) === JSON.stringify(again), n: new Set(a).size,
              b: count(mls.drawExam(qs2, mls_, 65, (q) => q.d)),
              c: count(mls.drawExam(short, mla, 65, (q) => q.m)),
              tiny: mls.drawExam(qs.slice(0, 3), mla, 65, (q) => q.m).length};
    }""")
    assert out["a"] == {"1": 18, "2": 17, "3": 14, "4": 16} and out["n"] == 65 and out["same"]
    assert "null" not in out["a"]
    assert out["b"] == {"x": 13, "y": 16, "z": 23, "w": 13}
    assert out["c"]["3"] == 5 and sum(out["c"].values()) == 65 and "null" not in out["c"]
    assert out["tiny"] == 3


def with_mla_tags(page):
    """Until the bank carries MLA-C01 domains, tag every question with one, as data."""
    def handle(route):
        body = route.fetch().text()
        body += ";window.mlsExamBank.questions.forEach((q, i) => { if (!q.m) q.m = String(i % 4 + 1); });"
        route.fulfill(body=body, content_type="text/javascript")
    page.route("**/exam-bank.js", handle)


def test_mla_exam_draws_by_its_own_weights(page, server):
    with_mla_tags(page)
    state = start_exam(page, server, shape="mla")
    assert state["shape"] == "mla" and len(state["ids"]) == 65
    bank = {q["id"]: q for q in page.evaluate("mlsExamBank.questions")}
    drawn = [bank[i]["m"] for i in state["ids"]]
    weights = page.evaluate("mlsExamBank.mla || null")
    if weights:
        assert {k: v[1] for k, v in weights.items()} == {"1": 28, "2": 26, "3": 22, "4": 24}
    assert {m: drawn.count(m) for m in set(drawn)} == {"1": 18, "2": 17, "3": 14, "4": 16}
    assert re.match(r"Time left: 2:09:5\d|Time left: 2:10:00", page.locator(".exam__timer").inner_text())
    assert "MLA-C01" in page.locator("[data-exam-q] .quiz__meta").inner_text()


def test_options_shuffled_per_attempt_and_kept_on_reload(page, server):
    state = start_exam(page, server)
    bank = {q["id"]: q for q in page.evaluate("mlsExamBank.questions")}
    natural = {i: [o[0] for o in bank[i]["o"]] for i in state["ids"]}
    assert sum(state["ord"][i] != natural[i] for i in state["ids"]) > 20
    shown = [i.get_attribute("value") for i in page.locator("[data-exam-q] input[name=x]").all()]
    assert shown == state["ord"][state["ids"][0]]
    page.reload()
    assert [i.get_attribute("value") for i in page.locator("[data-exam-q] input[name=x]").all()] == shown
    assert json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))["ord"] == state["ord"]
    # The letters follow the shown order.
    assert page.locator("[data-exam-q] .quiz__option label").first.inner_text().startswith("A.")
    # A new attempt shuffles again.
    page.locator("[data-act=abandon]").click()
    page.locator("[data-exam-start] input[value=mls]").check()
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title").wait_for()
    again = json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))
    common = set(again["ids"]) & set(state["ids"])
    assert common and any(again["ord"][i] != state["ord"][i] for i in common) or again["ids"] != state["ids"]


def test_timer_stays_in_sight_while_scrolling(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 700})
    page = ctx.new_page()
    start_exam(page, server)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 300
    timer = page.locator(".exam__timer").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert timer and header["y"] + header["height"] - 1 <= timer["y"] < 200, (timer, header)
    ctx.close()


def test_exam_filters_and_history(page, server):
    state = finish_exam(page, server, answers=6, flag=(0, 4), wrong=(1, 4))
    bank = {q["id"]: q for q in page.evaluate("mlsExamBank.questions")}
    on_pages = sum(not bank[i]["e"] for i in state["ids"][:6])  # exam-only ones stay out
    assert page.locator("#exam-title").inner_text() == "Result: 4 of 65 correct (6%)"
    items = page.locator(".exam__item")
    assert items.count() == 65
    labels = page.locator("[data-filter] label")
    assert [label.inner_text().strip() for label in labels.all()] == ["All (65)", "Wrong (2)", "Flagged (2)", "Unanswered (59)"]
    for value, n in [("wrong", 2), ("flagged", 2), ("unanswered", 59), ("all", 65)]:
        page.locator(f"[data-filter] input[value={value}]").check()
        assert page.locator(".exam__item:visible").count() == n
        assert str(n) in page.locator("[data-shown]").inner_text()
    page.locator("[data-filter] input[value=wrong]").check()
    assert all(i.get_attribute("data-kind") == "wrong" for i in page.locator(".exam__item:visible").all())
    # Recorded once, also after a reload of the results.
    page.reload()
    page.locator("#exam-title").wait_for()
    hist = page.evaluate("mls.store.history()")
    assert len(hist) == 1 and hist[0]["shape"] == "mls" and hist[0]["n"] == 65 and hist[0]["right"] == 4
    assert sum(d[1] for d in hist[0]["dom"].values()) == 65
    page.goto(server + "progress.html")
    ready(page, "[data-progress]")
    row = page.locator("[data-part=exams] tbody tr")
    assert row.count() == 1 and "4 of 65 (6%)" in row.inner_text() and "MLS-C01" in row.inner_text()
    # Exam answers count as first tries on the progress page too.
    assert f"answered {on_pages} of" in page.locator("[data-summary]").inner_text()


# -- Without JavaScript ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["progress.html", "review.html"])
def test_without_javascript_the_study_pages_say_so(browser, server, name):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + name)
    article = page.locator("article")
    assert "needs JavaScript" in article.inner_text()
    assert article.locator("a[href='streaming-data-collection.html']").is_visible()
    assert not page.locator("[data-js-only]").is_visible()
    ctx.close()


def test_study_pages_after_instant_navigation(page, server):
    page.goto(server + PAGE)
    page.evaluate("window.__same = true")
    page.locator(".md-nav--primary a", has_text="Your progress").first.click()
    ready(page, "[data-progress]")
    page.locator(".md-nav--primary a", has_text="Review").first.click()
    ready(page, "[data-review]")
    assert page.evaluate("window.__same") is True
    assert "not seen yet" in page.locator("[data-due]").inner_text()
    assert page.locator("script[src$='review.js']").count() == 1


def test_import_merge_keeps_the_earlier_first_try_and_the_later_schedule(page, server):
    page.goto(server + "progress.html")
    ready(page, "[data-progress]")
    out = page.evaluate("""() => {
      const rec = (o) => Object.assign({v: 2, h: 'hh', sel: ['a'], ok: true, f: true, t: 100, at: 100, box: 1, due: 5}, o);
      localStorage.setItem('mls-c01:q:one', JSON.stringify(rec({f: true, t: 200, at: 200, box: 1})));
      const file = {format: 'mls-c01-progress', version: 2, questions: {
        one: rec({f: false, t: 100, at: 900, box: 3, due: 77, sel: ['b'], ok: false}),
        two: rec({})}, history: [{at: 5, shape: 'mla', n: 65, right: 30, dom: {'1': [10, 18]}}]};
      const res = mls.transfer.importText(JSON.stringify(file));
      return {res, one: mls.store.question('one'), two: mls.store.question('two'), hist: mls.store.history()};
    }""")
    assert out["res"]["ok"] and "1 new, 1 merged" in out["res"]["message"]
    one = out["one"]
    assert (one["f"], one["t"]) == (False, 100)            # the earlier first try
    assert (one["box"], one["due"], one["sel"]) == (3, 77, ["b"])  # the later schedule and answer
    assert out["two"]["box"] == 1 and len(out["hist"]) == 1


def test_an_exam_saved_before_the_shapes_resumes_as_mls(page, server):
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] button:enabled").wait_for()
    ids = page.evaluate("mls.bank().then(b => b.questions.slice(0, 3).map(q => q.id))")
    page.evaluate("ids => localStorage.setItem('mls-c01:exam', JSON.stringify({v: 1, ids, ans: {}, flag: {}, cur: 1, limit: 0, end: 0, done: false}))", ids)
    page.reload()
    assert page.locator("#exam-title").inner_text() == "Question 2 of 3"
    assert "MLS-C01" in page.locator("[data-exam-q] .quiz__meta").inner_text()


def test_review_page_states_the_schedule_the_store_uses(page, server):
    page.goto(server + "review.html")
    ready(page, "[data-review]")
    text = page.locator("#review-schedule ~ ul").first.inner_text()
    stated = [int(n) for n in re.findall(r"box \d after (\d+) days?", text)]
    assert stated == page.evaluate("mls.store.INTERVALS")[1:]
    assert "due again at once" in text and page.evaluate("mls.store.INTERVALS")[0] == 0


def test_the_exam_grades_multiple_response_all_or_nothing(page, server):
    """Four saved answers, graded on load: a full pair right, one of two wrong, a pair
    with one wrong key wrong, a single right."""
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] button:enabled").wait_for()
    multi = page.evaluate("mls.bank().then(b => b.questions.filter(q => q.multi && q.o.filter(o => o[2]).length === 2).slice(0, 3))")
    single = page.evaluate("mls.bank().then(b => b.questions.find(q => !q.multi))")
    right = lambda q: [o[0] for o in q["o"] if o[2]]  # noqa: E731
    wrong = lambda q: [o[0] for o in q["o"] if not o[2]]  # noqa: E731
    ans = {multi[0]["id"]: right(multi[0]),
           multi[1]["id"]: right(multi[1])[:1],
           multi[2]["id"]: [right(multi[2])[0], wrong(multi[2])[0]],
           single["id"]: right(single)}
    ids = list(ans)
    page.evaluate("s => localStorage.setItem('mls-c01:exam', JSON.stringify(s))",
                  {"v": 2, "shape": "mls", "ids": ids, "ans": ans, "flag": {}, "cur": 0,
                   "limit": 0, "end": 0, "done": True})
    page.reload()
    page.locator("#exam-title").wait_for()
    assert page.locator("#exam-title").inner_text() == "Result: 2 of 4 correct (50%)"
    kinds = {i.get_attribute("id").removeprefix("review-"): i.get_attribute("data-kind")
             for i in page.locator(".exam__item").all()}
    assert kinds == {ids[0]: "right", ids[1]: "wrong", ids[2]: "wrong", ids[3]: "right"}
