"""Everything the macros need, loaded and validated once per build.

SiteData holds the parsed data files and records what each page placed, so
the end of the build can insist that every correction, table and question
appears exactly once. Lookups raise DataError with an actionable message.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import re

from . import corrections as corr
from . import tables as tbl
from .loader import DataError, heading_titles, page_anchors


def nav_titles(nav: list) -> dict[str, str]:
    """Page file -> nav title, from mkdocs.yml's nav (nested sections included)."""
    titles: dict[str, str] = {}
    for entry in nav or []:
        if isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, str):
                    titles[target] = title
                else:
                    titles.update(nav_titles(target))
    return titles


def macro_pages(docs_dir: Path, macro: str) -> dict[str, str]:
    """First argument of each {{ macro("x") }} call -> the page that makes it."""
    call = re.compile(r"\{\{\s*" + macro + r"\(\s*[\"']([^\"']+)[\"']")
    found: dict[str, str] = {}
    for path in sorted(docs_dir.glob("*.md")):
        for key in call.findall(path.read_text(encoding="utf-8")):
            found.setdefault(key, path.name)
    return found


@dataclass
class SiteData:
    root: Path
    docs_dir: Path
    anchors: dict[str, set[str]]
    titles: dict[tuple[str, str], str]
    page_titles: dict[str, str]
    corrections: dict[str, corr.Correction]
    tables: dict[str, tbl.Table]
    table_pages: dict[str, str]
    placed: Counter = field(default_factory=Counter)

    @classmethod
    def load(cls, project_dir: str, conf) -> "SiteData":
        root = Path(project_dir)
        docs_dir = Path(conf["docs_dir"])
        data_dir = root / "macros" / "data"
        anchors = page_anchors(docs_dir)
        return cls(
            root=root, docs_dir=docs_dir, anchors=anchors,
            titles=heading_titles(docs_dir), page_titles=nav_titles(conf["nav"]),
            corrections=corr.load_corrections(data_dir, anchors, root=root),
            tables=tbl.load_tables(data_dir, root=root),
            table_pages=macro_pages(docs_dir, "table"),
        )

    # -- placement bookkeeping ----------------------------------------------------
    def _place(self, kind: str, key: str, where: str) -> None:
        self.placed[(kind, key)] += 1
        if self.placed[(kind, key)] > 1:
            raise DataError(f"docs/{where}", f"{kind} '{key}' is placed more than once "
                            "(each may appear on the site once: its id is its anchor)")

    def check_all_placed(self) -> None:
        missing = [f"correction '{c.id}' (docs/{c.page})" for c in self.corrections.values()
                   if not self.placed[("correction", c.id)]]
        missing += [f"table '{t}' (macros/data/tables/{t}.yml)" for t in self.tables
                    if not self.placed[("table", t)]]
        if missing:
            raise DataError("macros/data", "never placed on a page: " + "; ".join(missing))

    # -- corrections ------------------------------------------------------------------
    def correction(self, correction_id: str, page: str) -> str:
        c = self.corrections.get(correction_id)
        if c is None:
            raise DataError(f"docs/{page}", f"correction(\"{correction_id}\"): no such id in "
                            "macros/data/corrections/")
        if c.page != page:
            raise DataError(f"docs/{page}", f"correction '{correction_id}' belongs on "
                            f"docs/{c.page} (its data file is named after that page)")
        self._place("correction", correction_id, page)
        return corr.render_correction(c)

    def corrections_list(self) -> str:
        return corr.render_corrections_list(self.corrections, self.page_titles, self.titles)

    # -- tables -------------------------------------------------------------------------
    def table(self, table_id: str, page: str) -> str:
        t = self.tables.get(table_id)
        if t is None:
            raise DataError(f"docs/{page}", f"table(\"{table_id}\"): no such table (known: "
                            f"{', '.join(self.tables)})")
        self._place("table", table_id, page)
        return tbl.render_table(t)

    def tables_index(self) -> str:
        return tbl.render_tables_index(self.tables, self.table_pages, self.page_titles)
