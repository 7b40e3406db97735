"""Reading comfort: Markdown tables in scrolling regions, and search ranking.

Both work the same whether or not macros/hooks.py runs (tests/test_builders.py):

- TableRegions, a Markdown extension that define_env adds to the build: each
  Markdown table gets the region the data tables have (tables.scroll_table), a
  keyboard-focusable, labelled box that scrolls on its own, so a wide table never
  widens the page; site.css keeps the first column in view and says when more
  columns follow.
- rank_search_index, run by the macros module at the end of the build (before the
  offline plugin inlines the index): each section's search entry gets a boost by
  its heading's level (see section_boost).
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


# -- Markdown tables ------------------------------------------------------------------
def _text(el: etree.Element) -> str:
    return " ".join("".join(el.itertext()).replace("¶", "").split())


class _TableRegions(Treeprocessor):
    """Wrap each <table> in <div class="table-scroll" tabindex="0" role="region"
    aria-label="Table: <section>">; a second table under the same heading is
    numbered, so every region's name is unique on the page."""

    def run(self, root: etree.Element) -> None:
        section, seen = "", {}

        def walk(parent: etree.Element) -> None:
            nonlocal section
            for index, child in enumerate(list(parent)):
                if child.tag in _HEADINGS:
                    section = _text(child)
                elif child.tag == "table" and not child.get("class"):
                    label = f"Table: {section}" if section else "Table"
                    seen[label] = seen.get(label, 0) + 1
                    if seen[label] > 1:
                        label += f" ({seen[label]})"
                    region = etree.Element("div", {"class": "table-scroll", "tabindex": "0",
                                                   "role": "region", "aria-label": label})
                    region.tail, child.tail = child.tail, None
                    parent.remove(child)
                    region.append(child)
                    parent.insert(index, region)
                else:
                    walk(child)

        walk(root)


class TableRegions(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's API)
        # After attr_list (8), which sets heading ids; before the toc's permalinks.
        md.treeprocessors.register(_TableRegions(md), "mls_table_regions", 6)


def add_to(config) -> None:
    """Add TableRegions to the build's Markdown extensions (MkDocs passes the list to
    Python-Markdown, which takes instances as well as names), once."""
    extensions = config.get("markdown_extensions")
    if isinstance(extensions, list) and not any(isinstance(e, TableRegions)
                                                for e in extensions):
        extensions.append(TableRegions())


# -- Search ranking --------------------------------------------------------------------
# Material's search scores every section alike (BM25 without length normalisation),
# so "XGBoost" ranked "XGBoost pros and cons" above the XGBoost section itself. Each
# entry gets a boost by its heading's level: when a section and its sub-sections
# match a query equally, the broader section comes first. A title match still
# outweighs any text match (Material boosts titles a thousandfold).
COPY_BOOST = 0.5   # a table's copy on the comparison page ranks below the original
_HEADING_LINE = re.compile(r"^(#{1,6})\s.*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")


def section_boost(level: int) -> float:
    """1 for the page and its h2 sections, then a little less for each level down."""
    return 1.0 if level <= 2 else round(1 / (1 + 0.15 * (level - 2)), 3)


def heading_levels(docs_dir: Path) -> dict[str, int]:
    """'page.html#id' -> heading level, from the Markdown sources (every heading has
    an explicit id; headings that macros write are h2, the default)."""
    levels: dict[str, int] = {}
    for path in sorted(docs_dir.glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := _HEADING_LINE.match(line):
                levels[f"{path.stem}.html#{match.group(2)}"] = len(match.group(1))
    return levels


def boost_for(location: str, levels: dict[str, int]) -> float:
    from .tables import COPY_PREFIX

    if location.partition("#")[2].startswith(COPY_PREFIX):
        return COPY_BOOST
    return section_boost(levels.get(location, 2))


def rank_search_index(site_dir: Path, docs_dir: Path) -> bool:
    """Set the boosts in site_dir/search/search_index.json, written as Material
    writes it; False when there is no index (search off)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    levels = heading_levels(docs_dir)
    for entry in index["docs"]:
        boost = boost_for(entry["location"], levels)
        if boost != 1.0:
            entry["boost"] = boost
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
    return True
