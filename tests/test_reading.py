"""Reading comfort (issue 14): wide tables keep their reader, charts suit both
palettes, corrections stay compact, the comparison page shows the tables, search
separates cells and ranks headings, and the small layout fixes."""
from __future__ import annotations

import pytest

from conftest import ROOT

PAGES = ["index.html", "streaming-data-collection.html", "data-preparation.html",
         "data-analysis-visualization.html", "modeling.html", "algorithms.html",
         "evaluation-optimization.html", "implementations-operations.html",
         "comparison-tables.html", "corrections.html", "practice-exam.html"]
WIDTHS = [390, 1366]


# -- Tables: every table in its own labelled, focusable scrolling region ------------------

def test_markdown_tables_are_wrapped_in_named_regions():
    import markdown
    from macros.reading import TableRegions
    source = ("## Alpha { #a }\n\n| x |\n| - |\n| 1 |\n\n| y |\n| - |\n| 2 |\n\n"
              "### Beta & co { #b }\n\n- item\n\n    | z |\n    | - |\n    | 3 |\n")
    out = markdown.markdown(source, extensions=["tables", "attr_list", "toc", TableRegions()])
    assert out.count('class="table-scroll"') == 3
    assert out.count('role="region" tabindex="0"') == 3
    assert 'aria-label="Table: Alpha"' in out and 'aria-label="Table: Alpha (2)"' in out
    assert 'aria-label="Table: Beta &amp; co"' in out   # a table inside a list item too
    assert out.index('aria-label="Table: Alpha"') < out.index("<table>")


def test_the_extension_is_added_once():
    from macros.reading import TableRegions, add_to
    config = {"markdown_extensions": ["toc"]}
    add_to(config)
    add_to(config)
    assert sum(isinstance(e, TableRegions) for e in config["markdown_extensions"]) == 1


