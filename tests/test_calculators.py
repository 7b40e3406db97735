"""The two calculators (macros/calculators.py, initCalculators in calc.js): the
arithmetic and wording, the rendered forms, limits read from the data file, the
built pages, and the forms in real Chromium with and without JavaScript."""
from __future__ import annotations

import gzip
import re
import shutil
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

if str(ROOT) not in sys.path:  # the macros package lives at the project root
    sys.path.insert(0, str(ROOT))

from macros import calculators as calc  # noqa: E402
from macros import tables as tbl  # noqa: E402
from macros.loader import DataError  # noqa: E402

DATA = ROOT / "macros" / "data"
SITE_JS = ROOT / "docs" / "assets" / "javascripts" / "site.js"  # the loader
CALC_JS = ROOT / "docs" / "assets" / "javascripts" / "calc.js"
METRICS_PAGE, METRICS_ANCHOR = "evaluation-optimization.html", "binary-classification"
SHARDS_PAGE, SHARDS_ANCHOR = "streaming-data-collection.html", "shards"
FORMULAS = ["Precision = TP / (TP + FP)", "Recall = TP / (TP + FN)",
            "F1 = 2 × Precision × Recall / (Precision + Recall)",
            "Accuracy = (TP + TN) / (TP + TN + FP + FN)", "Specificity = TN / (TN + FP)",
            "False positive rate (FPR) = FP / (FP + TN)"]
DEFAULT_METRICS = {"precision": "0.82", "recall": "0.90", "f1": "0.86", "accuracy": "0.93",
                   "specificity": "0.93", "fpr": "0.07"}


@pytest.fixture(scope="module")
def limits() -> dict:
    return tbl.load_tables(DATA, root=ROOT)["kds-shard-limits"].limits


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


# -- Arithmetic and wording -----------------------------------------------------------

def test_metrics_for_the_worked_example():
    assert calc.metrics(45, 10, 5, 140) == DEFAULT_METRICS


def test_zero_denominators_say_undefined_and_why():
    assert calc.metrics(0, 0, 5, 10)["precision"] == "undefined (no predicted positives)"
    assert calc.metrics(0, 0, 5, 10)["f1"] == "undefined (no precision or recall)"
    assert calc.metrics(5, 3, 0, 0)["specificity"] == "0.00"
    assert calc.metrics(0, 3, 5, 0)["f1"] == "undefined (no true positives)"  # P = R = 0
    nothing = calc.metrics(0, 0, 0, 0)
    assert all(v.startswith("undefined (no ") for v in nothing.values()), nothing
    assert nothing["accuracy"] == "undefined (no examples)"
    assert nothing["fpr"] == nothing["specificity"] == "undefined (no actual negatives)"


def test_rounding_matches_javascript_tofixed():
    # toFixed rounds the exact binary value, ties upward; Python's round() would give 0.12.
    assert calc.fixed2(0.125) == "0.13" and calc.fixed2(1 / 3) == "0.33"
    assert calc.metrics(1, 7, 0, 0)["precision"] == "0.13"
    assert [calc.num(x) for x in (1000, 12.5, 3.0, 2 / 3, 25)] == ["1,000", "12.5", "3", "0.67", "25"]
    assert calc.ceil_up(0.1 * 3 / 0.1) == 3 and calc.ceil_up(12.5) == 13 and calc.ceil_up(0) == 0


def test_shards_worked_example_is_a_tie_and_says_so(limits):
    plan = calc.shard_plan(3, 1000, 2, False, limits)
    assert plan["answer"] == "3 shards: the data write and shared read limits both bind."
    assert plan["0"] == "Data write: 3 MB/s ÷ 1 MB/s per shard = 3 shards."
    assert plan["1"] == "Record write: 1,000 records/s ÷ 1,000 records/s per shard = 1 shard."
    assert plan["2"] == "Shared read: 2 consumers × 3 MB/s = 6 MB/s ÷ 2 MB/s per shard = 3 shards."


