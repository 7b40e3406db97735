"""The built site: pages, anchors, corrections, no external resources, and
nothing of the cheat sheet dropped."""
from __future__ import annotations

import functools

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project, failed_build
from macros.loader import DataError

SECTION_PAGES = [
    "streaming-data-collection", "data-preparation", "data-analysis-visualization",
    "modeling", "algorithms", "evaluation-optimization", "implementations-operations",
]
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
EXPLICIT_ID = re.compile(r"\{ #([a-z0-9]+(?:-[a-z0-9]+)*)(?: [^}]*)? \}\s*$")


@functools.lru_cache(maxsize=None)
def soup(site: Path, name: str) -> BeautifulSoup:
    """A built page, parsed once per test run (read it; never change it)."""
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def md_headings():
    """(file, line number, heading line) for every Markdown heading outside code."""
    for path in sorted((ROOT / "docs").glob("*.md")):
        fence = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith(("```", "~~~")):
                fence = not fence
            elif not fence and HEADING.match(line):
                yield path.name, n, line


def test_nav_lists_every_section_in_sheet_order():
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    files = [list(entry.values())[0] for entry in nav if isinstance(list(entry.values())[0], str)]
    assert files[0] == "index.md"
    assert files[1:8] == [f"{p}.md" for p in SECTION_PAGES]


@pytest.mark.parametrize("name", ["index"] + SECTION_PAGES + ["corrections", "comparison-tables", "practice-exam", "progress", "review"])
def test_page_is_built_with_title_and_description(site, name):
    page = soup(site, f"{name}.html")
    assert page.find("h1"), f"{name}.html has no <h1>"
    desc = page.find("meta", attrs={"name": "description"})
    assert desc and 50 <= len(desc["content"]) <= 170, f"{name}.html: meta description missing or off-size"


def test_every_heading_has_an_explicit_unique_id():
    seen: dict[str, str] = {}
    for name, n, line in md_headings():
        match = EXPLICIT_ID.search(line)
        assert match, f"docs/{name}:{n}: heading without an explicit '{{ #id }}': {line}"
        hid = match.group(1)
        assert hid not in seen, f"docs/{name}:{n}: id '{hid}' is also used in {seen[hid]}"
        seen[hid] = f"docs/{name}:{n}"


def test_every_published_anchor_still_exists(site):
    missing = []
    ids_by_page: dict[str, set[str]] = {}
    for line in (ROOT / "tests/published-anchors.txt").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        page, _, anchor = line.partition("#")
        if page not in ids_by_page:
            ids_by_page[page] = {t["id"] for t in soup(site, page).find_all(id=True)}
        if anchor not in ids_by_page[page]:
            missing.append(line)
    assert not missing, f"published anchors gone from the site: {missing}"
    assert sum(len(v) for v in ids_by_page.values()) > 100


def test_headings_in_built_pages_carry_their_source_ids(site):
    page = soup(site, "streaming-data-collection.html")
    shards = page.find(id="shards")
    assert shards is not None and shards.name in {"h2", "h3", "h4"}
    assert "Shards" in shards.get_text()
    assert shards.find("a", class_="headerlink")["href"] == "#shards"


RESOURCE_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src",
                  "video": "src", "audio": "src", "embed": "src", "object": "data",
                  "link": "href"}


def test_no_page_loads_anything_from_another_origin(site):
    offenders = []
    for path in sorted(site.rglob("*.html")):
        page = soup(site, str(path.relative_to(site)))
        for tag, attr in RESOURCE_ATTRS.items():
            for el in page.find_all(tag):
                url = el.get(attr, "")
                if tag == "link" and "canonical" in (el.get("rel") or []):
                    continue  # a link to this page's public address, never fetched
                if re.match(r"^(https?:)?//", url):
                    offenders.append(f"{path.name}: <{tag} {attr}={url}>")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(errors="ignore")):
            offenders.append(f"{css.name}: url({url})")
    assert not offenders, "\n".join(offenders)


def test_search_index_is_inlined_for_file_urls(site):
    js = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert js.startswith("var __index =") and "Shards" in js


def test_offline_shim_is_vendored_not_fetched(site):
    index = (site / "index.html").read_text()
    assert 'src="assets/vendor/iframe-worker-shim.js"' in index
    assert "unpkg" not in index


def _words(text: str) -> set[str]:
    """Word stems (first five letters), so 'creators' meets 'creation'."""
    return {w[:5] for w in re.findall(r"[a-z0-9]{4,}", text.lower())}


def test_nothing_of_the_cheat_sheet_is_dropped(site):
    """Each bullet of the sheet shows up on its section's page: most of its words
    (tidied wording and fixed typos allowed) are in that page's text."""
    sheet = (ROOT / "tests/data/cheat-sheet.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", sheet, flags=re.M)[1:]
    assert len(sections) == len(SECTION_PAGES)
    misses = []
    for name, body in zip(SECTION_PAGES, sections):
        page_words = _words(soup(site, f"{name}.html").find("article").get_text(" "))
        for bullet in re.findall(r"^\s*\*\s+(.+)$", body, flags=re.M):
            words = _words(bullet)
            if len(words) < 2:
                continue
            found = len(words & page_words) / len(words)
            if found < 0.5:
                misses.append(f"{name}: {found:.0%} of '{bullet.strip()}'")
    assert not misses, "bullets that seem to be missing:\n" + "\n".join(misses)


