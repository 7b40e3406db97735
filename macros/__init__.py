"""mkdocs-macros entry point: wiring only.

Data is loaded and validated once per build (macros/site_data.py); rendering
lives in pure functions (corrections.py, tables.py, quiz.py). Each macro here
looks an item up, checks it is used on the right page, and calls a renderer.

Two builders run this module. MkDocs' mkdocs-macros imports it as a package and
calls define_env once per build; macros/hooks.py then lets finished HTML skip
Markdown (a speed-up: the pages come out the same without it). Zensical loads
this file by its path and calls define_env for every page, with no hooks: the
data is then loaded once and kept while the sources stay unchanged.
"""
from __future__ import annotations

import sys
from pathlib import Path

if __name__ in sys.modules:  # imported as a package (mkdocs-macros)
    from . import calculators as calc
    from . import pagecheck
    from .loader import read_text
    from . import reading
    from .site_data import SiteData, page_source
else:  # loaded from its file path (Zensical): import it as the package it is
    _root = str(Path(__file__).resolve().parent.parent)
    if _root not in sys.path:
        sys.path.insert(0, _root)
    from macros import calculators as calc
    from macros import pagecheck
    from macros.loader import read_text
    from macros import reading
    from macros.site_data import SiteData, page_source


MACROS: set[str] = set()  # the names of the macros below, for the page checks


def define_env(env) -> None:
    # Every DataError, from the data or from a page, ends the build as one line.
    pagecheck.install_one_line_errors()
    per_page = getattr(env, "page", None) is not None   # Zensical: once per page
    data = SiteData.for_build(env.project_dir, env.conf, cached=per_page)
    if per_page:
        data.begin_page(page_source(env.page))
    # For on_post_build and macros/hooks.py. An attribute of the plugin, not a
    # template variable: the plugin serialises every variable once per build.
    env.site_data = data
    env.page_errors = errors = pagecheck.PageErrors()
    if not per_page:   # MkDocs: Markdown tables in scrolling regions (Zensical keeps its own)
        reading.add_to(env.conf)

    def page() -> str:
        return page_source(env.page)

    def macro(fn):
        """Register fn as a macro. Under mkdocs-macros its errors are kept and raised
        after the page's macros ran, naming the page and line of the call (see
        on_post_page_macros); Zensical, which runs no such event, gets them as raised."""
        MACROS.add(fn.__name__)
        return env.macro(fn if per_page else errors.guard(fn, page))

    # Finished HTML: with hooks it skips Markdown, searchable blocks going in before
    # the search plugin reads the page and quiz blocks after it; without hooks the
    # quiz blocks carry data-search-exclude, so search skips them all the same.
    def searchable(html: str) -> str:
        return data.defer(html, page(), searchable=True)

    def unsearched(html: str) -> str:
        return data.defer(html, page(), searchable=False)

    @macro
    def correction(correction_id: str) -> str:
        """The Correction box for one errata entry (see macros/data/corrections/)."""
        return searchable(data.correction(correction_id, page()))

    @macro
    def corrections_list() -> str:
        """All corrections, grouped by page, for corrections.md."""
        return data.corrections_list(page())

    @macro
    def table(table_id: str) -> str:
        """A comparison table rendered from macros/data/tables/<id>.yml."""
        return searchable(data.table(table_id, page()))

    @macro
    def tables_index() -> str:
        """A linked list of every comparison table, for comparison-tables.md."""
        return searchable(data.tables_index())

    @macro
    def tables_gallery() -> str:
        """Every comparison table with its filters, for comparison-tables.md."""
        return data.tables_gallery(page())

    @macro
    def quizzes(anchor: str) -> str:
        """Every question of this page whose source is the section #anchor."""
        return unsearched(data.quizzes(anchor, page()))

    @macro
    def quiz(question_id: str) -> str:
        """One question, by id."""
        return unsearched(data.quiz(question_id, page()))

    @macro
    def quiz_progress() -> str:
        """The page's score line and reset button."""
        return unsearched(data.quiz_progress(page()))

    @macro
    def exam_bank() -> str:
        """Where the exam page finds the question bank (a generated script)."""
        return unsearched(data.exam_bank(page()))

    @macro
    def mla_facts() -> str:
        """The MLA-C01 exam's figures (macros/data/mla-c01.yml), for mla-c01-coverage.md."""
        return searchable(data.mla_facts())

    @macro
    def mla_coverage() -> str:
        """Each MLA-C01 task statement with the sections and questions that cover it."""
        return data.mla_coverage(page())

    @macro
    def figure(figure_id: str) -> str:
        """A chart or diagram from macros/data/charts.yml, with alt text and caption."""
        return searchable(data.figure(figure_id, page()))

    @macro
    def metrics_calculator() -> str:
        """The confusion-matrix metrics calculator (evaluation-optimization.md)."""
        return searchable(calc.render_metrics_calculator())

    @macro
    def shard_calculator() -> str:
        """The Kinesis shard calculator, with the limits of kds-shard-limits.yml."""
        return searchable(calc.render_shard_calculator(data.tables["kds-shard-limits"].limits))

    if per_page:  # Zensical: the page's own checks (on_pre_page_macros under MkDocs)
        src = page_source(env.page)
        pagecheck.check_source(read_text(data.docs_dir / src, f"docs/{src}"), src, MACROS)


def on_pre_page_macros(env) -> None:
    """Before a page's macros run: its headings, macro placement and Jinja are sound."""
    src = page_source(env.page)
    source = read_text(env.site_data.docs_dir / src, f"docs/{src}")
    pagecheck.check_source(source, src, MACROS)
    jinja = getattr(env, "env", None)
    if jinja is not None:
        known = {*env.variables, *env.macros, *jinja.globals, *(env.page.meta or {})}
        pagecheck.check_template(source, src, jinja, known, MACROS)
    env.page_errors.start(source, env.markdown)


def on_post_page_macros(env) -> None:
    """After a page's macros ran: the first error raised in one of them, as one line."""
    env.page_errors.raise_first()


def on_post_build(env) -> None:
    """Fail the build if a data item was never placed on a page, then rank the search
    index's sections (mkdocs-macros only: Zensical has no end-of-build event). Runs
    before the offline plugin inlines the index (it goes last)."""
    env.site_data.check_all_placed()
    reading.rank_search_index(Path(env.conf["site_dir"]), Path(env.conf["docs_dir"]))
