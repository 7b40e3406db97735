"""Real Chromium (Playwright driving /usr/bin/chromium): the site from disk and
over HTTP, quizzes and the practice exam, as a reader uses them."""
from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

PAGE = "streaming-data-collection.html"


def first_quiz(page):
    return page.locator(".quiz").first


def keys(quiz):
    return quiz.get_attribute("data-correct").split(",")


def answer(quiz, picks):
    for k in picks:
        quiz.locator(f'input[value="{k}"]').check()
    quiz.locator('button[type="submit"]').click()


def wrong_key(quiz):
    right = keys(quiz)
    return next(i.get_attribute("value") for i in quiz.locator(".quiz__option input").all()
                if i.get_attribute("value") not in right)


# -- The site ------------------------------------------------------------------------

def test_from_disk_navigate_through_the_nav(page, site):
    page.goto((site / "index.html").as_uri())
    page.locator(".md-nav--primary a", has_text="Streaming Data Collection").first.click()
    page.wait_for_url(re.compile(r"streaming-data-collection\.html$"))
    assert page.locator("h1").inner_text().startswith("Streaming Data Collection")


def test_search_works_from_disk(page, site):
    page.goto((site / "index.html").as_uri())
    page.locator(".md-search__input").click()
    page.keyboard.type("shard")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert results.count() > 0
    assert "Shard" in page.locator(".md-search-result").inner_text()


def test_deep_link_over_http_brings_the_heading_into_view(page, server):
    page.goto(server + PAGE + "#shards")
    heading = page.locator("#shards")
    heading.wait_for()
    page.wait_for_timeout(300)
    box = heading.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]
    assert "Shards" in heading.inner_text()


@pytest.mark.parametrize("name", ["index.html", PAGE, "algorithms.html", "practice-exam.html",
                                  "data-analysis-visualization.html"])
def test_no_request_leaves_the_origin(page, context, server, site, name):
    page.goto(server + name)
    page.wait_for_load_state("networkidle")
    assert not context.requests.foreign(server), context.requests.foreign(server)
    context.requests.clear()
    page.goto((site / name).as_uri())
    page.wait_for_load_state("networkidle")
    assert not context.requests.foreign("file://"), context.requests.foreign("file://")


# -- Quizzes ---------------------------------------------------------------------------

def test_right_answer_marks_saves_and_scores(page, server):
    page.goto(server + PAGE)
    quiz = first_quiz(page)
    answer(quiz, keys(quiz))
    assert "Correct." in quiz.locator(".quiz__feedback").inner_text()
    assert quiz.locator(".quiz__option.is-correct").count() == len(keys(quiz))
    assert "(your choice)" in quiz.locator(".quiz__option.is-correct .quiz__why").first.inner_text()
    total = page.locator(".quiz").count()
    assert page.locator("[data-quiz-score]").inner_text() == f"First try: 1 of 1 correct · {total} questions"
    page.wait_for_function("document.querySelector('body > .sr-only[role=status]').textContent.includes('Correct')")
    # Saved: the first try, right, with the key chosen and the question's hash.
    qid = quiz.get_attribute("id").removeprefix("q-")
    saved = json.loads(page.evaluate("id => localStorage.getItem('mls-c01:q:' + id)", qid))
    assert saved["f"] is True and saved["ok"] is True and sorted(saved["sel"]) == sorted(keys(quiz))
    assert saved["h"] == quiz.get_attribute("data-hash")


def test_wrong_answer_shows_every_why_and_the_key(page, server):
    page.goto(server + PAGE)
    quiz = first_quiz(page)
    bad = wrong_key(quiz)
    answer(quiz, [bad] if len(keys(quiz)) == 1 else [bad, keys(quiz)[0]])
    assert "Incorrect" in quiz.locator(".quiz__feedback").inner_text()
    option = quiz.locator(".quiz__option").filter(has=page.locator(f'input[value="{bad}"]'))
    assert option.get_attribute("class").count("is-wrong") == 1
    whys = quiz.locator(".quiz__why")
    assert whys.count() == quiz.locator(".quiz__option").count()
    assert all(len(w.inner_text()) > 15 for w in whys.all())
    # Each option's "why" is its own (the answer list's item for that option) ...
    listed = quiz.locator(".quiz__whys > li").nth(ord(bad) - ord("a")).inner_text()
    assert listed.split(".", 2)[-1].strip()[:40] in option.locator(".quiz__why").inner_text()
    # ... and describes its input for screen readers.
    described = option.locator("input").get_attribute("aria-describedby")
    assert described and option.locator(f"#{described}").count() == 1


