"""The Content-Security-Policy <meta> (macros/csp.py): on every page, before any
script, hashing exactly the page's inline scripts; the site works under it in
every mode (HTTP with instant navigation, the search worker, the palette, quizzes,
the exam; from disk with search through the iframe-worker shim) without one
violation; and it refuses what a data file might smuggle in.

Other browser tests bypass the policy (Playwright's polling evaluates strings,
see conftest.py); these run under it.
"""
from __future__ import annotations

import base64
import hashlib
import re

import pytest

from macros import csp

PAGE = "streaming-data-collection.html"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
WATCH = """document.addEventListener('securitypolicyviolation', e =>
    (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_has_the_policy_before_any_script(site):
    pages = sorted(site.glob("*.html"))
    assert len(pages) > 10
    # One policy for all: instant navigation keeps the first page's policy.
    assert len({META.search(p.read_text(encoding="utf-8")).group(1) for p in pages}) == 1
    for path in pages:
        html = path.read_text(encoding="utf-8")
        meta = META.search(html)
        assert meta, f"{path.name}: no policy"
        assert meta.start() < html.index("<script"), f"{path.name}: a script comes first"
        script_src = next(d for d in meta.group(1).split("; ") if d.startswith("script-src"))
        assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
        assert "object-src 'none'" in meta.group(1) and "img-src 'self' file: data:" in meta.group(1)
        for inline in csp.INLINE_SCRIPT.findall(html):
            assert _hash(inline) in script_src, f"{path.name}: inline script not hashed"


def test_the_shim_s_frame_script_is_found_in_the_vendored_shim(site):
    """If a new shim changes shape, search from disk would break under the policy."""
    from mkdocs.config import load_config
    from conftest import ROOT
    source = csp.shim_source(load_config(config_file=str(ROOT / "mkdocs.yml")))
    assert source and csp.iframe_script(source, "x.js").startswith("postMessage=function c(")


@pytest.fixture
def strict_page(browser):
    """A page under the site's policy, recording every violation and console error."""
    ctx = browser.new_context(bypass_csp=False, viewport={"width": 1280, "height": 900})
    ctx.add_init_script(WATCH)
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text
            and page.problems.append(f"console: {m.text[:200]}"))
    yield page
    ctx.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__csp || []") + page.problems


def answer_first_quiz(page) -> None:
    quiz = page.locator(".quiz").first
    for key in quiz.get_attribute("data-correct").split(","):
        quiz.locator(f'input[value="{key}"]').check()
    quiz.locator('button[type="submit"]').click()
    assert "is-checked" in quiz.get_attribute("class")


def search(page, words: str) -> None:
    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)


def toggle_palette(page) -> None:
    before = page.evaluate("document.body.getAttribute('data-md-color-media')")
    page.locator('[data-md-component="palette"] label.md-header__button:not([hidden])').click()
    assert page.evaluate("document.body.getAttribute('data-md-color-media')") != before


@pytest.mark.browser
def test_the_site_works_under_its_policy_over_http(strict_page, server):
    page = strict_page
    page.goto(server + PAGE)
    answer_first_quiz(page)
    toggle_palette(page)
    search(page, "shard")
    page.keyboard.press("Escape")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary a", has_text="Algorithms").first.click()
    page.locator("h1", has_text="Algorithms").wait_for()
    assert page.evaluate("window.__sameDocument") is True, "instant navigation reloaded"
    answer_first_quiz(page)
    page.goto(server + "practice-exam.html")
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title", has_text="Question 1 of").wait_for()
    page.goto(server + "evaluation-optimization.html")
    page.locator("#calc-metrics-tp").fill("10")
    assert page.locator('[data-out="precision"]').inner_text() != ""
    assert not violations(page), violations(page)


@pytest.mark.browser
def test_the_site_works_under_its_policy_from_disk(strict_page, site):
    page = strict_page
    page.goto((site / "index.html").as_uri())
    search(page, "shard")   # through the iframe-worker shim: its frame script is hashed
    assert "Shard" in page.locator(".md-search-result").inner_text()
    page.keyboard.press("Escape")
    page.locator(".md-nav--primary a", has_text="Streaming Data Collection").first.click()
    page.wait_for_url(re.compile(r"streaming-data-collection\.html$"))
    answer_first_quiz(page)
    toggle_palette(page)
    page.goto((site / "practice-exam.html").as_uri())   # the bank is a script loaded later
    page.locator("[data-exam-start] button").click()
    page.locator("#exam-title", has_text="Question 1 of").wait_for()
    assert not violations(page), violations(page)


@pytest.mark.browser
def test_the_policy_refuses_what_data_might_smuggle_in(strict_page, server):
    page = strict_page
    refused: list[str] = []
    page.on("requestfailed", lambda r: refused.append(f"{r.url} {r.failure}"))
    page.goto(server + PAGE)
    page.evaluate("""() => {
        document.body.insertAdjacentHTML('beforeend',
            '<img src="x" onerror="window.pwned = 1">' +
            '<img src="https://other.example/t.png">' +
            '<a id="js-link" href="javascript:window.pwned = 3">x</a>');
        const s = document.createElement('script');
        s.textContent = 'window.pwned = 2';
        document.body.appendChild(s);
    }""")
    page.locator("#js-link").click()
    page.wait_for_timeout(500)
    assert page.evaluate("window.pwned") is None
    assert [u for u in refused if "other.example" in u and u.endswith(" csp")], refused
    seen = " ".join(page.evaluate("window.__csp || []"))
    assert "script-src" in seen and "img-src" in seen
