"""Comparison tables: loading, validation and rendering.

Data: macros/data/tables/<id>.yml, one file per table in TABLE_IDS. Each file
holds a caption, a one-line summary, the AWS pages it cites (`sources`), and
its rows; what a row may hold is declared per table in SPECS below.

    {{ table("kds-vs-msk") }}   the table, with anchor "table-kds-vs-msk"
    {{ tables_index() }}        a linked list of every table (comparison-tables.md)

A file's top level:

    caption: Kinesis Data Streams vs Amazon MSK       # shown above the table
    summary: How the two compare on ...               # one line, for the index
    sources:                                          # AWS pages, cited by key
      kds-limits:
        title: Kinesis Data Streams quotas and limits  # the link text
        url: https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
    limits: {write_mb_per_s: 1, ...}                  # numbers (kds-shard-limits only)
    notes: [...]                                      # optional, shown under the table
    rows:
      - aspect: Retention                             # first column: the row header
        kds: 24 hours by default ...
        source: kds-retention                         # a key, a list of keys, or "none"

Cell text is escaped, then `code` and **bold** are rendered; a cell may also
be a list of strings (shown as a list). `{name}` in a cell is replaced by the
number `limits.name`, so a figure is written once. `source: none` marks a
row that rests on general practice, with no AWS page behind it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlparse

from .loader import (DataError, Field, check_mapping, check_slug, expect_list, line_of,
                     load_yaml)
from .markup import escape_text, page_href, render_inline_text

TABLE_IDS = (
    "kinesis-family", "kds-vs-msk", "firehose-destinations", "kds-shard-limits",
    "builtin-algorithms", "data-input-modes", "deployment-strategies",
    "classification-metrics",
)

NO_SOURCE = "none"
AWS_DOC_HOSTS = ("docs.aws.amazon.com", "aws.amazon.com")


# -- Data model ----------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = True


@dataclass(frozen=True)
class Facet:
    """A filter on a table: each row lists the options it matches.

    Rendered as a <select> in the table's filter form and as the row
    attribute data-<key>="a b"; with `shown`, also as a column of labels.
    """
    key: str          # one lowercase word: the data attribute and select name
    label: str
    options: dict[str, str]
    shown: bool = False


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str


@dataclass(frozen=True)
class Row:
    cells: dict[str, str | tuple[str, ...]]
    sources: tuple[Source, ...]
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    summary: str = ""
    columns: tuple[Column, ...] = ()
    rows: tuple[Row, ...] = ()
    facets: tuple[Facet, ...] = ()
    notes: tuple[str, ...] = ()
    limits: dict[str, int | float] = field(default_factory=dict)
    row_noun: str = "rows"
    extra: Callable[["Table"], str] | None = None
    prefix: str = ""   # a copy elsewhere (the comparison page) prefixes every id

    @property
    def anchor(self) -> str:
        return f"{self.prefix}table-{self.id}"


# -- Per-table schemas -----------------------------------------------------------------

@dataclass(frozen=True)
class Spec:
    """What one table file may hold: its columns (the first is the row header),
    its facets, its numeric limits, and an optional extra renderer."""
    columns: tuple[Column, ...]
    facets: tuple[Facet, ...] = ()
    limits: dict[str, Field] | None = None
    row_noun: str = "rows"
    extra: Callable[[Table], str] | None = None


def _number_check(value: int | float) -> str | None:
    return None if value > 0 else f"must be greater than 0, got {value}"


def _limit(types: type | tuple[type, ...] = int) -> Field:
    return Field(types, check=_number_check)


# Read by the shard calculator as well: numbers only, one clearly named key each.
KDS_LIMITS = {
    "write_mb_per_s": _limit((int, float)),
    "write_records_per_s": _limit(),
    "read_mb_per_s_shared": _limit((int, float)),
    "read_getrecords_calls_per_s": _limit(),
    "read_max_mb_per_call": _limit((int, float)),
    "read_max_records_per_call": _limit(),
    "read_mb_per_s_per_efo_consumer": _limit((int, float)),
    "max_efo_consumers": _limit(),
    "max_efo_consumers_on_demand_advantage": _limit(),
    "max_record_mib_default": _limit((int, float)),
    "max_record_mib_configurable": _limit((int, float)),
    "putrecords_max_records": _limit(),
    "putrecords_max_mib": _limit((int, float)),
    "retention_hours_default": _limit(),
    "retention_hours_extended_max": _limit(),
    "retention_hours_long_term_max": _limit(),
    "shard_quota_major_regions": _limit(),
    "shard_quota_other_regions_low": _limit(),
    "shard_quota_other_regions_high": _limit(),
    "on_demand_initial_write_mb_per_s": _limit((int, float)),
    "on_demand_initial_read_mb_per_s": _limit((int, float)),
}

LEARNING = {"supervised": "Supervised", "unsupervised": "Unsupervised"}
TRAIN_HARDWARE = {"cpu": "CPU", "gpu": "GPU", "multi-gpu": "Multi-GPU (one instance)",
                  "multi-instance": "Multi-instance (distributed)"}


# -- kds-shard-limits: the worked example, computed from the limits --------------------------

SHARD_EXAMPLE_CAPTION = "Worked example: throughput for 1, 2 and N shards"


def scaled(value: int | float, shards: int | None) -> str:
    """A per-shard figure for a number of shards; None means N shards."""
    return f"N × {format_number(value)}" if shards is None else format_number(value * shards)


def shard_example_rows(limits: dict[str, int | float],
                       counts: tuple[int, ...] = (1, 2)) -> list[tuple[str, list[str]]]:
    """(row header, cells) for each shard count and then N: write in, shared read out,
    enhanced fan-out per consumer, and enhanced fan-out with the most consumers."""
    efo = limits["read_mb_per_s_per_efo_consumer"]
    efo_all = efo * limits["max_efo_consumers"]
    rows = []
    for shards in (*counts, None):
        name = "N shards" if shards is None else f"{shards} shard{'s' * (shards > 1)}"
        rows.append((name, [
            f"{scaled(limits['write_mb_per_s'], shards)} MB/s or "
            f"{scaled(limits['write_records_per_s'], shards)} records/s",
            f"{scaled(limits['read_mb_per_s_shared'], shards)} MB/s in total",
            f"{scaled(efo, shards)} MB/s for each consumer",
            f"{scaled(efo_all, shards)} MB/s in total",
        ]))
    return rows


def render_shard_example(table: Table) -> str:
    most = format_number(table.limits["max_efo_consumers"])
    head = header_row(["Shards", "Write (in)", "Shared read (out, all consumers)",
                       "Enhanced fan-out (out)", f"Enhanced fan-out, {most} consumers (out)"])
    body = [body_row(esc(name), [esc(c) for c in cells])
            for name, cells in shard_example_rows(table.limits)]
    return scroll_table(SHARD_EXAMPLE_CAPTION, head, body, caption=SHARD_EXAMPLE_CAPTION)


SPECS: dict[str, Spec] = {
    "kinesis-family": Spec(columns=(
        Column("service", "Service"), Column("does", "What it does"),
        Column("latency", "Latency"), Column("scaling", "How it scales"),
        Column("retention", "Retention"), Column("consumers", "Typical consumers"),
    )),
    "kds-vs-msk": Spec(columns=(
        Column("aspect", "Aspect"), Column("kds", "Kinesis Data Streams"),
        Column("msk", "Amazon MSK"),
    )),
    "firehose-destinations": Spec(columns=(
        Column("destination", "Destination"), Column("buffer_size", "Buffer size"),
        Column("buffer_interval", "Buffer interval"), Column("delivery", "How it delivers"),
    )),
    "kds-shard-limits": Spec(columns=(
        Column("limit", "Limit"), Column("value", "Value"),
        Column("notes", "Notes", required=False),
    ), limits=KDS_LIMITS, extra=render_shard_example),
    "builtin-algorithms": Spec(columns=(
        Column("algorithm", "Algorithm"), Column("problem", "Problem type"),
        Column("training", "Training hardware"), Column("inference", "Inference hardware"),
        Column("input", "Training input"), Column("use_cases", "Typical use cases"),
    ), facets=(
        Facet("learning", "Learning type", LEARNING, shown=True),
        Facet("train", "Training hardware", TRAIN_HARDWARE),
    ), row_noun="algorithms"),
    "data-input-modes": Spec(columns=(
        Column("name", "Mode or format"), Column("kind", "Kind"),
        Column("what", "What it is"), Column("algorithms", "Built-in algorithms"),
    )),
    "deployment-strategies": Spec(columns=(
        Column("strategy", "Strategy"), Column("how", "How it works"),
        Column("risk", "Risk"), Column("cost", "Cost"), Column("time", "Time"),
        Column("when", "When to use"),
    )),
    "classification-metrics": Spec(columns=(
        Column("metric", "Metric"), Column("formula", "Formula"),
        Column("measures", "What it measures"), Column("low", "What a low value means"),
    )),
}


# -- Field checks ------------------------------------------------------------------------

def check_text(value: str | list) -> str | None:
    """A cell: text, or a non-empty list of texts."""
    if isinstance(value, str):
        return None
    if not value:
        return "must not be an empty list"
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return f"list items must be non-empty text, got {item!r}"
    return None


def check_aws_url(value: str) -> str | None:
    parts = urlparse(value)
    if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in value):
        return f"'{value}' is not an https:// URL"
    if parts.netloc not in AWS_DOC_HOSTS:
        return (f"'{value}' is not on AWS documentation (allowed hosts: "
                f"{', '.join(AWS_DOC_HOSTS)})")
    return None


def check_choices(options: dict[str, str]):
    def check(value: list) -> str | None:
        if not value:
            return f"must list at least one of: {', '.join(options)}"
        unknown = [v for v in value if v not in options]
        if unknown:
            return f"{unknown[0]!r} is not one of: {', '.join(options)}"
        if len(set(value)) != len(value):
            return "lists a value twice"
        return None
    return check


def check_source_keys(known: dict[str, Source]):
    def check(value: str | list) -> str | None:
        keys = [value] if isinstance(value, str) else value
        if not keys:
            return "must name at least one source (or be 'none')"
        if NO_SOURCE in keys and len(keys) > 1:
            return f"'{NO_SOURCE}' cannot be combined with other sources"
        for key in keys:
            if key != NO_SOURCE and key not in known:
                names = ", ".join(known) or "(this file has none)"
                return (f"no source '{key}' under this file's 'sources' (known: {names}; "
                        f"or '{NO_SOURCE}' where no AWS page exists)")
        return None
    return check


FILE_SPEC = {
    "caption": Field(str),
    "summary": Field(str),
    "sources": Field(dict),
    "rows": Field(list),
    "notes": Field(list, required=False, check=check_text),
}

SOURCE_SPEC = {"title": Field(str), "url": Field(str, check=check_aws_url)}


def file_spec(spec: Spec) -> dict[str, Field]:
    if spec.limits is None:
        return FILE_SPEC
    return {**FILE_SPEC, "limits": Field(dict)}


def row_spec(spec: Spec, sources: dict[str, Source]) -> dict[str, Field]:
    fields = {c.key: Field((str, list), required=c.required, check=check_text)
              for c in spec.columns}
    fields.update({f.key: Field(list, check=check_choices(f.options)) for f in spec.facets})
    fields["source"] = Field((str, list), check=check_source_keys(sources))
    return fields


# -- Loading -------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)\}")


def format_number(value: int | float) -> str:
    """1000 -> '1,000'; 0.5 -> '0.5'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def fill_limits(text: str, limits: dict[str, int | float]) -> str:
    """Replace each {name} with the formatted number limits[name] (KeyError if unknown)."""
    return PLACEHOLDER.sub(lambda m: format_number(limits[m.group(1)]), text)