def test_shared_read_binds_and_enhanced_fan_out_lifts_it(limits):
    shared = calc.shard_plan(5, 1000, 5, False, limits)
    assert shared["answer"] == "13 shards: the shared read limit binds."
    assert shared["2"].endswith("25 MB/s ÷ 2 MB/s per shard = 12.5, rounded up to 13 shards.")
    efo = calc.shard_plan(5, 1000, 5, True, limits)
    assert efo["answer"] == "5 shards: the data write limit binds."
    assert efo["2"] == ("Enhanced fan-out read: each consumer has its own 2 MB/s per shard, "
                        "so 5 MB/s ÷ 2 MB/s per shard = 2.5, rounded up to 3 shards.")
    assert "at most" not in efo["answer"]


def test_too_many_enhanced_fan_out_consumers_is_flagged(limits):
    plan = calc.shard_plan(5, 1000, 25, True, limits)
    assert plan["answer"] == ("5 shards: the data write limit binds. A stream can register at "
                              "most 20 enhanced fan-out consumers, not 25.")
    assert "at most" not in calc.shard_plan(5, 1000, 20, True, limits)["answer"]
    assert "at most" not in calc.shard_plan(5, 1000, 25, False, limits)["answer"]


def test_record_limit_three_way_tie_and_an_empty_stream(limits):
    assert calc.shard_plan(0.5, 5000, 1, False, limits)["answer"] == \
        "5 shards: the record write limit binds."
    assert calc.shard_plan(2.5, 2500, 2, False, limits)["answer"] == \
        "3 shards: the data write and record write and shared read limits all bind."
    assert calc.shard_plan(0, 0, 1, False, limits)["answer"] == "1 shard: the least a stream can have."


# -- The rendered forms -----------------------------------------------------------------

def check_form_basics(form, form_id: str) -> None:
    """Labelled inputs in a fieldset with a legend; no inline style or script."""
    assert form.name == "form" and form["id"] == form_id
    assert form.find(id=form["aria-labelledby"]).get_text(strip=True)
    fieldset = form.find("fieldset")
    assert fieldset and fieldset.find("legend").get_text(strip=True)
    for control in form.find_all("input"):
        label = form.find("label", attrs={"for": control["id"]})
        assert label and label.get_text(strip=True), f"#{control['id']} has no visible label"
    for node in form.find_all(True):
        assert "style" not in node.attrs and not any(a.startswith("on") for a in node.attrs)
    assert not form.find("script")
    ids = [n["id"] for n in form.find_all(id=True)]
    assert len(ids) == len(set(ids)) and all(i.startswith(form_id) for i in ids)
    msg = form.find(attrs={"data-calc-msg": True})
    assert msg["aria-live"] == "polite" and msg["id"] == f"{form_id}-msg"
    for control in form.find_all("input", type="number"):
        assert control.has_attr("required") and control["aria-describedby"] == msg["id"]
        assert control["data-bad"].startswith(form.find("label", attrs={"for": control["id"]})
                                              .get_text(strip=True) + ": enter ")


def test_metrics_form_shows_formulas_and_default_results():
    form = soup(calc.render_metrics_calculator()).find("form")
    check_form_basics(form, "calc-metrics")
    assert form["data-calc"] == "metrics"
    inputs = {i["name"]: i for i in form.find_all("input", type="number")}
    assert {k: i["value"] for k, i in inputs.items()} == {"tp": "45", "fp": "10", "fn": "5", "tn": "140"}
    assert all(i["min"] == "0" and i["step"] == "1" for i in inputs.values())
    text = words(form)
    for formula in FORMULAS:
        assert formula in text
    outputs = {o["name"]: o for o in form.find_all("output")}
    assert set(outputs) == set(DEFAULT_METRICS)
    for key, value in DEFAULT_METRICS.items():
        assert outputs[key].find(attrs={"data-out": key}).get_text() == value
        assert outputs[key].find(class_="sr-only").get_text(strip=True).endswith(":")
        assert set(outputs[key]["for"]) <= {i["id"] for i in inputs.values()}