def test_multiple_response_is_all_or_nothing(page, server):
    page.goto(server + "implementations-operations.html")
    quiz = page.locator('.quiz[data-correct*=","]').first
    right = keys(quiz)
    # One of two is not graded (the count guard); a wrong pair is graded as wrong.
    answer(quiz, right[:1])
    assert "Not graded yet" in quiz.locator(".quiz__feedback").inner_text()
    assert quiz.locator(".quiz__why").count() == 0
    answer(quiz, [wrong_key(quiz)])
    assert quiz.locator(".quiz__feedback").inner_text().startswith("Incorrect.")
    assert f"The answers are {' and '.join(k.upper() for k in right)}" in quiz.locator(".quiz__feedback").inner_text()
    quiz.locator('button[type="reset"]').click()
    assert quiz.locator(".quiz__why").count() == 0
    assert quiz.locator(".quiz__option.is-wrong, .quiz__option.is-correct").count() == 0
    answer(quiz, right)
    assert quiz.locator(".quiz__feedback").inner_text().startswith("Correct.")


def test_keyboard_only(page, server):
    page.goto(server + PAGE)
    quiz = first_quiz(page)
    qid = quiz.get_attribute("id")
    # Tab from the question's permalink into its options, choose with the arrow keys or Space.
    quiz.locator(".quiz__permalink").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.name, document.activeElement.type]")
    assert focused[0] == qid and focused[1] in ("radio", "checkbox"), focused
    target = keys(quiz)[0]
    for _ in range(8):  # bounded: fails below instead of looping forever
        if page.evaluate("document.activeElement.value") == target:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert quiz.locator(f'input[value="{target}"]').is_checked()
    # Tab to "Check answer" and press Enter: a few Tabs at most.
    for _ in range(12):
        if page.evaluate("document.activeElement.type") == "submit":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit", "Check answer not reached by Tab"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).boxShadow")
    assert outline != "none" + "none", "no visible focus on the button"
    page.keyboard.press("Enter")
    if len(keys(quiz)) == 1:
        assert "Correct." in quiz.locator(".quiz__feedback").inner_text()
    else:
        assert "Incorrect" in quiz.locator(".quiz__feedback").inner_text()


def test_reload_keeps_progress_and_reset_clears_it(page, server):
    page.goto(server + PAGE)
    quiz = first_quiz(page)
    answer(quiz, keys(quiz))
    page.reload()
    quiz = first_quiz(page)
    assert "is-right" in quiz.get_attribute("class")
    assert all(quiz.locator(f'input[value="{k}"]').is_checked() for k in keys(quiz))
    assert page.locator("[data-quiz-score]").inner_text().startswith("First try: 1 of 1 correct")
    page.locator("[data-quiz-reset]").click()
    page.reload()
    assert "is-checked" not in first_quiz(page).get_attribute("class")


def test_changed_question_starts_fresh(page, server):
    page.goto(server + PAGE)
    quiz = first_quiz(page)
    qid = quiz.get_attribute("id").removeprefix("q-")
    page.evaluate("([id, sel]) => localStorage.setItem('mls-c01:q:' + id, JSON.stringify({v: 1, h: 'oldhash', sel, ok: true}))",
                  [qid, keys(quiz)])
    page.reload()
    assert "is-checked" not in first_quiz(page).get_attribute("class")


@pytest.mark.parametrize("junk", ["{not json", "null", "42", '{"v":1,"h":"x","sel":"b"}', '{"v":1,"sel":["<img src=x onerror=alert(1)>"]}'])
def test_corrupt_storage_is_ignored(page, server, junk):
    page.goto(server + PAGE)
    qid = first_quiz(page).get_attribute("id").removeprefix("q-")
    page.evaluate("([id, junk]) => { localStorage.setItem('mls-c01:q:' + id, junk); localStorage.setItem('mls-c01:exam', junk); }", [qid, junk])
    page.reload()
    quiz = first_quiz(page)
    assert "is-checked" not in quiz.get_attribute("class")
    answer(quiz, keys(quiz))  # still works, and overwrites the junk
    assert json.loads(page.evaluate("id => localStorage.getItem('mls-c01:q:' + id)", qid))["ok"] is True
    # The exam page reads the same junk as its saved attempt: it offers a fresh start
    # (the `page` fixture fails the test on any JavaScript error).
    page.goto(server + "practice-exam.html")
    start = page.locator("[data-exam-start] button[type=submit]")
    start.wait_for()
    assert page.locator(".exam__q").count() == 0 and page.locator("#exam-title").count() == 0


