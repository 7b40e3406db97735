"""No stored value, the site's or Material's, may break a page (real Chromium).

The keys come from use, not from a list: a reader answers a question, switches the
palette and starts the practice exam, and every key that then sits in localStorage
or sessionStorage is corrupted, with Material's other keys (Material 9.8.1's bundle
and inline scripts read __palette, __tabs, __consent, __announce, __source and
__outdated). The page must load without an uncaught error, keep its palette toggle
working and its quizzes answering.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "streaming-data-collection.html"
MATERIAL_KEYS = ("__palette", "__tabs", "__consent", "__announce", "__source", "__outdated")
JUNK = [
    "{not json", "null", "42", '"text"', "[]", "{}", "true",
    '{"index":"x","color":{"bad key":1}}', '{"index":99,"color":{"scheme":"slate"}}',
    '{"index":1,"color":{"scheme":{}}}', '{"index":-1}', "<img src=x onerror=alert(1)>",
]
PALETTE_TOGGLE = '[data-md-component="palette"] label.md-header__button:not([hidden])'


def test_the_keys_are_every_key_material_reads():
    """Material's bundle and inline scripts, as installed: a new key joins the list."""
    import re
    from pathlib import Path

    import material
    templates = Path(material.__file__).parent / "templates"
    sources = [*templates.glob("assets/javascripts/bundle.*.min.js"),
               *templates.glob("partials/javascripts/*.html")]
    assert sources
    read = {k for path in sources
            for k in re.findall(r'__md_get\("(__\w+)"', path.read_text(encoding="utf-8"))}
    assert read and read <= set(MATERIAL_KEYS), read - set(MATERIAL_KEYS)


def use_the_site(page, server) -> None:
    """Answer a question, switch the palette, start the exam: the site saves its keys."""
    page.goto(server + PAGE)
    quiz = page.locator(".quiz").first
    for key in quiz.get_attribute("data-correct").split(","):
        quiz.locator(f'input[value="{key}"]').check()
    quiz.locator('button[type="submit"]').click()
    page.locator(PALETTE_TOGGLE).click()
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title").wait_for()


def stored_keys(page) -> dict[str, list[str]]:
    return page.evaluate("""() => {
        const keys = s => Array.from({length: s.length}, (_, i) => s.key(i));
        return {local: keys(localStorage), session: keys(sessionStorage)};
    }""")


def corrupt(page, keys: dict[str, list[str]], junk: str) -> None:
    page.evaluate("""([keys, material, junk]) => {
        const scope = __md_scope.pathname;  // Material's prefix for its keys
        for (const k of keys.local) localStorage.setItem(k, junk);
        for (const k of keys.session) sessionStorage.setItem(k, junk);
        for (const k of material) {
            localStorage.setItem(scope + '.' + k, junk);
            sessionStorage.setItem(scope + '.' + k, junk);
        }
    }""", [keys, list(MATERIAL_KEYS), junk])


@pytest.fixture(scope="module")
def site_keys(browser, server):
    ctx = browser.new_context()
    page = ctx.new_page()
    use_the_site(page, server)
    keys = stored_keys(page)
    ctx.close()
    # The site's own keys (a question, the exam) and Material's palette are among them.
    assert any(k.startswith("mls-c01:q:") for k in keys["local"]), keys
    assert "mls-c01:exam" in keys["local"], keys
    assert any(k.endswith(".__palette") for k in keys["local"]), keys
    return keys


@pytest.mark.parametrize("junk", JUNK)
def test_corrupt_storage_in_every_key_breaks_nothing(page, server, site_keys, junk):
    page.goto(server + PAGE)
    corrupt(page, site_keys, junk)
    for name in (PAGE, "practice-exam.html", "index.html"):
        page.goto(server + name)
        page.wait_for_load_state("load")
        toggle = page.locator(PALETTE_TOGGLE)
        assert toggle.count() == 1 and toggle.is_visible(), f"{name}: palette toggle gone"
    page.goto(server + PAGE)
    before = page.evaluate("document.body.getAttribute('data-md-color-media')")
    page.locator(PALETTE_TOGGLE).click()
    assert page.evaluate("document.body.getAttribute('data-md-color-media')") != before
    quiz = page.locator(".quiz").first
    for key in quiz.get_attribute("data-correct").split(","):
        quiz.locator(f'input[value="{key}"]').check()
    quiz.locator('button[type="submit"]').click()
    assert "is-checked" in quiz.get_attribute("class")
    # the page fixture asserts that no uncaught error happened on the way