def test_shard_form_carries_the_limits_and_the_default_answer(limits):
    form = soup(calc.render_shard_calculator(limits)).find("form")
    check_form_basics(form, "calc-shards")
    assert form["data-calc"] == "shards"
    assert {a: form[f"data-{a}"] for a in calc.SHARD_LIMITS} == {
        a: str(limits[k]) for a, k in calc.SHARD_LIMITS.items()}
    inputs = {i["name"]: i for i in form.find_all("input")}
    assert [inputs[n]["value"] for n in ("mb", "records", "consumers")] == ["3", "1000", "2"]
    assert inputs["mb"]["step"] == "0.01" and inputs["consumers"]["min"] == "1"
    assert inputs["efo"]["type"] == "checkbox" and not inputs["efo"].has_attr("checked")
    plan = calc.shard_plan(3, 1000, 2, False, limits)
    output = form.find("output")
    assert output.get_text() == plan["answer"]
    assert [li.get_text() for li in form.select("ol.calc__steps > li")] == [plan[k] for k in "012"]
    assert "1,000 records/s written per shard" in words(form)


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path


def test_shard_limits_come_from_the_data_file(data_copy):
    path = data_copy / "data" / "tables" / "kds-shard-limits.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in [("write_mb_per_s: 1 ", "write_mb_per_s: 2 "),
                     ("read_mb_per_s_shared: 2 ", "read_mb_per_s_shared: 6 "),
                     ("max_efo_consumers: 20 ", "max_efo_consumers: 7 ")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    changed = tbl.load_tables(data_copy / "data", root=data_copy)["kds-shard-limits"].limits
    form = soup(calc.render_shard_calculator(changed)).find("form")
    assert (form["data-write-mb"], form["data-read-shared-mb"], form["data-max-efo"]) == ("2", "6", "7")
    assert form.find("output").get_text() == "2 shards: the data write limit binds."
    assert "3 MB/s ÷ 2 MB/s per shard = 1.5, rounded up to 2 shards." in words(form)
    assert "up to 7 consumers" in words(form)


def test_a_missing_limit_names_the_file_and_key(limits):
    partial = {k: v for k, v in limits.items() if k != "read_mb_per_s_per_efo_consumer"}
    with pytest.raises(DataError) as caught:
        calc.render_shard_calculator(partial)
    assert str(caught.value) == ("macros/data/tables/kds-shard-limits.yml: field 'limits': the "
                                 "shard calculator needs read_mb_per_s_per_efo_consumer")


# -- The script ---------------------------------------------------------------------------

def minify(src: str) -> str:
    """Comments and spaces out, strings kept; no renaming, so real minifiers do better."""
    out, i = [], 0
    token = re.compile(r"/\*.*?\*/|//[^\n]*|\s+|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", re.S)
    while i < len(src):
        if src[i] == "`":  # a template literal, with ${...} that may nest more
            j, depth = i + 1, 0
            while depth or src[j] != "`":
                depth += (src[j:j + 2] == "${") - (depth and src[j] == "}")
                j += 1 + (src[j] == "\\")
            out.append(src[i:j + 1])
            i = j + 1
            continue
        m = token.match(src, i)
        if m and not m.group().startswith(("\"", "'")):
            if m.group().isspace() and re.match(r"[\w$]", (out or [" "])[-1][-1:] or " ") \
                    and re.match(r"[\w$]", src[m.end():m.end() + 1]):
                out.append(" ")
            i = m.end()
            continue
        out.append(m.group() if m else src[i])
        i = m.end() if m else i + 1
    return "".join(out)


def calculator_source() -> str:
    """initCalculators and its helpers, from calc.js."""
    source = CALC_JS.read_text(encoding="utf-8")
    start = source.index("const calcNum")
    head = source.rindex("\n", 0, source.index("function initCalculators")) + 1
    indent = source[head:source.index("function initCalculators")]
    end = source.index(f"\n{indent}}}\n", head) + len(indent) + 3
    return source[start:end]


