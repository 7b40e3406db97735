"""mkdocs-macros entry point: wiring only.

Data is loaded and validated once per build (macros/site_data.py); rendering
lives in pure functions (corrections.py, tables.py, quiz.py). Each macro here
looks an item up, checks it is used on the right page, and calls a renderer.
Macros whose output is finished HTML (corrections, tables, calculators, quizzes,
the exam) defer it: a placeholder goes through Markdown and macros/hooks.py puts
the HTML in its place, the quizzes after the search plugin has read the page.
"""
from __future__ import annotations

from . import calculators as calc
from .site_data import SiteData


def define_env(env) -> None:
    data = SiteData.load(env.project_dir, env.conf)
    # For on_post_build and macros/hooks.py. An attribute of the plugin, not a
    # template variable: the plugin serialises every variable once per build.
    env.site_data = data

    def page() -> str:
        return env.page.file.src_uri

    # Finished HTML skips Markdown (macros/hooks.py): searchable blocks go in before
    # the search plugin reads the page, quiz blocks after it.
    def searchable(html: str) -> str:
        return data.defer(html, page(), searchable=True)

    def unsearched(html: str) -> str:
        return data.defer(html, page(), searchable=False)

    @env.macro
    def correction(correction_id: str) -> str:
        """The Correction box for one errata entry (see macros/data/corrections/)."""
        return searchable(data.correction(correction_id, page()))

    @env.macro
    def corrections_list() -> str:
        """All corrections, grouped by page, for corrections.md."""
        return data.corrections_list(page())

    @env.macro
    def table(table_id: str) -> str:
        """A comparison table rendered from macros/data/tables/<id>.yml."""
        return searchable(data.table(table_id, page()))

    @env.macro
    def tables_index() -> str:
        """A linked list of every comparison table, for comparison-tables.md."""
        return data.tables_index()

    @env.macro
    def tables_gallery() -> str:
        """Every comparison table with its filters, for comparison-tables.md."""
        return data.tables_gallery(page())

    @env.macro
    def quizzes(anchor: str) -> str:
        """Every question of this page whose source is the section #anchor."""
        return unsearched(data.quizzes(anchor, page()))

    @env.macro
    def quiz(question_id: str) -> str:
        """One question, by id."""
        return unsearched(data.quiz(question_id, page()))

    @env.macro
    def quiz_progress() -> str:
        """The page's score line and reset button."""
        return unsearched(data.quiz_progress(page()))

    @env.macro
    def exam_bank() -> str:
        """The script that loads the question bank (a generated file), for the exam page."""
        return unsearched(data.exam_bank(env.page.url))

    @env.macro
    def figure(figure_id: str) -> str:
        """A chart or diagram from macros/data/charts.yml, with alt text and caption."""
        return data.figure(figure_id, page())

    @env.macro
    def metrics_calculator() -> str:
        """The confusion-matrix metrics calculator (evaluation-optimization.md)."""
        return searchable(calc.render_metrics_calculator())

    @env.macro
    def shard_calculator() -> str:
        """The Kinesis shard calculator, with the limits of kds-shard-limits.yml."""
        return searchable(calc.render_shard_calculator(data.tables["kds-shard-limits"].limits))


def on_post_build(env) -> None:
    """Fail the build if a data item was never placed on a page."""
    env.site_data.check_all_placed()