# Measured in the page: each table's region, whether it fits, and what happens when a
# region that hides columns is scrolled (the first column must stay where it was).
MEASURE = """async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const article = document.querySelector("article").getBoundingClientRect();
  const out = [];
  for (const table of document.querySelectorAll("article table")) {
    const box = table.closest(".table-scroll");
    const r = {label: box && box.getAttribute("aria-label"), tabindex: box && box.getAttribute("tabindex"),
               role: box && box.getAttribute("role"), wrapped: !!box};
    if (!box) { out.push(r); continue; }
    box.scrollLeft = 0;
    await frame();
    const b = box.getBoundingClientRect();
    r.insideColumn = b.left >= article.left - 1 && b.right <= article.right + 1;
    r.hides = box.scrollWidth > box.clientWidth + 1;
    const hint = () => getComputedStyle(box, "::after");
    r.more = hint().visibility === "visible" && hint().display !== "none";
    r.hint = hint().content;
    r.shade = getComputedStyle(box).backgroundImage.includes("gradient");
    if (r.hides) {
      const first = table.querySelector("tbody tr > :first-child");
      const head = table.querySelector("thead tr > :first-child");
      const before = [first.getBoundingClientRect().left, head && head.getBoundingClientRect().left];
      const secondBefore = first.nextElementSibling.getBoundingClientRect().left;
      box.scrollLeft = Math.min(120, box.scrollWidth - box.clientWidth);
      await frame();
      const after = [first.getBoundingClientRect().left, head && head.getBoundingClientRect().left];
      // sticky at the region's edge: at most the table's 1 px border away from where it was
      r.sticky = Math.abs(before[0] - after[0]) < 2 && (!head || Math.abs(before[1] - after[1]) < 2);
      // the first column covers what scrolls under it (an opaque background)
      r.opaque = getComputedStyle(first).backgroundColor !== "rgba(0, 0, 0, 0)";
      r.scrolled = box.scrollLeft > 0 &&
        first.nextElementSibling.getBoundingClientRect().left <= secondBefore - box.scrollLeft + 1;
      box.scrollLeft = box.scrollWidth;
      await frame(); await frame();
      r.moreAtEnd = hint().visibility === "visible";
      box.scrollLeft = 0;
    }
    out.push(r);
  }
  return {tables: out, pageScrollsSideways: document.documentElement.scrollWidth > innerWidth};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_every_table_fits_or_scrolls_in_its_own_box_with_sticky_row_labels(browser, server, site,
                                                                          width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    problems, wide, labels_seen = [], 0, 0
    pages = sorted(p.name for p in site.glob("*.html") if p.name != "404.html")
    assert set(PAGES) <= set(pages)
    for name in pages:
        page.goto(server + name)
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)
        found = page.evaluate(MEASURE)
        if found["pageScrollsSideways"]:
            problems.append(f"{name}: the page itself scrolls sideways")
        labels = [t["label"] for t in found["tables"]]
        if len(set(labels)) != len(labels):
            problems.append(f"{name}: two table regions share a name: {labels}")
        for t in found["tables"]:
            where = f"{name} @{width}px, table {t['label']!r}"
            if not (t["wrapped"] and t["tabindex"] == "0" and t["role"] == "region" and t["label"]):
                problems.append(f"{where}: not in a labelled, focusable .table-scroll region: {t}")
                continue
            labels_seen += 1
            if not t["insideColumn"]:
                problems.append(f"{where}: the region sticks out of the content column")
            if t["hides"]:
                wide += 1
                if not (t["more"] and t["shade"] and "scroll sideways" in t["hint"]):
                    problems.append(f"{where}: hides columns but shows no hint ({t})")
                if not (t["sticky"] and t["opaque"] and t["scrolled"]):
                    problems.append(f"{where}: the first column does not stay in view ({t})")
                if t["moreAtEnd"]:
                    problems.append(f"{where}: still says 'more columns' at the end")
            elif t["more"]:
                problems.append(f"{where}: fits, yet says more columns follow")
    ctx.close()
    assert not problems, "\n".join(problems)
    assert labels_seen >= 11, "the pages' tables were not found"
    if width == 390:
        assert wide >= 5, "at 390 px several tables must scroll: the check did not run"


# -- Corrections: compact, after the notes they correct ---------------------------------------

def _soup(site, name):
    from bs4 import BeautifulSoup
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


SECTION_PAGES = PAGES[1:8]


def test_each_correction_shows_the_fix_and_folds_the_sheet_and_source(site):
    boxes = 0
    for name in SECTION_PAGES:
        for box in _soup(site, name).select("article .correction"):
            boxes += 1
            where = f"{name}#{box.get('id')}"
            assert box["id"].startswith("fix-"), where
            kind = box.find(class_="correction__kind")
            assert kind and kind.get_text().startswith("Correction: "), where
            more = box.find("details", class_="correction__more")
            assert more is not None and not more.has_attr("open"), where
            assert more.summary.get_text().startswith("What the sheet says"), where
            folded = more.get_text(" ")
            assert "The sheet says:" in folded and more.find("q"), where
            # what is right is outside the fold, and neither the sheet nor the source is
            shown = "".join(str(el) for el in box.children if el is not more)
            assert "The sheet says" not in shown and "Source:" not in shown, where
            assert len(kind.find_next_sibling().get_text(strip=True)) > 20, where
            if "Source:" in folded and "none found" not in folded:
                assert more.find("a", href=lambda h: h and h.startswith("https://")), where
    assert boxes >= 40


def test_corrections_follow_the_notes_of_their_section(site):
    """The notes read first: between a section's heading and its first correction
    there is always some of the page's own text."""
    for name in SECTION_PAGES:
        for box in _soup(site, name).select("article .correction"):
            notes = 0
            for el in box.find_previous_siblings():
                if el.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    break
                if "correction" not in (el.get("class") or []) and el.get_text(strip=True):
                    notes += 1
            assert notes, f"{name}#{box['id']} comes before any note of its section"


# -- The comparison page shows every table, with its own ids -------------------------------