def test_script_is_short_plain_and_binds_only_to_the_forms():
    source = calculator_source()
    assert len(source.splitlines()) < 80
    assert len(gzip.compress(minify(source).encode(), 9)) < 1.2 * 1024
    assert "function initCalculators(root = document)" in source
    assert "form.dataset.calcReady" in source
    assert not re.search(r"(document|window)\.addEventListener", source)
    assert "import " not in source and "require(" not in source
    assert "innerHTML" not in source, "results are text, set with textContent"


def test_the_loader_starts_the_calculators_where_there_is_one():
    loader = SITE_JS.read_text(encoding="utf-8")
    assert '["form[data-calc]", "calc", ["calc.js"]]' in loader
    assert "M.feat.calc = () => initCalculators();" in CALC_JS.read_text(encoding="utf-8")


# -- The built site ---------------------------------------------------------------------------

@pytest.mark.parametrize("page, anchor, form_id", [
    (METRICS_PAGE, METRICS_ANCHOR, "calc-metrics"), (SHARDS_PAGE, SHARDS_ANCHOR, "calc-shards")])
def test_each_calculator_is_placed_once_in_its_section(site, page, anchor, form_id):
    built = soup((site / page).read_text(encoding="utf-8"))
    forms = built.select(f"form#{form_id}")
    assert len(forms) == 1, f"{page}: expected one #{form_id}"
    heading = forms[0].find_previous(re.compile(r"^h[1-6]$"))
    assert heading.get("id") == anchor, f"#{form_id} sits under #{heading.get('id')}, not #{anchor}"
    assert not built.select("form[data-calc]")[1:], "one calculator per page"


def test_built_shard_form_uses_the_data_file(site, limits):
    form = soup((site / SHARDS_PAGE).read_text(encoding="utf-8")).find(id="calc-shards")
    assert form["data-write-records"] == str(limits["write_records_per_s"])
    assert form.find("output").get_text() == calc.shard_plan(3, 1000, 2, False, limits)["answer"]


# -- In the browser ------------------------------------------------------------------------------

def open_form(page, url: str, form_id: str):
    """The calculator on the page at url, once the script has wired it."""
    page.goto(url)
    form = page.locator(f"#{form_id}")
    if not form.count():
        pytest.fail(f"no #{form_id} on {url}: place its macro on the page")
    try:
        page.wait_for_selector(f"#{form_id}[data-calc-ready]", state="attached", timeout=3000)
    except Exception:  # noqa: BLE001 - say what is missing instead of a bare timeout
        pytest.fail(f"#{form_id} was never wired: does the loader (site.js) load calc.js for data-calc forms?")
    return form


def metric_values(form) -> dict[str, str]:
    return {k: form.locator(f'[data-out="{k}"]').inner_text() for k in DEFAULT_METRICS}


def fill_metrics(form, tp, fp, fn, tn) -> None:
    for name, value in zip(("tp", "fp", "fn", "tn"), (tp, fp, fn, tn)):
        form.locator(f'input[name="{name}"]').fill(str(value))


def fill_shards(form, mb, records, consumers, efo) -> None:
    form.locator('input[name="mb"]').fill(str(mb))
    form.locator('input[name="records"]').fill(str(records))
    form.locator('input[name="consumers"]').fill(str(consumers))
    form.locator('input[name="efo"]').set_checked(efo)


def shard_texts(form) -> dict[str, str]:
    return {k: form.locator(f'[data-out="{k}"]').inner_text() for k in ("answer", "0", "1", "2")}


