"""Reading comfort (issue 14): wide tables keep their reader, charts suit both
palettes, corrections stay compact, the comparison page shows the tables, search
separates cells and ranks headings, and the small layout fixes."""
from __future__ import annotations

import pytest

from macros.reading import wrap_markdown_tables

PAGES = ["index.html", "streaming-data-collection.html", "data-preparation.html",
         "data-analysis-visualization.html", "modeling.html", "algorithms.html",
         "evaluation-optimization.html", "implementations-operations.html",
         "comparison-tables.html", "corrections.html", "practice-exam.html"]
WIDTHS = [390, 1366]


# -- Tables: every table in its own labelled, focusable scrolling region ------------------

def test_markdown_tables_are_wrapped_in_named_regions():
    page = ('<h2 id="a">Alpha <a class="headerlink" href="#a">¶</a></h2>'
            "<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>"
            '<h3 id="b">Beta &amp; co</h3><table><tr><td>3</td></tr></table>'
            '<table class="x"><tr><td>kept</td></tr></table>')
    out = wrap_markdown_tables(page)
    assert out.count('class="table-wrap"') == 3
    assert out.count('tabindex="0" role="region"') == 3
    assert 'aria-label="Table: Alpha"' in out and 'aria-label="Table: Alpha (2)"' in out
    assert 'aria-label="Table: Beta &amp; co"' in out
    assert '<table class="x">' in out and out.index('<table class="x">') > out.rindex("table-wrap")


# Measured in the page: each table's region, whether it fits, and what happens when a
# region that hides columns is scrolled (the first column must stay where it was).
MEASURE = """async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const article = document.querySelector("article").getBoundingClientRect();
  const out = [];
  for (const table of document.querySelectorAll("article table")) {
    const box = table.closest(".table-scroll");
    const wrap = box && box.parentElement;
    const r = {label: box && box.getAttribute("aria-label"), tabindex: box && box.getAttribute("tabindex"),
               role: box && box.getAttribute("role"), wrapped: !!(wrap && wrap.classList.contains("table-wrap"))};
    if (!box) { out.push(r); continue; }
    box.scrollLeft = 0;
    await frame();
    const b = box.getBoundingClientRect();
    r.insideColumn = b.left >= article.left - 1 && b.right <= article.right + 1;
    r.hides = box.scrollWidth > box.clientWidth + 1;
    r.more = wrap.hasAttribute("data-more");
    const hint = getComputedStyle(wrap, "::after");
    r.hint = r.more ? hint.content : "";
    r.hintShown = r.more && hint.display !== "none" && hint.visibility !== "hidden";
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
      r.moreAtEnd = wrap.hasAttribute("data-more");
      box.scrollLeft = 0;
    }
    out.push(r);
  }
  return {tables: out, pageScrollsSideways: document.documentElement.scrollWidth > innerWidth};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_every_table_fits_or_scrolls_in_its_own_box_with_sticky_row_labels(browser, server, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    problems, wide, labels_seen = [], 0, 0
    for name in PAGES:
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
                problems.append(f"{where}: not in a labelled, focusable .table-wrap region: {t}")
                continue
            labels_seen += 1
            if not t["insideColumn"]:
                problems.append(f"{where}: the region sticks out of the content column")
            if t["hides"]:
                wide += 1
                if not (t["more"] and t["hintShown"] and "scroll" in t["hint"]):
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
