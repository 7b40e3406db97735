"""axe-core (WCAG 2.2 AA and best practices) over every page in light and dark
palettes, and over the states scripts create: answered quizzes, the exam."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = ["index.html", "streaming-data-collection.html", "data-preparation.html",
         "data-analysis-visualization.html", "modeling.html", "algorithms.html",
         "evaluation-optimization.html", "implementations-operations.html",
         "comparison-tables.html", "corrections.html", "practice-exam.html",
         "progress.html", "review.html"]
axe = Axe()


def violations(page) -> list[str]:
    # Let transitions settle (Material fades the header title on scroll): axe
    # measures colours as they are, and a half-faded title is not a real state.
    page.wait_for_timeout(600)
    # Only violations are reported: axe skips the details of passing checks (2.4x faster).
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                    "resultTypes": ["violations"]})
    found = result.response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:4]) for v in found]


SCHEMES = {"light": "default", "dark": "slate"}


def both_palettes(page) -> list[str]:
    """axe in the light palette, then in the dark one, on the same page and state:
    Material follows the system setting until the reader picks a palette, so switching
    the emulated setting switches the page (checked, so that neither run is vacuous)."""
    found = []
    for scheme, material in SCHEMES.items():
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{material}'")
        found += [f"{scheme}: {v}" for v in violations(page)]
    page.emulate_media(color_scheme="light")
    return found


@pytest.fixture
def scheme_page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = ctx.new_page()
    yield page
    ctx.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(scheme_page, server, name):
    scheme_page.goto(server + name)
    scheme_page.wait_for_load_state("networkidle")
    assert not both_palettes(scheme_page)


def test_answered_quizzes_have_no_axe_violations(scheme_page, server):
    page = scheme_page
    page.goto(server + "streaming-data-collection.html")
    quizzes = page.locator(".quiz")
    for i, quiz in enumerate(quizzes.all()[:4]):
        keys = quiz.get_attribute("data-correct").split(",")
        options = [i.get_attribute("value") for i in quiz.locator(".quiz__option input").all()]
        picks = keys if i % 2 == 0 else [next(k for k in options if k not in keys)]
        for k in picks:
            quiz.locator(f'input[value="{k}"]').check()
        quiz.locator('button[type="submit"]').click()
        quiz.locator("details").evaluate("d => d.open = true")
    assert not both_palettes(page)


def test_exam_question_and_review_have_no_axe_violations(scheme_page, server):
    page = scheme_page
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] button").click()
    page.locator(".quiz__option input").first.check()
    page.locator("[data-flag]").check()
    assert not both_palettes(page)
    page.locator("[data-act=submit]").click()
    assert not both_palettes(page)  # the confirmation
    page.locator("[data-act=confirm]").click()
    assert not both_palettes(page)  # result and review
    page.locator("[data-filter] input[value=unanswered]").check()
    assert not both_palettes(page)  # the review, filtered


def test_study_pages_with_data_have_no_axe_violations(scheme_page, server):
    """Progress with answers, a miss, an exam in the history and the reset question;
    review mid-question, checked, and its summary; a deep-link target."""
    page = scheme_page
    page.goto(server + "streaming-data-collection.html")
    quizzes = page.locator(".quiz")
    for i in range(3):
        quiz = quizzes.nth(i)
        keys = quiz.get_attribute("data-correct").split(",")
        options = [o.get_attribute("value") for o in quiz.locator(".quiz__option input").all()]
        picks = keys if i else [next(k for k in options if k not in keys)] + keys[1:]
        for k in picks:
            quiz.locator(f'input[value="{k}"]').check()
        quiz.locator('button[type="submit"]').click()
    target = quizzes.nth(1).get_attribute("id")
    page.goto(server + "index.html")
    page.goto(f"{server}streaming-data-collection.html#{target}")
    assert not both_palettes(page)  # explanations on screen, a marked target
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] input[name=timed]").uncheck()
    page.locator("[data-exam-start] button").click()
    page.locator("[data-act=submit]").click()
    page.locator("[data-act=confirm]").click()
    page.goto(server + "progress.html")
    page.wait_for_selector("[data-progress][data-ready]", state="attached")
    page.locator("[data-act=reset]").click()
    assert not both_palettes(page)
    page.goto(server + "review.html")
    page.wait_for_selector("[data-review][data-ready]", state="attached")
    page.locator("[data-review] button[type=submit]").click()
    page.keyboard.press("1")
    assert not both_palettes(page)  # a question, chosen
    page.locator("[data-review] .quiz__option input").nth(1).check()
    page.locator("[data-review] button[type=submit]").click()
    assert not both_palettes(page)  # checked, with the explanation
    page.locator("[data-act=end]").click()
    assert not both_palettes(page)  # the summary