def load_tables(data_dir: Path, *, root: Path) -> dict[str, Table]:
    """Every table in TABLE_IDS order, from data_dir/tables/<id>.yml; raises DataError."""
    folder = data_dir / "tables"
    files = {p.stem: p for p in sorted(folder.glob("*.y*ml"))}
    for stem, path in files.items():
        shown = _shown(path, root)
        if path.suffix != ".yml":
            raise DataError(shown, "table files end in .yml")
        if stem not in SPECS:
            raise DataError(shown, f"no table '{stem}': name the file after one of "
                            f"{', '.join(TABLE_IDS)}")
    missing = [t for t in TABLE_IDS if t not in files]
    if missing:
        raise DataError(_shown(folder, root), "missing table file(s): " +
                        ", ".join(f"{t}.yml" for t in missing))
    return {t: load_table(t, files[t], root=root) for t in TABLE_IDS}


def load_table(table_id: str, path: Path, *, root: Path) -> Table:
    """One table file, validated against SPECS[table_id]."""
    spec = SPECS[table_id]
    shown = _shown(path, root)
    data = load_yaml(path, root=root)
    if not isinstance(data, dict):
        raise DataError(shown, "must be a mapping with caption, summary, sources and rows")
    check_mapping(data, file_spec(spec), file=shown, item=f"table '{table_id}'")
    sources = _load_sources(data["sources"], shown, line_of(data))
    limits = _load_limits(data, spec, shown)
    rows = expect_list(data["rows"], file=shown, what="rows")
    fields = row_spec(spec, sources)
    loaded = tuple(_load_row(raw, index, spec, fields, sources, limits, shown)
                   for index, raw in enumerate(rows))
    _check_unique_headers(rows, spec, shown)
    notes = _fill_cell(data.get("notes", []), limits, shown, f"table '{table_id}'", "notes",
                       line_of(data))
    return Table(id=table_id, caption=data["caption"].strip(), summary=data["summary"].strip(),
                 columns=spec.columns, rows=loaded, facets=spec.facets, notes=notes,
                 limits=limits, row_noun=spec.row_noun, extra=spec.extra)


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root) if path.is_relative_to(root) else path)


