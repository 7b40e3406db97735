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