def test_without_javascript_the_answer_is_in_details(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + PAGE)
    quiz = first_quiz(page)
    assert not quiz.locator('button[type="submit"]').is_visible()
    quiz.locator("details summary").click()
    details = quiz.locator("details")
    assert "Correct answer" in details.inner_text()
    # Every option's reason, each with real words beyond its verdict, and the explanation.
    whys = quiz.locator(".quiz__whys li")
    assert whys.count() == quiz.locator(".quiz__option").count()
    for li in whys.all():
        reason = li.inner_text().split(".", 2)[-1].strip()
        assert len(reason.split()) >= 4, li.inner_text()
    explanation = details.evaluate("""d => { const c = d.cloneNode(true);
        c.querySelectorAll('summary, .quiz__whys, .quiz__source, .quiz__refs').forEach(e => e.remove());
        c.querySelector('p').remove();  // the key
        return c.textContent.trim(); }""")
    assert len(explanation.split()) >= 10, f"no explanation without JS: {explanation!r}"
    page.goto(server + "practice-exam.html")
    assert "needs JavaScript" in page.locator("article").inner_text()
    assert not page.locator("[data-exam-start] button").is_visible()
    ctx.close()


def test_deep_link_to_a_question(page, server):
    page.goto(server + PAGE)
    last = page.locator(".quiz").last.get_attribute("id")
    page.goto(server + "index.html")
    page.goto(f"{server}{PAGE}#{last}")
    page.wait_for_timeout(300)
    box = page.locator(f"#{last}").bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]


def test_unknown_question_id_in_the_url_is_harmless_and_explained(page, server):
    page.goto(server + PAGE + "#q-no-such-question")
    note = page.locator(".quiz-missing")
    note.wait_for()
    assert "no-such-question" in note.inner_text()
    page.goto(server + PAGE + "#q-%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert page.locator(".quiz-missing img").count() == 0
    answer(first_quiz(page), keys(first_quiz(page)))
    assert "Correct." in first_quiz(page).locator(".quiz__feedback").inner_text()


def test_instant_navigation_leaves_one_working_handler(page, server):
    page.goto(server + PAGE)
    # Move between pages through the nav (Material's instant navigation: no reload).
    page.evaluate("window.__sameDocument = true")
    for target in ["Algorithms", "Streaming Data Collection", "Modeling", "Streaming Data Collection"]:
        page.locator(".md-nav--primary a", has_text=target).first.click()
        page.wait_for_function(f"document.querySelector('h1').textContent.startsWith({target!r})")
    assert page.evaluate("window.__sameDocument") is True, "navigation reloaded the page"
    page.evaluate("window.__checks = 0; document.addEventListener('quiz:checked', () => window.__checks++)")
    quiz = first_quiz(page)
    answer(quiz, keys(quiz))
    assert page.evaluate("window.__checks") == 1
    assert "Correct." in quiz.locator(".quiz__feedback").inner_text()


# -- Practice exam --------------------------------------------------------------------------

def test_practice_exam_end_to_end(page, server):
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] input[value=mls]").check()
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title").wait_for()
    title = page.locator("#exam-title")
    assert title.inner_text() == "Question 1 of 65"
    assert page.evaluate("document.activeElement.id") == "exam-title"
    assert re.match(r"Time left: 2:59:5\d|Time left: 3:00:00", page.locator(".exam__timer").inner_text())
    state = json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))
    bank = page.evaluate("window.mlsExamBank")
    domain_of = {q["id"]: q["d"] for q in bank["questions"]}
    drawn = [domain_of[i] for i in state["ids"]]
    assert len(set(state["ids"])) == 65
    assert {d: drawn.count(d) for d in set(drawn)} == {
        "data-engineering": 13, "exploratory-data-analysis": 16, "modeling": 23, "ml-implementation-operations": 13}
    correct = {q["id"]: [o[0] for o in q["o"] if o[2]] for q in bank["questions"]}

    # Answer the first 10 correctly (the 3rd wrongly), flag the 2nd.
    for i in range(10):
        qid = state["ids"][i]
        picks = correct[qid] if i != 2 else [next(o[0] for o in bank["questions"][[q["id"] for q in bank["questions"]].index(qid)]["o"] if not o[2])]
        for k in picks:
            page.locator(f'[data-exam-q] input[value="{k}"]').check()
        if i == 1:
            page.locator("[data-flag]").check()
        page.locator("[data-act=next]").click()
    assert title.inner_text() == "Question 11 of 65"
    nav = page.locator(".exam__nav button")
    assert nav.nth(1).get_attribute("aria-label") == "Question 2: answered, flagged"
    assert nav.nth(20).get_attribute("aria-label") == "Question 21: unanswered"

    # Reload mid-exam: same draw, answers, flags, position and deadline.
    end = json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))["end"]
    page.reload()
    assert page.locator("#exam-title").inner_text() == "Question 11 of 65"
    after = json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))
    assert after["ids"] == state["ids"] and after["end"] == end
    page.locator(".exam__nav button").nth(1).click()
    assert page.locator("[data-flag]").is_checked()

    # Submit with unanswered questions: a confirmation first.
    page.locator("[data-act=submit]").click()
    confirm = page.locator("[data-confirm]")
    assert confirm.is_visible() and "55 questions are unanswered" in confirm.inner_text()
    page.locator("[data-act=cancel]").click()
    assert not confirm.is_visible()
    page.locator("[data-act=submit]").click()
    page.locator("[data-act=confirm]").click()

    # Result: 9 of 65, per domain, review of every question with sources.
    assert page.locator("#exam-title").inner_text() == "Result: 9 of 65 correct (14%)"
    rows = page.locator("table tbody tr")
    assert rows.count() == 4
    assert sum(int(re.match(r"(\d+) of", r.locator("td").first.inner_text()).group(1)) for r in rows.all()) == 9
    assert page.locator(".exam__review > li").count() == 65
    assert page.locator(".exam__review .quiz__source a").count() == 65
    assert "your answer" in page.locator(".exam__review > li").nth(2).inner_text()

    # Retake only the missed ones: 56 questions, fresh answers.
    page.locator("[data-act=retake]").click()
    assert page.locator("#exam-title").inner_text() == "Question 1 of 56"
    retake = json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))
    assert set(retake["ids"]) == set(state["ids"]) - {state["ids"][i] for i in range(10) if i != 2}