@pytest.mark.browser
def test_metrics_known_answers_and_undefined(page, server):
    form = open_form(page, server + METRICS_PAGE, "calc-metrics")
    assert metric_values(form) == DEFAULT_METRICS
    fill_metrics(form, 90, 10, 5, 140)
    assert metric_values(form)["precision"] == "0.90"
    fill_metrics(form, 45, 10, 5, 140)
    assert metric_values(form) == DEFAULT_METRICS
    fill_metrics(form, 0, 0, 5, 140)
    values = metric_values(form)
    assert values["precision"] == "undefined (no predicted positives)"
    assert values["f1"] == "undefined (no precision or recall)"
    assert "NaN" not in form.inner_text() and "Infinity" not in form.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("counts", [(45, 10, 5, 140), (1, 7, 0, 0), (0, 3, 5, 0), (0, 0, 0, 0),
                                    (3, 1, 1, 1), (1234, 56, 789, 10000)])
def test_metrics_script_agrees_with_the_build(page, server, counts):
    form = open_form(page, server + METRICS_PAGE, "calc-metrics")
    fill_metrics(form, *counts)
    assert metric_values(form) == calc.metrics(*counts)


@pytest.mark.browser
def test_shards_known_answers(page, server):
    form = open_form(page, server + SHARDS_PAGE, "calc-shards")
    assert shard_texts(form)["answer"].startswith("3 shards:")
    fill_shards(form, 5, 1000, 5, False)
    texts = shard_texts(form)
    assert texts["answer"] == "13 shards: the shared read limit binds."
    assert "12.5, rounded up to 13 shards" in texts["2"]
    form.locator('input[name="efo"]').check()
    assert shard_texts(form)["answer"] == "5 shards: the data write limit binds."
    form.locator('input[name="consumers"]').fill("25")
    assert "at most 20 enhanced fan-out consumers, not 25" in shard_texts(form)["answer"]
    fill_shards(form, 3, 1000, 2, False)
    assert shard_texts(form)["answer"] == "3 shards: the data write and shared read limits both bind."


@pytest.mark.browser
@pytest.mark.parametrize("inputs", [(3, 1000, 2, False), (5, 1000, 5, False), (5, 1000, 5, True),
                                    (5, 1000, 25, True), (0.5, 5000, 1, False),
                                    (2.5, 2500, 2, False), (0, 0, 1, False), (0.3, 300, 3, True),
                                    (12.34, 56789, 7, False)])
def test_shard_script_agrees_with_the_build(page, server, limits, inputs):
    form = open_form(page, server + SHARDS_PAGE, "calc-shards")
    fill_shards(form, *inputs)
    assert shard_texts(form) == calc.shard_plan(*inputs, limits)


@pytest.mark.browser
def test_limits_are_read_from_the_page(page, server):
    form = open_form(page, server + SHARDS_PAGE, "calc-shards")
    page.evaluate("document.getElementById('calc-shards').dataset.writeMb = '3'")
    fill_shards(form, 6, 1000, 1, True)
    assert shard_texts(form)["0"] == "Data write: 6 MB/s ÷ 3 MB/s per shard = 2 shards."


@pytest.mark.browser
def test_bad_input_says_why_and_keeps_the_last_good_values(page, server):
    form = open_form(page, server + METRICS_PAGE, "calc-metrics")
    msg = form.locator("[data-calc-msg]")
    tp = form.locator('input[name="tp"]')
    assert not msg.is_visible()
    for bad in ["", "-3", "2.5"]:
        tp.fill(bad)
        assert msg.inner_text() == ("True positives (TP): enter a whole number, 0 or more. "
                                    "The results are still those for the last valid numbers.")
        assert tp.get_attribute("aria-invalid") == "true"
        assert metric_values(form) == DEFAULT_METRICS
    tp.fill("45")
    assert not msg.is_visible() and tp.get_attribute("aria-invalid") == "false"
    shards = open_form(page, server + SHARDS_PAGE, "calc-shards")
    shards.locator('input[name="consumers"]').fill("0")
    assert "Consumers, each reading all the data: enter a whole number, 1 or more." in \
        shards.locator("[data-calc-msg]").inner_text()
    assert shard_texts(shards)["answer"].startswith("3 shards:")


