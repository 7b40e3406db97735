"""Reading comfort on finished page HTML (macros/hooks.py, before search reads it).

- Markdown tables get the same scrolling region as the data tables
  (tables.scroll_table): a keyboard-focusable, labelled box that scrolls on
  its own, so a wide table never widens the page; site.css keeps the first
  column in view and says when more columns follow.
"""
from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>.*?</table>", re.S)
_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", _PERMALINK.sub("", fragment))).split())


def region(label: str, inner: str) -> str:
    """`inner` (a <table>) in the scrolling region every table on the site sits in."""
    return ('<div class="table-scroll" tabindex="0" role="region" '
            f'aria-label="{html.escape(label, quote=True)}">{inner}</div>')


def wrap_markdown_tables(page_html: str) -> str:
    """Each Markdown <table> (no attributes) in a region named after its section;
    a second table under the same heading is numbered, so every name is unique."""
    headings = [(m.start(), _text(m.group(2))) for m in _HEADING.finditer(page_html)]
    seen: dict[str, int] = {}

    def wrap(match: re.Match) -> str:
        section = next((t for pos, t in reversed(headings) if pos < match.start()), "")
        label = f"Table: {section}" if section else "Table"
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label += f" ({seen[label]})"
        return region(label, match.group(0))

    return _TABLE.sub(wrap, page_html)


# -- Search ranking --------------------------------------------------------------------
# Material's search scores every section alike (BM25 without length normalisation),
# so "XGBoost" ranked "XGBoost pros and cons" above the XGBoost section itself. Each
# entry gets a boost by its heading's level: when a section and its sub-sections
# match a query equally, the broader section comes first. A title match still
# outweighs any text match (Material boosts titles a thousandfold).
def section_boost(level: int) -> float:
    """1 for the page and its h2 sections, then a little less for each level down."""
    return 1.0 if level <= 2 else round(1 / (1 + 0.15 * (level - 2)), 3)


def heading_levels(toc) -> dict[str, int]:
    levels: dict[str, int] = {}
    for item in toc:
        levels[item.id] = item.level
        levels.update(heading_levels(item.children))
    return levels


COPY_BOOST = 0.5   # a table's copy on the comparison page ranks below the original


def rank_sections(entries: list[dict], page_url: str, toc) -> None:
    """Set a boost on this page's search entries (Material's index honours it per entry)."""
    from .tables import COPY_PREFIX

    levels = heading_levels(toc)
    for entry in entries:
        base, _, anchor = entry["location"].partition("#")
        if base != page_url or anchor not in levels:
            continue
        boost = COPY_BOOST if anchor.startswith(COPY_PREFIX) else section_boost(levels[anchor])
        if boost != 1.0:
            entry["boost"] = boost