def _load_sources(raw: dict, shown: str, line: int | None) -> dict[str, Source]:
    if not raw:
        raise DataError(shown, "must list at least one AWS page", field="sources", line=line)
    sources: dict[str, Source] = {}
    for key, entry in raw.items():
        item = f"source '{key}'"
        problem = check_slug(key) if isinstance(key, str) else "keys must be text"
        if problem or key == NO_SOURCE:
            raise DataError(shown, problem or f"'{NO_SOURCE}' is reserved", item=item,
                            field="sources", line=line_of(raw, line))
        check_mapping(entry, SOURCE_SPEC, file=shown, item=item, line=line_of(raw, line))
        sources[key] = Source(key=key, title=entry["title"].strip(), url=entry["url"])
    return sources


def _load_limits(data: dict, spec: Spec, shown: str) -> dict[str, int | float]:
    if spec.limits is None:
        return {}
    check_mapping(data["limits"], spec.limits, file=shown, item="limits",
                  line=line_of(data))
    return dict(data["limits"])


def _row_item(raw: Any, index: int, spec: Spec) -> str:
    header = raw.get(spec.columns[0].key) if isinstance(raw, dict) else None
    return f"row '{header}'" if isinstance(header, str) else f"row #{index + 1}"


def _load_row(raw: Any, index: int, spec: Spec, fields: dict[str, Field],
              sources: dict[str, Source], limits: dict, shown: str) -> Row:
    item = _row_item(raw, index, spec)
    check_mapping(raw, fields, file=shown, item=item)
    line = line_of(raw)
    header = raw[spec.columns[0].key]
    if not isinstance(header, str):
        raise DataError(shown, "the row header must be text, not a list", item=item,
                        field=spec.columns[0].key, line=line)
    cells = {c.key: _fill_cell(raw[c.key], limits, shown, item, c.key, line)
             for c in spec.columns if c.key in raw}
    keys = [raw["source"]] if isinstance(raw["source"], str) else raw["source"]
    return Row(cells=cells, sources=tuple(sources[k] for k in keys if k != NO_SOURCE),
               facets={f.key: tuple(raw[f.key]) for f in spec.facets})