def test_corrections_page_lists_every_correction_with_working_links(site):
    corrections = []
    for path in sorted((ROOT / "macros/data/corrections").glob("*.yml")):
        corrections += [(path.stem, c) for c in yaml.safe_load(path.read_text())]
    assert len(corrections) >= 40
    page = soup(site, "corrections.html")
    hrefs = {a["href"] for a in page.select("article a[href]")}
    for stem, c in corrections:
        assert f"{stem}.html#fix-{c['id']}" in hrefs
        assert f"{stem}.html#{c['anchor']}" in hrefs
        box = soup(site, f"{stem}.html").find(id=f"fix-{c['id']}")
        assert box is not None and "correction" in box["class"], c["id"]


def test_the_sheet_s_swapped_formulas_are_corrected_on_the_page(site):
    text = soup(site, "evaluation-optimization.html").find("article").get_text(" ")
    assert re.search(r"Precision\s*=\s*TP\s*/\s*\(TP\s*\+\s*FP\)", text)
    assert re.search(r"Recall[^=]{0,40}=\s*TP\s*/\s*\(TP\s*\+\s*FN\)", text)


def test_home_page_maps_sections_to_the_four_domains(site):
    from macros.quiz import DOMAINS
    article = soup(site, "index.html").find("article")
    rows = {}
    for tr in article.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])]
        if len(cells) >= 2 and cells[1].endswith("%"):
            rows[cells[0]] = cells[1]
    # Each domain on its own row with its own weight, as the exam guide (and the exam) has it.
    expected = {name: f"{weight}%" for name, weight in DOMAINS.values()}
    assert {k: rows.get(k) for k in expected} == expected
    text = article.get_text(" ")
    assert "retired" in text and "Associate" in text


def test_strict_build_fails_on_a_broken_anchor(tmp_path):
    """Guards the config: a link to a missing anchor must fail, not warn quietly."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "modeling.md"
    page.write_text(page.read_text() + "\n\nSee [shards](streaming-data-collection.md#no-such-id).\n")
    from mkdocs.exceptions import Abort
    with pytest.raises(Abort, match="strict"):
        build_site(tmp_path / "out", project)


# -- Finished HTML that skips Markdown (macros/hooks.py) ---------------------------

def _search_docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_finds_notes_tables_and_corrections_but_not_quiz_text(site):
    docs = _search_docs(site)
    text = " ".join(d["text"] for d in docs)
    # A table cell, a correction box and a calculator's formula are searchable ...
    assert "Buffer interval" in text or "buffer interval" in text
    assert "The sheet says" in text
    # ... the questions, their options and explanations are not.
    bank = yaml.safe_load((ROOT / "quizzes/streaming-data-collection.yml").read_text())
    stem = bank["questions"][0]["question"].split("?")[0][:60]
    assert stem and stem not in text
    assert "Check answer" not in text and "Correct answer" not in text
    # ... yet they are on the page.
    assert stem in soup(site, "streaming-data-collection.html").get_text(" ")


def test_links_to_deferred_ids_are_validated(tmp_path):
    """Quiz and table ids reach MkDocs' anchor check though their HTML skips Markdown."""
    project = copy_project(tmp_path / "project")
    qid = yaml.safe_load((ROOT / "quizzes/modeling.yml").read_text())["questions"][0]["id"]
    page = project / "docs" / "index.md"
    page.write_text(page.read_text() + f"\n\n[q](modeling.md#q-{qid}) "
                    "[t](algorithms.md#table-builtin-algorithms)\n")
    build_site(tmp_path / "ok", project)
    page.write_text(page.read_text() + "\n\n[gone](modeling.md#q-no-such-question)\n")
    from mkdocs.exceptions import Abort
    with pytest.raises(Abort, match="strict"):
        build_site(tmp_path / "bad", project)


def test_a_macro_output_that_cannot_reach_the_page_fails_the_build(tmp_path):
    """A quiz call inside a code block would show a placeholder: the build says so."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "modeling.md"
    text = page.read_text()
    call = re.search(r'^\{\{ quizzes\("[a-z0-9-]+"\) \}\}$', text, flags=re.M).group(0)
    page.write_text(text.replace(call, "```text\n" + call + "\n```", 1))
    message = failed_build(project, tmp_path)
    assert re.search(r"docs/modeling\.md:\d+: \{\{ quizzes\(\.\.\.\) \}\} is inside a code block",
                     message), message


def test_a_placeholder_that_does_not_reach_the_page_fails_the_build():
    """The last line of defence behind the page checks (macros/pagecheck.py)."""
    from macros.site_data import SiteData
    data = SiteData.__new__(SiteData)
    data.deferred, data.deferring = {}, True
    token = data.defer("<p>x</p>", "modeling.md", searchable=True).strip()
    with pytest.raises(DataError, match=r"docs/modeling\.md: a macro's output did not reach"):
        data.fill("<pre>" + token.replace("<", "&lt;") + "</pre>", "modeling.md", "content")


def test_material_bundle_is_deferred_and_runs_before_site_js(site):
    """The override defers Material's bundle so long pages paint sooner; site.js must
    still come after it (deferred scripts run in document order)."""
    for page in sorted(site.glob("*.html")):
        scripts = [s.get("src", "") for s in soup(site, page.name).find_all("script")
                   if "assets/javascripts/" in s.get("src", "")]
        bundle = [i for i, src in enumerate(scripts) if "/bundle." in src]
        assert len(bundle) == 1, (page.name, scripts)
        tags = {s.get("src"): s for s in soup(site, page.name).find_all("script", src=True)}
        assert tags[scripts[bundle[0]]].has_attr("defer"), page.name
        site_js = [i for i, src in enumerate(scripts) if src.endswith("/site.js")]
        assert site_js and site_js[0] > bundle[0], page.name