@pytest.mark.browser
def test_keyboard_entry(page, server):
    form = open_form(page, server + METRICS_PAGE, "calc-metrics")
    form.locator('input[name="tp"]').focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "fp"
    page.keyboard.press("ArrowUp")  # FP 10 -> 11: precision 45 / 56
    assert metric_values(form)["precision"] == "0.80"
    page.keyboard.press("Control+A")
    page.keyboard.type("0")
    assert metric_values(form)["precision"] == "1.00"
    page.keyboard.press("Enter")  # no submit button and several fields: nothing is sent
    page.wait_for_timeout(200)
    assert "?" not in page.url and page.url.startswith(server + METRICS_PAGE)
    shards = open_form(page, server + SHARDS_PAGE, "calc-shards")
    shards.locator('input[name="consumers"]').focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "efo"
    page.keyboard.press("Space")
    assert shard_texts(shards)["answer"].startswith("3 shards: the data write limit binds")
    assert "Enhanced fan-out read" in shard_texts(shards)["2"]


@pytest.mark.browser
def test_results_are_live_regions(page, server):
    for url, form_id, outputs in [(METRICS_PAGE, "calc-metrics", 6), (SHARDS_PAGE, "calc-shards", 1)]:
        form = open_form(page, server + url, form_id)
        assert form.locator("output").count() == outputs  # implicit role="status": polite
        assert form.locator("[data-calc-msg]").get_attribute("aria-live") == "polite"
        assert form.get_by_role("status").count() == outputs


@pytest.mark.browser
def test_calculators_start_after_instant_navigation(page, server):
    page.goto(server + "index.html")
    page.evaluate("window.__samePage = true")   # gone if the browser loads a new document
    page.locator(".md-nav--primary a", has_text="Evaluation and Optimization").first.click()
    page.wait_for_url(re.compile(r"evaluation-optimization\.html$"))
    assert page.evaluate("window.__samePage === true"), "a full page load, not instant navigation"
    form = page.locator("#calc-metrics[data-calc-ready]")
    form.wait_for(state="attached")
    fill_metrics(form, 0, 0, 5, 140)
    assert metric_values(form)["precision"] == "undefined (no predicted positives)"


@pytest.mark.browser
@pytest.mark.parametrize("url, form_id", [(METRICS_PAGE, "calc-metrics"), (SHARDS_PAGE, "calc-shards")])
def test_without_javascript_formulas_and_defaults_show_and_nothing_moves(browser, page, server,
                                                                          url, form_id):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    static = ctx.new_page()
    static.goto(server + url)
    plain = static.locator(f"#{form_id}")
    assert plain.is_visible() and plain.get_attribute("data-calc-ready") is None
    text = plain.inner_text()
    if form_id == "calc-metrics":
        for formula in FORMULAS:
            assert formula in " ".join(text.split())
        assert metric_values(plain) == DEFAULT_METRICS
    else:
        assert "3 shards: the data write and shared read limits both bind." in text
        assert "2 consumers × 3 MB/s = 6 MB/s ÷ 2 MB/s per shard = 3 shards." in text
    live = open_form(page, server + url, form_id)
    assert live.inner_text() == text
    assert live.bounding_box()["height"] == plain.bounding_box()["height"]
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_calculators_pass_axe_with_an_error_showing(browser, server, scheme):
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    for url, form_id, field in [(METRICS_PAGE, "calc-metrics", "tp"),
                                (SHARDS_PAGE, "calc-shards", "mb")]:
        form = open_form(page, server + url, form_id)
        form.locator(f'input[name="{field}"]').fill("-1")
        result = Axe().run(page, context=f"#{form_id}",
                           options={"runOnly": {"type": "tag", "values": tags},
                                    "resultTypes": ["violations"]})
        assert not result.response["violations"], [v["id"] for v in result.response["violations"]]
    ctx.close()
