"""Figures (charts and diagrams): loading, validation and rendering.

Data: macros/data/charts.yml (alt text, caption, optional worked formulas and
sources per figure); the SVGs come from scripts/make_charts.py, one per page
palette: `assets/charts/<name>.svg` and `assets/charts/dark/<name>.svg`. A page
places one with {{ figure("chart-scatter") }}; its anchor is #fig-<id>.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .loader import (DataError, Field, check_mapping, check_slug, check_url, expect_list,
                     line_of, load_yaml, read_text)
from .markup import escape_text, render_inline_text

FORMULA_SPEC = {"name": Field(str), "formula": Field(str), "example": Field(str),
                "meaning": Field(str)}
SPEC = {
    "id": Field(str, check=check_slug),
    "file": Field(str),
    "alt": Field(str),
    "caption": Field(str),
    "formulas": Field(list, required=False),
    "sources": Field(list, required=False),
}
_SIZE = re.compile(r'<svg[^>]*\swidth="([\d.]+)pt"[^>]*\sheight="([\d.]+)pt"')


@dataclass(frozen=True)
class Figure:
    id: str
    file: str
    alt: str
    caption: str
    width: int      # CSS pixels, so the page reserves the space (no layout shift)
    height: int
    formulas: tuple[dict, ...] = ()
    sources: tuple[str, ...] = ()


def load_figures(data_dir: Path, docs_dir: Path, *, root: Path) -> dict[str, Figure]:
    path = data_dir / "charts.yml"
    shown = str(path.relative_to(root))
    found: dict[str, Figure] = {}
    for raw in expect_list(load_yaml(path, root=root), file=shown, what="figures"):
        item = f"figure '{raw.get('id')}'" if isinstance(raw, dict) else "figure"
        check_mapping(raw, SPEC, file=shown, item=item)
        line = line_of(raw)

        def fail(field: str, message: str):
            raise DataError(shown, message, item=item, field=field, line=line)

        if raw["id"] in found:
            fail("id", "duplicate id")
        svg = docs_dir / raw["file"]
        for path in (svg, docs_dir / dark_file(raw["file"])):
            if not path.is_file():
                fail("file", f"docs/{path.relative_to(docs_dir).as_posix()} does not exist "
                     "(run `make charts`)")
        size = _SIZE.search(read_text(svg, f"docs/{raw['file']}")[:2000])
        if not size:
            fail("file", "the SVG has no width/height in pt")
        if "[" in raw["alt"] or "]" in raw["alt"]:
            fail("alt", "no square brackets in alt text")
        for i, f in enumerate(raw.get("formulas", []), 1):
            check_mapping(f, FORMULA_SPEC, file=shown, item=item, prefix=f"formulas[{i}].", line=line)
        for i, url in enumerate(raw.get("sources", []), 1):
            if not isinstance(url, str) or (problem := check_url(url)):
                fail(f"sources[{i}]", problem or "must be a URL")
        found[raw["id"]] = Figure(
            id=raw["id"], file=raw["file"], alt=" ".join(raw["alt"].split()),
            caption=" ".join(raw["caption"].split()),
            width=round(float(size.group(1)) * 4 / 3), height=round(float(size.group(2)) * 4 / 3),
            formulas=tuple(raw.get("formulas", [])), sources=tuple(raw.get("sources", [])))
    return found


def dark_file(file: str) -> str:
    """assets/charts/x.svg -> assets/charts/dark/x.svg (the slate palette's drawing)."""
    folder, _, name = file.rpartition("/")
    return f"{folder}/dark/{name}" if folder else f"dark/{name}"


def render_figure(fig: Figure, src: str | None = None) -> str:
    """A <figure> as finished HTML: the light and the dark drawing, of which Material
    shows the one for the palette (#only-light, #only-dark), the caption and the notes.
    `src` is the light file's URL from the page (by default its path under docs/; both
    files are checked when the data loads). Every text goes through macros/markup.py;
    none of it goes through Markdown."""
    src = fig.file if src is None else src
    size = f'width="{fig.width}" height="{fig.height}" loading="lazy"'
    alt = escape_text(fig.alt)
    lines = [
        f'<figure class="chart" id="fig-{fig.id}">',
        f'<img src="{escape_text(src)}#only-light" alt="{alt}" {size}>'
        f'<img src="{escape_text(dark_file(src))}#only-dark" alt="{alt}" {size}>',
        f"<figcaption>{render_inline_text(fig.caption)}</figcaption>",
        "</figure>",
    ]
    return "\n".join(lines + render_figure_notes(fig))


def render_figure_notes(fig: Figure) -> list[str]:
    """HTML lines under a figure: its worked formulas as a table, its sources."""
    lines: list[str] = []
    if fig.formulas:
        # Cells a line apart, so search reads them apart; in the scrolling region every
        # table on the site has (site.css), named after the figure.
        head = "\n".join(f"<th>{h}</th>" for h in ("Metric", "Formula", "On this figure",
                                                    "What it tells you"))
        rows = ["<tr>" + "\n".join(f"<td>{render_inline_text(f[k])}</td>" for k in
                                   ("name", "formula", "example", "meaning")) + "</tr>"
                for f in fig.formulas]
        label = "Worked formulas: " + fig.id.removeprefix("chart-").replace("-", " ")
        lines += [f'<div class="table-scroll" tabindex="0" role="region" '
                  f'aria-label="{escape_text(label)}">', "<table>",
                  f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>",
                  "</div>"]
    if fig.sources:
        links = ", ".join(f'<a href="{escape_text(u)}">{escape_text(u.removeprefix("https://"))}'
                          "</a>" for u in fig.sources)
        lines += [f'<p data-search-exclude="source">Source: {links}</p>']
    return lines