def test_comparison_page_shows_every_table_with_its_own_ids(site):
    from collections import Counter
    from macros import tables as tbl
    page = _soup(site, "comparison-tables.html")
    ids = Counter(el["id"] for el in page.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == [], "ids repeat on the comparison page"
    for table_id in tbl.TABLE_IDS:
        heading = page.find(id=f"compare-{table_id}")
        assert heading is not None and heading.name == "h2", table_id
        figure = page.find(id=f"compare-table-{table_id}")
        assert figure is not None and figure.find("tbody").find("tr"), table_id
        assert figure.find_previous("h2") is heading, f"{table_id}: copy not under its heading"
        assert not figure.find(id=f"table-{table_id}"), table_id
        assert all(el["id"].startswith("compare-") for el in figure.find_all(id=True)), table_id
        # the heading shows the caption; the figure's own caption is for screen readers
        assert figure.figcaption.get_text() == heading.get_text().rstrip("¶").strip()
        assert "sr-only" in figure.figcaption.get("class", [])
        link = heading.find_next("a", href=lambda h: h and h.endswith(f"#table-{table_id}"))
        assert link is not None and link.find_previous("h2") is heading, table_id
    copy = page.find(id="compare-table-builtin-algorithms")
    assert copy.find("form", attrs={"data-table-filter": True}).find(
        "select", id="compare-table-builtin-algorithms-filter-learning")


def test_the_copies_stay_out_of_search_the_originals_are_in(site):
    import json
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {d["location"]: d["text"] for d in docs}
    compare = " ".join(t for loc, t in text.items() if loc.startswith("comparison-tables.html"))
    assert "Factorization Machines" not in compare
    assert any("Factorization Machines" in t for loc, t in text.items()
               if loc.startswith("algorithms.html"))


@pytest.mark.browser
def test_the_copy_s_filter_works_on_its_own_rows(page, server):
    page.goto(server + "comparison-tables.html")
    figure = page.locator("#compare-table-builtin-algorithms")
    figure.locator("form[data-table-filter]").wait_for(state="visible")
    rows = figure.locator("tbody tr")
    total = rows.count()
    multi = figure.locator('tbody tr[data-train~="multi-gpu"]').count()
    assert 0 < multi < total
    page.select_option("#compare-table-builtin-algorithms-filter-train", "multi-gpu")
    assert figure.locator("[data-table-filter-status]").inner_text() == \
        f"Showing {multi} of {total} algorithms."
    assert figure.locator("tbody tr:visible").count() == multi
    # the other tables on the page are untouched
    assert page.locator("#compare-table-data-input-modes tbody tr[hidden]").count() == 0


# -- Search: cells apart, source links out, headings ranked as readers expect -----------------

def _index(site) -> list[dict]:
    import json
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_text_keeps_table_cells_and_list_items_apart(site):
    import re
    text = {d["location"]: d["text"] for d in _index(site)}
    modes = text["data-preparation.html#dataset-formats"]
    assert re.search(r"Pipe mode\s+Input mode\s+Streams the data", modes), modes[:300]
    glance = text["algorithms.html#algorithms-at-a-glance"]
    assert re.search(r"Linear Learner\s+Supervised\s+Regression", glance), glance[:300]
    everything = " ".join(text.values())
    assert "Pipe modeInput mode" not in everything
    # list items inside a cell: one after another, with space between
    assert re.search(r"applications</li>\s*<li>AWS Lambda", everything) or \
        re.search(r"applications\s+AWS Lambda", everything)


def test_source_links_and_fold_labels_stay_out_of_search(site):
    from macros import tables as tbl
    docs = _index(site)
    everything = " ".join(d["text"] for d in docs)
    assert "Source: docs.aws" not in everything and "Source: https" not in everything
    assert "What the sheet says, and the source" not in everything
    titles = {s.title for t in tbl.load_tables(ROOT / "macros/data", root=ROOT).values()
              for s in (src for row in t.rows for src in row.sources)}
    leaked = [t for t in titles if len(t.split()) >= 4 and t in everything]  # not a plain phrase
    assert not leaked, f"table source links in the search index: {leaked[:5]}"
    # ... while the notes and what is right are still found
    assert "The sheet says" in everything and "Pipe mode" in everything


def test_section_boost_falls_with_depth_and_copies_rank_last():
    from macros.reading import COPY_BOOST, boost_for, section_boost
    assert section_boost(1) == section_boost(2) == 1.0
    assert 1.0 > section_boost(3) > section_boost(4) > section_boost(5) > COPY_BOOST
    levels = {"a.html#x": 3}
    assert boost_for("a.html#x", levels) == section_boost(3)
    assert boost_for("a.html#unknown", levels) == 1.0 == boost_for("a.html", levels)
    assert boost_for("comparison-tables.html#compare-kds-vs-msk", levels) == COPY_BOOST


def test_built_index_carries_the_boosts_and_the_offline_copy_too(site):
    import json
    boosts = {d["location"]: d.get("boost", 1.0) for d in _index(site)}
    inlined = (site / "search/search_index.js").read_text(encoding="utf-8")
    assert json.loads(inlined.removeprefix("var __index = "))["docs"] == _index(site)
    assert boosts["algorithms.html#xgboost"] > boosts["algorithms.html#xgboost-pros-cons"]
    assert boosts["comparison-tables.html#compare-kds-shard-limits"] < boosts[
        "streaming-data-collection.html#shards"]


@pytest.mark.browser
@pytest.mark.parametrize("query, first", [("XGBoost", "#xgboost"), ("shard", "#shards"),
                                          ("PCA", "#pca"), ("k-NN", "#knn")])
def test_search_box_lands_on_the_section_a_reader_expects(page, server, query, first):
    """Through Material's own search (its lunr index in the browser): the first result
    that is a section, not a page, is the section named by the query."""
    page.goto(server + "index.html")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)  # results settle after the last keystroke
    hrefs = page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    sections = [h for h in hrefs if "#" in h]
    assert sections and sections[0].endswith(first), sections[:5]


# -- Charts: the drawing for the reader's palette -------------------------------------------

