"""Corrections to the cheat sheet: loading, validation and rendering.

Data: macros/data/corrections/<page>.yml, a list per section page, in the
order the points appear on that page. Each entry quotes what the sheet says,
states what is right (Markdown, rendered by markup.py) and links the AWS page that shows it.

    {{ correction("kds-read-throughput") }}   the box, under the section it fixes
    {{ corrections_list() }}                  every correction, on corrections.md
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .loader import (DataError, Field, check_mapping, check_slug, check_url,
                     expect_list, line_of, load_yaml, one_of)
from .markup import UnsafeMarkup, page_href, render_markdown

KINDS = {
    "wrong": "Wrong",
    "imprecise": "Imprecise",
    "outdated": "Outdated",
    "unverified": "Unverified",
    "typo": "Typo",
}

SPEC = {
    "id": Field(str, check=check_slug),
    "anchor": Field(str, check=check_slug),
    "sheet": Field(str),
    "right": Field(str),
    "source": Field(str, required=False, check=check_url),
    "kind": Field(str, check=one_of(KINDS)),
}


@dataclass(frozen=True)
class Correction:
    id: str
    page: str      # e.g. "streaming-data-collection.md"
    anchor: str    # heading id of the section the correction sits in
    sheet: str
    right: str
    source: str | None
    kind: str

    @property
    def box_id(self) -> str:
        return f"fix-{self.id}"


def load_corrections(data_dir: Path, anchors: dict[str, set[str]], *,
                     root: Path) -> dict[str, Correction]:
    """All corrections by id, in page order; checks ids, anchors and fields."""
    found: dict[str, Correction] = {}
    where: dict[str, str] = {}  # id -> file:line, for a duplicate's message
    for path in sorted((data_dir / "corrections").glob("*.yml")):
        shown = str(path.relative_to(root))
        page = path.stem + ".md"
        if page not in anchors:
            raise DataError(shown, f"no page docs/{page} for this file: name the file after "
                            "the page its corrections appear on")
        for index, raw in enumerate(expect_list(load_yaml(path, root=root), file=shown,
                                                what="corrections")):
            item = f"correction #{index + 1}"
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                item = f"correction '{raw['id']}'"
            check_mapping(raw, SPEC, file=shown, item=item)
            line = line_of(raw)
            if raw["id"] in found:
                raise DataError(shown, f"duplicate id: also used in {where[raw['id']]} (ids "
                                "are unique across all correction files)", item=item,
                                field="id", line=line)
            where[raw["id"]] = f"{shown}:{line}" if line else shown
            if raw["anchor"] not in anchors[page]:
                raise DataError(shown, f"no heading {{ #{raw['anchor']} }} on docs/{page}",
                                item=item, field="anchor", line=line)
            if raw["kind"] != "unverified" and "source" not in raw and raw["kind"] != "typo":
                raise DataError(shown, "a source URL is required unless kind is "
                                "'unverified' or 'typo'", item=item, field="source", line=line)
            try:
                render_markdown(raw["right"])
            except UnsafeMarkup as exc:
                raise DataError(shown, str(exc), item=item, field="right", line=line) from None
            found[raw["id"]] = Correction(page=page, source=raw.get("source"), **{
                k: v for k, v in raw.items() if k != "source"})
    return found


def _source_line(source: str | None, kind: str) -> str:
    if source:
        label = html.escape(source.removeprefix("https://"))
        return (f'<p data-search-exclude="source">Source: '
                f'<a href="{html.escape(source)}">{label}</a></p>')
    if kind == "unverified":
        return "<p>Source: none found. No AWS documentation supports the sheet's claim.</p>"
    return ""


def render_correction(c: Correction) -> str:
    """The Correction box for a page, with its own stable id: compact, so the notes read
    first. What is right shows, led by the kind of error; what the sheet said and the
    source fold away in a <details>, which needs no script."""
    sheet = c.sheet.strip().replace("\n", " ")
    source = _source_line(c.source, c.kind)
    lines = [
        f'<div class="correction" id="{c.box_id}">',
        f'<p class="correction__kind">Correction: {KINDS[c.kind].lower()}</p>',
        render_markdown(c.right),
        '<details class="correction__more">',
        f"<summary data-search-exclude=\"summary\">What the sheet says{', and the source' if source else ''}</summary>",
        f"<p>The sheet says: <q>{_escape(sheet)}</q></p>",
        source,
        "</details>",
        "</div>",
    ]
    return "\n".join(line for line in lines if line)


def render_corrections_list(corrections: dict[str, Correction], page_titles: dict[str, str],
                            heading_titles: dict[tuple[str, str], str]
                            ) -> list[tuple[str, str, str]]:
    """Every correction, grouped by page: (heading, heading id, HTML list) per page, each
    item linked to its section and its box. The headings stay Markdown (they belong in
    the table of contents); the lists are finished HTML."""
    groups: dict[str, list[str]] = {}
    for c in corrections.values():
        section = heading_titles.get((c.page, c.anchor), c.anchor)
        sheet = c.sheet.strip().replace("\n", " ")
        groups.setdefault(c.page, []).append(
            f'<li><strong>{KINDS[c.kind]}</strong> in '
            f'<a href="{page_href(c.page, c.anchor)}">{html.escape(section)}</a>: '
            f"the sheet says <q>{_escape(sheet)}</q> "
            f'<a href="{page_href(c.page, c.box_id)}">What is right</a></li>')
    return [(page_titles.get(page, page), "list-" + page.removesuffix(".md"),
             "<ul>" + "".join(items) + "</ul>") for page, items in groups.items()]


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
