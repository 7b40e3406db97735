"""Comparison tables: loading, validation and rendering (STUB: being written).

Interface used by site_data.py:
    TABLE_IDS                       the tables, in the order of the tables index
    load_tables(data_dir, root=)    -> dict[id, Table]; raises loader.DataError
    render_table(table)             -> str (HTML/Markdown) with anchor id "table-<id>"
    render_tables_index(tables, placements, page_titles) -> str (Markdown)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TABLE_IDS = (
    "kinesis-family", "kds-vs-msk", "firehose-destinations", "kds-shard-limits",
    "builtin-algorithms", "data-input-modes", "deployment-strategies",
    "classification-metrics",
)


@dataclass(frozen=True)
class Table:
    id: str
    caption: str


def load_tables(data_dir: Path, *, root: Path) -> dict[str, Table]:
    return {t: Table(t, t.replace("-", " ").capitalize()) for t in TABLE_IDS}


def render_table(table: Table) -> str:
    return (f'<figure class="data-table" id="table-{table.id}" markdown>\n'
            f"<figcaption>{table.caption} (table pending)</figcaption>\n</figure>")


def render_tables_index(tables: dict[str, Table], placements: dict[str, str],
                        page_titles: dict[str, str]) -> str:
    return "\n".join(f"- [{t.caption}]({placements[t.id]}#table-{t.id})"
                     for t in tables.values() if t.id in placements)