def test_each_figure_carries_a_drawing_per_palette(site):
    figures = 0
    for name in SECTION_PAGES:
        for fig in _soup(site, name).select("article figure.chart"):
            figures += 1
            srcs = [img["src"] for img in fig.find_all("img")]
            assert len(srcs) == 2, srcs
            light, dark = srcs
            assert light.endswith(".svg#only-light") and dark.endswith(".svg#only-dark"), srcs
            assert dark.replace("/dark/", "/").replace("#only-dark", "") == \
                light.replace("#only-light", ""), srcs
            assert (site / dark.split("#")[0]).is_file()
            sizes = {(img["width"], img["height"]) for img in fig.find_all("img")}
            assert len(sizes) == 1, "both drawings reserve the same space"
    assert figures >= 13


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_chart_shown_matches_the_palette(browser, server, scheme):
    ctx = browser.new_context(viewport={"width": 390, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + "data-analysis-visualization.html")
    figure = page.locator("#fig-chart-line")
    figure.scroll_into_view_if_needed()
    shown = figure.locator("img:visible")
    assert shown.count() == 1
    shown.evaluate("img => img.decode()")
    src = shown.get_attribute("src")
    assert ("/dark/" in src) == (scheme == "dark"), src
    assert shown.evaluate("img => img.naturalWidth") > 0
    # the page's own palette toggle flips it too (not only the system setting)
    before = page.evaluate("document.body.dataset.mdColorScheme")
    for _ in range(3):  # the toggle cycles system -> light -> dark
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_timeout(150)
        if page.evaluate("document.body.dataset.mdColorScheme") != before:
            break
    flipped = figure.locator("img:visible").get_attribute("src")
    assert ("/dark/" in flipped) != ("/dark/" in src), (src, flipped)
    ctx.close()


# -- The small ones ------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_back_to_top_sits_in_the_header_on_a_phone(browser, server, scheme):
    ctx = browser.new_context(viewport={"width": 390, "height": 800}, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + "streaming-data-collection.html")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(400)
    page.mouse.wheel(0, -300)  # Material shows the button while scrolling up
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    page.wait_for_timeout(300)
    box = top.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"], \
        (box, header)
    # on top of the header, and clear of the search and palette buttons on its right
    hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.md-top') !== null",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert hit
    for other in page.locator(".md-header label.md-header__button:visible, "
                              ".md-header form[data-md-component=palette] label:visible").all():
        b = other.bounding_box()
        assert box["x"] + box["width"] <= b["x"] or box["x"] >= b["x"] + b["width"], (box, b)
    assert top.get_attribute("aria-label") or "Back to top" in top.text_content()
    ctx.close()


@pytest.mark.browser
def test_row_dividers_filters_and_calculators_look_their_part(page, server):
    page.goto(server + "algorithms.html")
    row_header = page.locator("#table-builtin-algorithms tbody tr:nth-child(2) th")
    assert row_header.evaluate("th => getComputedStyle(th).borderTopStyle") == "solid"
    assert float(row_header.evaluate("th => getComputedStyle(th).borderTopWidth").rstrip("px")) > 0
    form = page.locator("#table-builtin-algorithms form[data-table-filter]")
    form.wait_for(state="visible")
    select = form.locator("select").first
    style = select.evaluate("s => { const c = getComputedStyle(s); return [c.appearance, "
                            "c.borderTopWidth, c.borderTopColor, c.fontWeight] }")
    assert style[0] == "none" and float(style[1].rstrip("px")) >= 1 and style[3] == "700", style
    assert "md-button" in form.locator("button[type=reset]").get_attribute("class")
    page.goto(server + "evaluation-optimization.html")
    look = ("el => { const c = getComputedStyle(el); return "
            "[c.backgroundColor, c.borderLeftWidth, c.borderTopWidth] }")
    calc = page.locator("form.calc").first.evaluate(look)
    quiz = page.locator(".quiz").first.evaluate(look)
    assert calc[0] != quiz[0], "a calculator has its own background"
    assert calc[1] != quiz[1] and calc[2] != quiz[2], (calc, quiz)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_moves_while_pages_with_tables_and_charts_load(browser, server, width):
    """The table hint's line is reserved and both chart drawings carry their size:
    no layout shift (Lighthouse's CLS) on load."""
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    ctx.add_init_script("window.__cls = 0; new PerformanceObserver((list) => { for (const e of "
                        "list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })"
                        ".observe({type: 'layout-shift', buffered: true});")
    page = ctx.new_page()
    for name in ("algorithms.html", "comparison-tables.html", "data-analysis-visualization.html"):
        page.goto(server + name)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__cls") < 0.01, name
    ctx.close()
