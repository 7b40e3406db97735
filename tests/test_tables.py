"""Comparison tables (macros/tables.py, macros/data/tables/*.yml): rendering with
the real data, the key facts, every kind of bad data, the built pages, and the
filter script in a browser."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

if str(ROOT) not in sys.path:  # the macros package lives at the project root
    sys.path.insert(0, str(ROOT))

from macros import tables as tbl  # noqa: E402
from macros.loader import DataError  # noqa: E402
from macros.site_data import macro_pages  # noqa: E402

DATA = ROOT / "macros" / "data"
SITE_JS = ROOT / "docs" / "assets" / "javascripts" / "site.js"
SEVENTEEN = [
    "Linear Learner", "Factorization Machines", "K-Means", "K-Nearest Neighbors (k-NN)",
    "Principal Component Analysis (PCA)", "Image Classification", "Object Detection",
    "Semantic Segmentation", "Random Cut Forest (RCF)", "IP Insights",
    "Latent Dirichlet Allocation (LDA)", "Neural Topic Model (NTM)",
    "Sequence-to-Sequence (Seq2Seq)", "BlazingText", "Object2Vec", "DeepAR", "XGBoost",
]


@pytest.fixture(scope="module")
def tables() -> dict[str, tbl.Table]:
    return tbl.load_tables(DATA, root=ROOT)


def html_of(table: tbl.Table) -> BeautifulSoup:
    return BeautifulSoup(tbl.render_table(table), "html.parser")


def row(table: tbl.Table, header: str) -> tbl.Row:
    first = table.columns[0].key
    return next(r for r in table.rows if r.cells[first] == header)


def text(table: tbl.Table) -> str:
    return " ".join(html_of(table).get_text(" ").split())


# -- Rendering, with the real data ----------------------------------------------------

def test_every_table_loads_in_index_order(tables):
    assert tuple(tables) == tbl.TABLE_IDS
    for table in tables.values():
        assert table.caption and table.summary and table.rows


@pytest.mark.parametrize("table_id", tbl.TABLE_IDS)
def test_table_is_an_accessible_figure_with_its_anchor(tables, table_id):
    table = tables[table_id]
    out = tbl.render_table(table)
    assert out.startswith(f'<figure class="data-table" id="table-{table_id}">\n')
    doc = BeautifulSoup(out, "html.parser")
    figure = doc.find("figure")
    assert figure.find("figcaption").get_text() == table.caption
    main = figure.find("table")
    assert main["aria-labelledby"] == figure.find("figcaption")["id"]
    region = main.find_parent("div")
    assert region["class"] == ["table-scroll"]
    assert (region["tabindex"], region["role"]) == ("0", "region") and region["aria-label"]
    head = main.find("thead").find_all("th")
    assert head and all(th["scope"] == "col" for th in head)
    body = main.find("tbody").find_all("tr")
    assert len(body) == len(table.rows)
    for tr in body:
        assert tr.find("th")["scope"] == "row"
        assert len(tr.find_all(["th", "td"])) == len(head)
    assert not doc.find(attrs={"style": True}), "no inline styles"
    assert not doc.find("script"), "no inline scripts"


@pytest.mark.parametrize("table_id", tbl.TABLE_IDS)
def test_sources_are_aws_links_with_meaningful_text(tables, table_id):
    table = tables[table_id]
    links = html_of(table).find("table").find_all("a")
    assert links, "every table cites at least one AWS page"
    for a in links:
        assert tbl.check_aws_url(a["href"]) is None
        label = a.get_text().strip()
        assert len(label) > 3 and label.lower() not in {"link", "source", "here", "more"}
    for r in table.rows:
        assert r.sources or table_id == "deployment-strategies", \
            "only general practice goes without an AWS page"


def test_cell_text_is_escaped_and_simple_markdown_rendered():
    assert tbl.inline("a <b> & `x<y>` **bold**") == (
        "a &lt;b&gt; &amp; <code>x&lt;y&gt;</code> <strong>bold</strong>")
    assert tbl.inline("`**not bold**` and __label__") == (
        "<code>**not bold**</code> and __label__")
    table = tbl.Table(
        id="demo", caption='Quotes " & <tags>',
        columns=(tbl.Column("a", "A"), tbl.Column("b", "B")),
        rows=(tbl.Row(cells={"a": "<script>alert(1)</script>", "b": ("one", "**two**")},
                      sources=(tbl.Source("s", "A <page>", "https://docs.aws.amazon.com/x"),)),))
    out = tbl.render_table(table)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'aria-label="Quotes &quot; &amp; &lt;tags&gt;"' in out
    # list items on their own lines: search reads them apart
    assert '<ul class="cell-list"><li>one</li>\n<li><strong>two</strong></li></ul>' in out
    assert ">A &lt;page&gt;</a>" in out


def test_rows_without_an_aws_page_say_so(tables):
    big_bang = html_of(tables["deployment-strategies"]).find("th", string="Big bang").parent
    assert "General practice (no AWS page)" in big_bang.get_text()


def test_placeholders_are_filled_from_the_limits(tables):
    table = tables["kds-shard-limits"]
    assert "{" not in text(table)
    assert "1 MB/s or 1,000 records/s per shard" in text(table)
    assert tbl.fill_limits("{a} and {b}", {"a": 20000, "b": 0.5}) == "20,000 and 0.5"


def test_kds_worked_example_for_1_2_and_n_shards(tables):
    doc = html_of(tables["kds-shard-limits"])
    worked = doc.find("caption", string=tbl.SHARD_EXAMPLE_CAPTION).parent
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in worked.tbody.find_all("tr")}
    assert rows["1 shard"] == ["1 MB/s or 1,000 records/s", "2 MB/s in total",
                               "2 MB/s for each consumer", "40 MB/s in total"]
    # The sheet's "2 shards -> 2 MB/s out" is wrong: 2 MB/s in, 4 MB/s out.
    assert rows["2 shards"] == ["2 MB/s or 2,000 records/s", "4 MB/s in total",
                                "4 MB/s for each consumer", "80 MB/s in total"]
    assert rows["N shards"][0] == "N × 1 MB/s or N × 1,000 records/s"
    assert worked.find_parent("div")["role"] == "region"


def test_builtin_algorithms_filter_form_and_row_attributes(tables):
    table = tables["builtin-algorithms"]
    doc = html_of(table)
    form = doc.find("form")
    assert form.has_attr("data-js-only") and form["data-table-filter"] == "algorithms"
    selects = form.find_all("select")
    assert [s["name"] for s in selects] == ["learning", "train"]
    for select in selects:
        assert doc.find("label", attrs={"for": select["id"]}).get_text()
        assert select.find("option")["value"] == ""  # "All" first
    status = doc.find(attrs={"data-table-filter-status": True})
    assert (status["role"], status["aria-live"]) == ("status", "polite")
    body = doc.find("tbody").find_all("tr")
    assert [tr.th.get_text() for tr in body] == SEVENTEEN
    for tr in body:
        assert set(tr["data-learning"].split()) <= set(tbl.LEARNING)
        assert set(tr["data-train"].split()) <= set(tbl.TRAIN_HARDWARE)
    blazing = doc.find("th", string="BlazingText").parent
    assert blazing["data-learning"] == "unsupervised supervised"


def test_facet_keys_are_single_words_so_the_script_finds_them():
    for spec in tbl.SPECS.values():
        for facet in spec.facets:
            assert re.fullmatch(r"[a-z]+", facet.key), facet.key


def test_training_hardware_tags_agree_with_the_text(tables):
    for r in tables["builtin-algorithms"].rows:
        words, tags = r.cells["training"].lower(), set(r.facets["train"])
        name = r.cells["algorithm"]
        assert ("gpu" in tags) <= ("gpu" in words) and ("cpu" in tags) <= ("cpu" in words), name
        assert not ("cpu only" in words and "gpu" in tags), name
        assert not ("gpu only" in words and "cpu" in tags), name
        assert ("multi-instance" in tags) == ("multi-instance" in words), name
        assert ("multi-gpu" in tags) == ("multi-gpu" in words or "several gpus" in words), name


def test_tables_with_no_facets_render_no_form(tables):
    out = tbl.render_table(tables["kds-vs-msk"])
    assert "<form" not in out and "aria-live" not in out


def test_tables_index_links_every_placed_table(tables):
    placements = {t: "streaming-data-collection.md" for t in tbl.TABLE_IDS[:4]}
    out = tbl.render_tables_index(tables, placements, {"streaming-data-collection.md": "Streaming"})
    items = BeautifulSoup(out, "html.parser").select("ul > li")
    assert len(items) == 4
    first = tables["kinesis-family"]
    link = items[0].find("a")
    assert link["href"] == "streaming-data-collection.html#table-kinesis-family"
    assert link.get_text() == first.caption
    assert items[0].get_text() == f"{first.caption} (Streaming): {first.summary}"
    assert "builtin-algorithms" not in out  # not placed: not listed


def test_tables_index_is_finished_html_that_shows_markdown_as_text(tables):
    """The index skips Markdown: a summary cannot become a link or an image."""
    from dataclasses import replace
    bad = replace(tables["kinesis-family"], summary="See [it](javascript:alert(1)) "
                  "![t](https://other.example/t.png) <b>x</b>")
    out = tbl.render_tables_index({"kinesis-family": bad},
                                  {"kinesis-family": "streaming-data-collection.md"}, {})
    doc = BeautifulSoup(out, "html.parser")
    assert [a["href"] for a in doc.find_all("a")] == [
        "streaming-data-collection.html#table-kinesis-family"]
    assert not doc.find("img") and not doc.find("b")
    assert "[it](javascript:alert(1))" in doc.get_text()


def test_limits_are_numbers_for_the_shard_calculator(tables):
    limits = tables["kds-shard-limits"].limits
    assert set(limits) == set(tbl.KDS_LIMITS)
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in limits.values())


# -- Golden facts ---------------------------------------------------------------------

def test_golden_kds_shard_facts(tables):
    limits = tables["kds-shard-limits"].limits
    assert limits["write_mb_per_s"] == 1 and limits["write_records_per_s"] == 1000
    assert limits["read_mb_per_s_shared"] == 2
    assert limits["read_mb_per_s_per_efo_consumer"] == 2
    assert limits["max_efo_consumers"] == 20
    assert (limits["retention_hours_default"], limits["retention_hours_extended_max"],
            limits["retention_hours_long_term_max"]) == (24, 7 * 24, 365 * 24)
    words = text(tables["kds-shard-limits"])
    assert "24 hours by default" in words and "7 days" in words and "365 days" in words
    assert "20,000 shards per account" in words


def test_golden_firehose_buffers(tables):
    table = tables["firehose-destinations"]
    s3, splunk = row(table, "Amazon S3").cells, row(table, "Splunk").cells
    assert s3["buffer_size"].startswith("1–128 MiB")
    assert s3["buffer_interval"].startswith("0–900 s")
    assert splunk["buffer_size"].startswith("1–5 MB")
    assert splunk["buffer_interval"].startswith("0–60 s")
    assert row(table, "Amazon OpenSearch Service").cells["buffer_size"].startswith("1–100 MiB")
    redshift = row(table, "Amazon Redshift").cells["delivery"]
    assert "S3" in redshift and "COPY" in redshift and redshift.index("S3") < redshift.index("COPY")


def test_golden_metric_formulas(tables):
    table = tables["classification-metrics"]
    assert row(table, "Precision").cells["formula"] == "`TP / (TP + FP)`"
    recall = row(table, "Recall (sensitivity, true positive rate)")
    assert recall.cells["formula"] == "`TP / (TP + FN)`"
    assert row(table, "Specificity (true negative rate)").cells["formula"] == "`TN / (TN + FP)`"
    assert "<code>TP / (TP + FP)</code>" in tbl.render_table(table)


def test_golden_algorithm_facts(tables):
    table = tables["builtin-algorithms"]
    xgboost = row(table, "XGBoost")
    assert "GPU from version 1.2-1" in xgboost.cells["training"]
    assert "gpu" in xgboost.facets["train"]
    fm = row(table, "Factorization Machines").cells["input"]
    assert fm.startswith("recordIO-protobuf (Float32) only") and "no CSV" in fm
    lda = row(table, "Latent Dirichlet Allocation (LDA)")
    assert lda.cells["training"] == "CPU, single instance only" and lda.facets["train"] == ("cpu",)
    csv = row(tables["data-input-modes"], "CSV").cells["algorithms"]
    assert "Not Factorization Machines" in csv and "LDA in File mode only" in csv


def test_golden_names_and_rows(tables):
    services = [r.cells["service"] for r in tables["kinesis-family"].rows]
    assert services == ["Kinesis Data Streams", "Amazon Data Firehose", "Kinesis Video Streams",
                        "Amazon Managed Service for Apache Flink"]
    strategies = [r.cells["strategy"] for r in tables["deployment-strategies"].rows]
    assert strategies == ["Big bang", "Phased rollout", "Parallel adoption", "Rolling", "Canary",
                          "A/B testing", "Blue/green"]
    destinations = [r.cells["destination"] for r in tables["firehose-destinations"].rows]
    assert destinations == ["Amazon S3", "Amazon Redshift", "Amazon OpenSearch Service", "Splunk",
                            "HTTP endpoint"]
    modes = [r.cells["name"] for r in tables["data-input-modes"].rows]
    assert modes[:3] == ["File mode", "Pipe mode", "FastFile mode"]
    assert {"CSV", "recordIO-protobuf", "libsvm", "Parquet", "JSON Lines"} <= set(modes)


# -- Bad data: every problem names the file, the row (or item) and the field ----------

@pytest.fixture
def data(tmp_path):
    """A copy of the table files under tmp_path/data/tables, and an editor for them."""
    shutil.copytree(DATA / "tables", tmp_path / "data" / "tables")

    class Data:
        root = tmp_path

        @staticmethod
        def path(table_id: str) -> Path:
            return tmp_path / "data" / "tables" / f"{table_id}.yml"

        @classmethod
        def edit(cls, table_id: str, old: str, new: str) -> None:
            path = cls.path(table_id)
            source = path.read_text(encoding="utf-8")
            assert source.count(old) == 1, f"{old!r} is not unique in {table_id}.yml"
            path.write_text(source.replace(old, new), encoding="utf-8")

        @classmethod
        def line(cls, table_id: str, needle: str) -> int:
            lines = cls.path(table_id).read_text(encoding="utf-8").splitlines()
            return next(n for n, line in enumerate(lines, 1) if needle in line)

        @classmethod
        def error(cls) -> str:
            with pytest.raises(DataError) as caught:
                tbl.load_tables(tmp_path / "data", root=tmp_path)
            return str(caught.value)
    return Data


MSK = "data/tables/kds-vs-msk.yml"
ALGOS = "data/tables/builtin-algorithms.yml"
LIMITS = "data/tables/kds-shard-limits.yml"


def test_unknown_key_names_file_line_row_and_field(data):
    data.edit("kds-vs-msk", "  - aspect: Retention\n", "  - aspect: Retention\n    colour: red\n")
    message = data.error()
    line = data.line("kds-vs-msk", "- aspect: Retention")
    assert message.startswith(f"{MSK}:{line}: row 'Retention': field 'colour': unknown key")
    assert "allowed: aspect, kds, msk, source" in message


def test_missing_field_names_file_row_and_field(data):
    data.edit("kds-vs-msk", "    msk: As long as", "    # msk: As long as")
    message = data.error()
    assert "row 'Retention': field 'msk': missing required field" in message
    assert message.startswith(f"{MSK}:{data.line('kds-vs-msk', '- aspect: Retention')}:")


@pytest.mark.parametrize("table_id, old, new, expected", [
    ("kds-shard-limits", "write_mb_per_s: 1 ", 'write_mb_per_s: "1" ',
     "limits: field 'write_mb_per_s': must be a whole number or a number, got text"),
    ("kds-shard-limits", "max_efo_consumers: 20 ", "max_efo_consumers: true ",
     "limits: field 'max_efo_consumers': must be a whole number, got true/false"),
    ("kds-shard-limits", "write_records_per_s: 1000 ", "write_records_per_s: 0 ",
     "limits: field 'write_records_per_s': must be greater than 0"),
    ("kds-vs-msk", "    msk: AWS publishes no latency figure for MSK.", "    msk: 42",
     "row 'Latency': field 'msk': must be text or a list, got a whole number"),
    ("kds-vs-msk", "    msk: AWS publishes no latency figure for MSK.", "    msk: []",
     "row 'Latency': field 'msk': must not be an empty list"),
    ("builtin-algorithms", "    learning: [unsupervised]\n    problem: Clustering",
     "    learning: unsupervised\n    problem: Clustering",
     "row 'K-Means': field 'learning': must be a list, got text"),
    ("builtin-algorithms", "    train: [cpu, gpu]\n", "    train: [cpu, tpu]\n",
     "row 'K-Means': field 'train': 'tpu' is not one of: cpu, gpu, multi-gpu, multi-instance"),
    ("classification-metrics", "caption: Classification metrics", "caption: [Classification]",
     "table 'classification-metrics': field 'caption': must be text, got a list"),
])
def test_wrong_types_and_values_name_file_row_and_field(data, table_id, old, new, expected):
    data.edit(table_id, old, new)
    message = data.error()
    assert message.startswith(f"data/tables/{table_id}.yml:"), message
    assert expected in message, message


def test_yaml_syntax_error_gives_the_line(data):
    data.edit("kds-vs-msk", "  - aspect: Latency\n", "  - aspect: Latency\n   kds: [unclosed\n")
    message = data.error()
    line = data.line("kds-vs-msk", "kds: [unclosed")
    match = re.match(rf"{re.escape(MSK)}:(\d+): YAML syntax error", message)
    assert match, message
    assert abs(int(match.group(1)) - line) <= 1, message


@pytest.mark.parametrize("bad_url, problem", [
    ("http://docs.aws.amazon.com/msk/latest/developerguide/limits.html", "is not an https:// URL"),
    ("https://example.com/msk-limits", "is not on AWS documentation"),
    ("docs.aws.amazon.com/msk", "is not an https:// URL"),
])
def test_bad_source_url_names_the_source_and_field(data, bad_url, problem):
    data.edit("kds-vs-msk", "https://docs.aws.amazon.com/msk/latest/developerguide/limits.html",
              bad_url)
    message = data.error()
    assert message.startswith(f"{MSK}:")
    assert "source 'msk-limits': field 'url'" in message and problem in message


def test_unknown_source_key_names_the_row(data):
    data.edit("kds-vs-msk", "    source: kds-consumers\n", "    source: kds-consumer\n")
    message = data.error()
    assert "row 'Latency': field 'source': no source 'kds-consumer'" in message
    assert message.startswith(f"{MSK}:{data.line('kds-vs-msk', '- aspect: Latency')}:")


def test_none_cannot_be_mixed_with_sources(data):
    data.edit("kds-vs-msk", "    source: kds-consumers\n", "    source: [none, kds-consumers]\n")
    assert "row 'Latency': field 'source': 'none' cannot be combined" in data.error()


def test_unknown_placeholder_names_row_and_field(data):
    data.edit("kds-shard-limits", "{write_mb_per_s} MB/s or", "{write_gb_per_s} MB/s or")
    message = data.error()
    line = data.line("kds-shard-limits", "- limit: Write throughput")
    assert message.startswith(f"{LIMITS}:{line}:")
    assert "row 'Write throughput': field 'value': {write_gb_per_s} names no number" in message


def test_missing_limit_names_limits_and_field(data):
    data.edit("kds-shard-limits", "  max_efo_consumers: 20 ", "  # max_efo_consumers: 20 ")
    assert "limits: field 'max_efo_consumers': missing required field" in data.error()


def test_duplicate_row_header(data):
    data.edit("kds-vs-msk", "  - aspect: Scaling\n", "  - aspect: Provisioning\n")
    assert "row 'Provisioning': field 'aspect': two rows have the same header" in data.error()


def test_a_row_that_is_not_a_mapping(data):
    data.edit("deployment-strategies", "rows:\n", "rows:\n  - just text\n")
    assert "row #1: must be a mapping of fields, got text" in data.error()


def test_missing_and_unknown_table_files(data):
    data.path("kds-vs-msk").unlink()
    assert data.error() == "data/tables: missing table file(s): kds-vs-msk.yml"
    (data.path("kds-vs-msk").parent / "kds-vs-msk-old.yml").write_text("caption: x\n")
    assert "kds-vs-msk-old.yml: no table 'kds-vs-msk-old'" in data.error()


def test_empty_rows(data):
    path = data.path("kds-vs-msk")
    source = path.read_text(encoding="utf-8")
    path.write_text(source[:source.index("rows:")] + "rows: []\n", encoding="utf-8")
    assert data.error() == f"{MSK}: holds no rows"


# -- The built site -----------------------------------------------------------------------

def test_each_table_is_on_its_page_under_its_anchor(site):
    placements = macro_pages(ROOT / "docs", "table")
    assert set(placements) == set(tbl.TABLE_IDS), "every table is placed once"
    for table_id, page in placements.items():
        built = BeautifulSoup((site / page.replace(".md", ".html")).read_text(encoding="utf-8"),
                              "html.parser")
        figure = built.find(id=f"table-{table_id}")
        assert figure is not None and figure.name == "figure", f"{page}: no #table-{table_id}"
        assert figure.find("table").find("tbody").find("tr"), f"{page}: table {table_id} is empty"


def test_index_page_links_to_every_table(site):
    placements = macro_pages(ROOT / "docs", "table")
    index = BeautifulSoup((site / "comparison-tables.html").read_text(encoding="utf-8"),
                          "html.parser")
    hrefs = {a["href"] for a in index.select("article a[href]")}
    for table_id, page in placements.items():
        assert f"{page.replace('.md', '.html')}#table-{table_id}" in hrefs


# -- The filter script ------------------------------------------------------------------------

def test_filter_is_wired_by_the_site_script():
    source = (SITE_JS.parent / "filters.js").read_text(encoding="utf-8")
    assert "form[data-table-filter]" in source and "data-table-filter-status" in source
    assert "M.feat.filters = wireFilters;" in source
    assert '["form[data-table-filter]", "filters", ["filters.js"]]' in SITE_JS.read_text(encoding="utf-8")


@pytest.mark.browser
def test_without_javascript_the_filter_is_hidden_and_every_row_shows(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "algorithms.html")
    assert page.locator("form[data-table-filter]").is_hidden()
    assert page.locator("#table-builtin-algorithms tbody tr:visible").count() == 17
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("origin", ["http", "file"])
def test_filter_narrows_rows_and_announces_the_count(server, site, page, origin):
    page.goto(server + "algorithms.html" if origin == "http"
              else (site / "algorithms.html").as_uri())
    form = page.locator("form[data-table-filter]")
    form.wait_for(state="visible")
    rows = page.locator("#table-builtin-algorithms tbody tr")
    status = page.locator("#table-builtin-algorithms [data-table-filter-status]")

    def visible_names() -> list[str]:
        return [rows.nth(i).locator("th").inner_text() for i in range(rows.count())
                if rows.nth(i).is_visible()]

    assert len(visible_names()) == 17
    page.select_option("#table-builtin-algorithms-filter-learning", "unsupervised")
    unsupervised = visible_names()
    assert "BlazingText" in unsupervised and "XGBoost" not in unsupervised
    assert status.inner_text() == f"Showing {len(unsupervised)} of 17 algorithms."
    page.select_option("#table-builtin-algorithms-filter-train", "multi-gpu")
    assert visible_names() == []
    assert status.inner_text() == "Showing 0 of 17 algorithms."
    page.select_option("#table-builtin-algorithms-filter-learning", "")
    # XGBoost trains on several GPUs (with Dask) from version 1.5-1.
    assert visible_names() == ["Image Classification", "Object Detection",
                               "Sequence-to-Sequence (Seq2Seq)", "Object2Vec", "XGBoost"]
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function(
        "!document.querySelector('#table-builtin-algorithms tbody tr[hidden]')")
    assert status.inner_text() == "Showing 17 of 17 algorithms."


@pytest.mark.browser
def test_filter_wires_up_after_instant_navigation(server, page):
    page.goto(server + "index.html")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary a", has_text="Algorithms").first.click()
    page.wait_for_function("document.querySelector('h1').textContent.startsWith('Algorithms')")
    form = page.locator("#table-builtin-algorithms form[data-table-filter]")
    form.wait_for(state="visible")
    assert page.evaluate("window.__sameDocument") is True, "navigation reloaded the page"
    page.select_option("#table-builtin-algorithms-filter-train", "multi-gpu")
    # The filter script arrives after the page: a choice made first is applied on arrival.
    status = page.locator("#table-builtin-algorithms [data-table-filter-status]")
    page.wait_for_function("el => el.textContent !== ''", arg=status.element_handle())
    assert status.inner_text() == "Showing 5 of 17 algorithms."
