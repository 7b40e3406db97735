"""The site's content as an author would write it for plain Material (bench only).

scripts/bench.py builds this baseline for the weight goal: "no page heavier
than the plain-Material page of the same content plus 15 KiB". It is a macros
module that renders the same data as the site's macros, but as ordinary
Markdown with no markup, script or style of ours:

- a question: its stem, its options as a list, and the answer with every
  option's "why", the explanation and the source link in a collapsed `???`
  block (pymdownx.details, which the site's config enables);
- a table: a Markdown table of the same columns and cells, its notes as a list;
- a correction: a `!!! warning` admonition with the same text and source;
- a figure: the image, its caption, its formulas table and sources;
- calculators, the score line and the exam's question bank: nothing. They are
  the site's features, not content, so their weight counts as ours.

The texts go through the site's own renderers (macros/markup.py, tables.py),
so both builds carry exactly the same words.
"""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import corrections as corr  # noqa: E402
from macros import tables as tbl  # noqa: E402
from macros.figures import render_figure_notes  # noqa: E402
from macros.markup import render_markdown  # noqa: E402
from macros.site_data import SiteData  # noqa: E402


def _indent(text: str, n: int = 4) -> str:
    return textwrap.indent(text.strip(), " " * n)


def _inline(text: str) -> str:
    """One paragraph's worth of the text's HTML (data Markdown, already rendered)."""
    return render_markdown(text).replace("<p>", "").replace("</p>", " ").strip()


def question_md(q, source: str, label: str) -> str:
    options = "\n".join(f"- **{o.key.upper()}.** {_inline(o.text)}" for o in q.options)
    whys = "\n".join(
        f"- **{o.key.upper()}. {'Correct' if o.correct else 'Incorrect'}.** {_inline(o.why)}"
        for o in q.options)
    correct = ", ".join(o.key.upper() for o in q.options if o.correct)
    answer = "\n\n".join([f"**Correct answer: {correct}**", whys, q.explanation.strip(),
                          f"Source: [{label}]({source})"])
    return "\n\n".join([f"**Question.** {_inline(q.question)}", options,
                        '??? question "Answer and explanation"', _indent(answer)])


def table_md(table) -> str:
    first, rest = table.columns[0], table.columns[1:]
    shown = [f for f in table.facets if f.shown]
    labels = [first.label, *(f.label for f in shown), *(c.label for c in rest), "Source"]

    def cell(value) -> str:
        if value is None:
            return ""
        values = [value] if isinstance(value, str) else list(value)
        return "<br>".join(tbl.inline(v) for v in values).replace("|", "&#124;")

    lines = [f"**{tbl.esc(table.caption)}**", "",
             "| " + " | ".join(labels) + " |", "|" + " --- |" * len(labels)]
    for row in table.rows:
        facets = [", ".join(f.options[v] for v in row.facets[f.key]) for f in shown]
        cells = [cell(row.cells.get(c.key)) for c in rest]
        sources = "<br>".join(f"[{s.title}]({s.url})" for s in row.sources)
        lines.append("| " + " | ".join([cell(row.cells[first.key]), *facets, *cells,
                                         sources]) + " |")
    out = "\n".join(lines)
    if table.extra:
        out += "\n\n" + table.extra(table)
    if table.notes:
        out += "\n\n" + "\n".join(f"- {tbl.inline(n)}" for n in table.notes)
    return out


def correction_md(c) -> str:
    body = [f"The sheet says: \"{c.sheet.strip()}\"", c.right.strip()]
    if c.source:
        body.append(f"Source: [{c.source.removeprefix('https://')}]({c.source})")
    return f'!!! warning "Correction: {c.kind}"\n\n' + _indent("\n\n".join(body))


def figure_md(fig) -> str:
    return "\n".join([f"![{fig.alt}]({fig.file})", "", fig.caption,
                      *render_figure_notes(fig)])


def define_env(env) -> None:
    data = SiteData.load(str(ROOT), env.conf)

    def page() -> str:
        return env.page.file.src_uri

    def block(text: str) -> str:
        return f"\n\n{text}\n\n"

    def questions(found) -> str:
        return block("\n\n".join(
            question_md(q, f"{q.source_page}#{q.source_anchor}", data.source_label(q))
            for q in found))

    @env.macro
    def quizzes(anchor: str) -> str:
        return questions([q for q in data.questions.values() if not q.exam_only
                          and q.source_page == page() and q.source_anchor == anchor])

    @env.macro
    def quiz(question_id: str) -> str:
        return questions([data.questions[question_id]])

    @env.macro
    def table(table_id: str) -> str:
        return block(table_md(data.tables[table_id]))

    @env.macro
    def correction(correction_id: str) -> str:
        return block(correction_md(data.corrections[correction_id]))

    @env.macro
    def figure(figure_id: str) -> str:
        return block(figure_md(data.figures[figure_id]))

    @env.macro
    def corrections_list() -> str:
        out, current = [], None
        for c in data.corrections.values():
            if c.page != current:
                current = c.page
                out += ["", f"## {data.page_titles.get(c.page, c.page)}", ""]
            section = data.titles.get((c.page, c.anchor), c.anchor)
            out.append(f"- **{corr.KINDS[c.kind]}** in [{section}]({c.page}#{c.anchor}): the "
                       f"sheet says \"{c.sheet.strip()}\" [What is right]({c.page}#fix-{c.id})")
        return block("\n".join(out))

    @env.macro
    def tables_index() -> str:
        return data.tables_index()

    @env.macro
    def tables_gallery() -> str:
        out = []
        for title, slug, line, _copy in tbl.render_tables_gallery(
                data.tables, data.table_pages, data.page_titles):
            table = data.tables[slug.removeprefix(tbl.COPY_PREFIX)]
            out += [f"## {title} {{ #{slug} }}", line, table_md(table)]
        return block("\n\n".join(out))

    # The MLA-C01 page is content: the same tables and lists as on the site.
    env.macro(lambda: block(data.mla_facts()), "mla_facts")
    env.macro(lambda: data.mla_coverage(page()), "mla_coverage")

    for name in ("quiz_progress", "exam_bank", "metrics_calculator", "shard_calculator"):
        env.macro(lambda: "", name)