def test_practice_exam_after_instant_navigation(page, server):
    """The bank is a separate script: reached without a reload, the exam loads it itself."""
    page.goto(server + PAGE)
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary a", has_text="Practice exam").first.click()
    page.wait_for_function("document.querySelector('h1').textContent.startsWith('Practice exam')")
    assert page.evaluate("window.__sameDocument") is True, "navigation reloaded the page"
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title").wait_for()
    assert page.locator("#exam-title").inner_text() == "Question 1 of 65"
    assert page.evaluate("Object.keys(window.mlsExamBank.questions).length") >= 65


def test_practice_exam_loads_the_bank_when_started(page, server):
    """The bank is large data: a page with no attempt to resume loads it on Start."""
    held = []
    page.route("**/exam-bank.js", lambda route: held.append(route))
    page.goto(server + "practice-exam.html")
    start = page.locator("[data-exam-start] button")
    start.locator("xpath=.").and_(page.locator(":enabled")).wait_for()
    page.wait_for_timeout(200)
    assert not held, "the bank loaded before the reader started"
    page.locator("[data-exam-start] input[value=mls]").check()
    start.click()
    assert start.is_disabled() and "Loading" in start.inner_text()
    page.wait_for_timeout(200)
    assert held, "Start did not ask for the bank"
    held[0].continue_()
    page.locator("#exam-title").wait_for()
    assert page.locator("#exam-title").inner_text() == "Question 1 of 65"
    assert json.loads(page.evaluate("localStorage.getItem('mls-c01:exam')"))["shape"] == "mls"
    # A saved attempt loads the bank at once, to resume.
    page.unroute("**/exam-bank.js")
    page.reload()
    assert page.locator("#exam-title").inner_text() == "Question 1 of 65"


def test_practice_exam_says_so_when_the_bank_cannot_load(page, server):
    page.route("**/exam-bank.js", lambda route: route.abort())
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] button").click()
    alert = page.locator("[data-exam] [role=alert]")
    alert.wait_for()
    assert "did not load" in alert.inner_text()
    assert page.url.endswith("practice-exam.html")


def test_practice_exam_timer_runs_out_and_submits(page, server):
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title").wait_for()
    page.evaluate("""() => { const s = JSON.parse(localStorage.getItem('mls-c01:exam'));
                             s.end = Date.now() + 1500; localStorage.setItem('mls-c01:exam', JSON.stringify(s)); }""")
    page.reload()
    page.wait_for_function("document.querySelector('#exam-title').textContent.startsWith('Result')", timeout=5000)


def test_practice_exam_untimed_and_abandon(page, server):
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] input[name=timed]").uncheck()
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title").wait_for()
    assert page.locator(".exam__timer").count() == 0
    page.locator("[data-act=abandon]").click()
    assert page.evaluate("localStorage.getItem('mls-c01:exam')") is None
    assert page.locator("[data-exam-start]").is_visible()