def _fill_cell(value: str | list, limits: dict, shown: str, item: str, field_name: str,
               line: int | None) -> str | tuple[str, ...]:
    if isinstance(value, str):
        return _fill(value, limits, shown, item, field_name, line)
    return tuple(_fill(v, limits, shown, item, field_name, line) for v in value)


def _fill(text: str, limits: dict, shown: str, item: str, field_name: str,
          line: int | None) -> str:
    try:
        return fill_limits(text.strip(), limits)
    except KeyError as exc:
        known = ", ".join(limits) or "(this table has no limits)"
        raise DataError(shown, f"{{{exc.args[0]}}} names no number under 'limits' "
                        f"(known: {known})", item=item, field=field_name, line=line) from None


def _check_unique_headers(rows: list, spec: Spec, shown: str) -> None:
    seen: set[str] = set()
    key = spec.columns[0].key
    for raw in rows:
        if raw[key] in seen:
            raise DataError(shown, "two rows have the same header", item=f"row '{raw[key]}'",
                            field=key, line=line_of(raw))
        seen.add(raw[key])


# -- Rendering -----------------------------------------------------------------------------

# Data text goes through macros/markup.py only: escaped, with `code` and **bold**.
esc = escape_text
inline = render_inline_text


def render_cell(value: str | tuple[str, ...] | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return inline(value)
    return html_list([inline(v) for v in value])


# Material's search skips an element with this attribute (and drops the attribute
# once the page is indexed): source links would crowd the search snippets.
NO_SEARCH = 'data-search-exclude="source"'


def render_sources(sources: tuple[Source, ...]) -> str:
    if not sources:
        return '<span class="no-source">General practice (no AWS page)</span>'
    links = [f'<a href="{esc(s.url)}">{esc(s.title)}</a>' for s in sources]
    return f"<div {NO_SEARCH}>{links[0] if len(links) == 1 else html_list(links)}</div>"


def html_list(items: list[str], css_class: str = "cell-list") -> str:
    """A <ul> of items that are already HTML."""
    return f'<ul class="{css_class}">' + "\n".join(f"<li>{i}</li>" for i in items) + "</ul>"


# Cells and list items are joined by a line break: search reads the page's text, and
# without white space between them "Pipe mode" and "Input mode" run together.
def header_row(labels: list[str]) -> str:
    return "<tr>" + "\n".join(f'<th scope="col">{esc(label)}</th>' for label in labels) + "</tr>"


def body_row(header: str, cells: list[str], attrs: str = "") -> str:
    """One <tr>: the header cell (already HTML) as <th scope="row">, then <td>s."""
    return (f"<tr{attrs}><th scope=\"row\">{header}</th>\n"
            + "\n".join(f"<td>{c}</td>" for c in cells) + "</tr>")


def scroll_table(label: str, head: str, body: list[str], caption: str = "",
                 labelledby: str = "") -> str:
    """A <table> in a keyboard-focusable, horizontally scrolling region."""
    named = f' aria-labelledby="{esc(labelledby)}"' if labelledby else ""
    caption_html = f"<caption>{esc(caption)}</caption>" if caption else ""
    return "\n".join([
        '<div class="table-wrap">',
        f'<div class="table-scroll" tabindex="0" role="region" aria-label="{esc(label)}">',
        f"<table{named}>{caption_html}",
        f"<thead>{head}</thead>",
        "<tbody>", *body, "</tbody>",
        "</table>",
        "</div>",
        "</div>",
    ])


def row_attrs(table: Table, row: Row) -> str:
    return "".join(f' data-{f.key}="{esc(" ".join(row.facets[f.key]))}"' for f in table.facets)


def render_rows(table: Table) -> tuple[str, list[str]]:
    first, rest = table.columns[0], table.columns[1:]
    shown = [f for f in table.facets if f.shown]
    labels = [first.label, *(f.label for f in shown), *(c.label for c in rest), "Source"]
    body = []
    for row in table.rows:
        facet_cells = [esc(", ".join(f.options[v] for v in row.facets[f.key])) for f in shown]
        cells = [render_cell(row.cells.get(c.key)) for c in rest]
        body.append(body_row(render_cell(row.cells[first.key]),
                             [*facet_cells, *cells, render_sources(row.sources)],
                             row_attrs(table, row)))
    return header_row(labels), body


def render_filter(table: Table) -> str:
    """A form of <select>s that site.js wires up; hidden without JS (data-js-only)."""
    if not table.facets:
        return ""
    controls = []
    for facet in table.facets:
        control_id = f"{table.anchor}-filter-{facet.key}"
        options = "".join(f'<option value="{esc(k)}">{esc(v)}</option>'
                          for k, v in facet.options.items())
        controls.append(f'<label for="{control_id}">{esc(facet.label)}</label>'
                        f'<select id="{control_id}" name="{esc(facet.key)}">'
                        f'<option value="">All</option>{options}</select>')
    return "\n".join([
        f'<form class="table-filter" data-table-filter="{esc(table.row_noun)}" '
        f'aria-label="Filter: {esc(table.caption)}" data-js-only>',
        *controls,
        '<button type="reset" class="md-button">Show all</button>',
        "</form>",
    ])


def render_status(table: Table) -> str:
    if not table.facets:
        return ""
    return ('<p class="table-filter-status" role="status" aria-live="polite" '
            "data-table-filter-status></p>")


def render_notes(table: Table) -> str:
    if not table.notes:
        return ""
    return html_list([inline(n) for n in table.notes], "table-notes")


def render_table(table: Table, *, caption_shown: bool = True) -> str:
    """The table as HTML in a <figure> whose id is the table's anchor; without
    `caption_shown`, the caption is for screen readers only (a heading shows it)."""
    caption_id = f"{table.anchor}-caption"
    head, body = render_rows(table)
    hidden = "" if caption_shown else ' class="sr-only"'
    parts = [
        f'<figure class="data-table" id="{table.anchor}">',
        f'<figcaption id="{caption_id}"{hidden}>{esc(table.caption)}</figcaption>',
        render_filter(table),
        scroll_table(table.caption, head, body, labelledby=caption_id),
        render_status(table),
        table.extra(table) if table.extra else "",
        render_notes(table),
        "</figure>",
    ]
    return "\n".join(p for p in parts if p)


# -- Index ------------------------------------------------------------------------------------

COPY_PREFIX = "compare-"


def placed_tables(tables: dict[str, Table], placements: dict[str, str],
                  page_titles: dict[str, str]):
    """(table, its page, the page's title) for every table some page places."""
    for table in tables.values():
        page = placements.get(table.id)
        if page is not None:
            yield table, page, page_titles.get(page, page.removesuffix(".md"))


def render_tables_gallery(tables: dict[str, Table], placements: dict[str, str],
                          page_titles: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """Every placed table, for the comparison page: (heading, heading id, finished HTML
    with its summary and a link to where it is taught, the copy's HTML). The copy's ids
    all start with COPY_PREFIX, so they never clash with the original's, and its filter
    works on its own rows. Only the heading goes through Markdown, escaped."""
    out = []
    for table, page, title in placed_tables(tables, placements, page_titles):
        line = (f"<p>{inline(table.summary)} Where it is taught: "
                f'<a href="{esc(page_href(page, table.anchor))}">{esc(title)}</a>.</p>')
        copy = replace(table, prefix=COPY_PREFIX)
        out.append((md_heading_text(table.caption), f"{COPY_PREFIX}{table.id}", line,
                    render_table(copy, caption_shown=False)))
    return out


def md_heading_text(text: str) -> str:
    """A caption as the text of a Markdown heading: HTML escaped, Markdown's own
    characters backslash-escaped, so it can only ever be words."""
    return re.sub(r"([\\`*_\[\]{}()#+!<>|~-])", r"\\\1", esc(text))


def render_tables_index(tables: dict[str, Table], placements: dict[str, str],
                        page_titles: dict[str, str]) -> str:
    """Finished HTML: each placed table linked by page.html#table-<id>, with its page
    and summary. Never Markdown: a summary must not become a link or an image."""
    items = []
    for table, page, title in placed_tables(tables, placements, page_titles):
        items.append(f'<li><a href="{esc(page_href(page, table.anchor))}">{esc(table.caption)}'
                     f"</a> ({esc(title)}): {inline(table.summary)}</li>")
    return "<ul>" + "".join(items) + "</ul>"
