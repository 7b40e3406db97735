"""The MLA-C01 exam (AWS Certified Machine Learning Engineer - Associate): its facts
and task statements (macros/data/mla-c01.yml), and the coverage map of this site.

    {{ mla_facts() }}      the exam's figures, with their source and what is unverified
    {{ mla_coverage() }}   per domain and task statement: the sections of this site that
                           cover it and how many questions test it, or "not covered here"

Coverage is counted, not claimed: a task is covered by the sections whose questions
carry its `mla` tag (quizzes/README.md). The YAML's `not_covered` notes say plainly
what the sheet has nothing for.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .loader import DataError, Field, check_mapping, check_url, line_of, load_yaml
from .markup import UnsafeMarkup, page_href, render_markdown

FILE = "mla-c01.yml"

FACT_KEYS = ("code", "name", "questions", "scored", "minutes", "passing", "scale")


def _fact_keys(value: list) -> str | None:
    unknown = [v for v in value if v not in FACT_KEYS]
    return f"{unknown[0]!r} is not one of: {', '.join(FACT_KEYS)}" if unknown else None


EXAM_SPEC = {
    "code": Field(str), "name": Field(str), "questions": Field(int), "scored": Field(int),
    "minutes": Field(int), "passing": Field(int), "scale": Field(str),
    "unverified": Field(bool, required=False),
    "unverified_fields": Field(list, required=False, check=_fact_keys),
    "source": Field(str, check=check_url),
}
RETIRED_SPEC = {"date": Field(str), "source": Field(str, check=check_url)}
DOMAIN_SPEC = {
    "id": Field(str), "name": Field(str), "weight": Field(int),
    "unverified": Field(bool, required=False), "source": Field(str, check=check_url),
    "tasks": Field(list),
}
TASK_SPEC = {"id": Field(str), "title": Field(str), "not_covered": Field(str, required=False)}


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    not_covered: str | None


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    weight: int
    unverified: bool
    source: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class MlaExam:
    facts: dict
    unverified: tuple[str, ...]
    domains: tuple[Domain, ...]

    @property
    def task_ids(self) -> tuple[str, ...]:
        return tuple(t.id for d in self.domains for t in d.tasks)


def check_against(exam: MlaExam, domains: dict[str, tuple[str, int]], tasks: tuple[str, ...],
                  shown: str) -> None:
    """macros/quiz.py validates tags and weights the exam draw with its own copy of the
    domains and task ids: both must say what this file says."""
    mine = {d.id: (d.name, d.weight) for d in exam.domains}
    if mine != domains or exam.task_ids != tasks:
        raise DataError(shown, "domains or task statements differ from MLA_DOMAINS / MLA_TASKS "
                        "in macros/quiz.py: change both together", field="domains")


def load_mla(data_dir: Path, *, root: Path) -> MlaExam:
    path = data_dir / FILE
    shown = str(path.relative_to(root))
    raw = load_yaml(path, root=root)
    if not isinstance(raw, dict):
        raise DataError(shown, "must be a mapping with 'exam' and 'domains'")
    check_mapping(raw, {"exam": Field(dict), "mls_retired": Field(dict, required=False),
                        "domains": Field(list)}, file=shown, item="file")
    check_mapping(raw["exam"], EXAM_SPEC, file=shown, item="exam", line=line_of(raw))
    if "mls_retired" in raw:
        check_mapping(raw["mls_retired"], RETIRED_SPEC, file=shown, item="mls_retired")
    domains = []
    for i, d in enumerate(raw["domains"], 1):
        item = f"domain {d.get('id', i) if isinstance(d, dict) else i}"
        check_mapping(d, DOMAIN_SPEC, file=shown, item=item)
        tasks = []
        for t in d["tasks"]:
            check_mapping(t, TASK_SPEC, file=shown, item=f"{item} task", line=line_of(t))
            if not t["id"].startswith(d["id"] + "."):
                raise DataError(shown, f"task '{t['id']}' must start with '{d['id']}.'",
                                item=item, field="tasks", line=line_of(t))
            for field in ("title", "not_covered"):
                try:
                    render_markdown(t.get(field) or "x")
                except UnsafeMarkup as exc:
                    raise DataError(shown, str(exc), item=f"task {t['id']}", field=field,
                                    line=line_of(t)) from exc
            tasks.append(Task(t["id"], t["title"].strip(), (t.get("not_covered") or "").strip() or None))
        domains.append(Domain(d["id"], d["name"], d["weight"], bool(d.get("unverified")),
                              d["source"], tuple(tasks)))
    total = sum(d.weight for d in domains)
    if total != 100:
        raise DataError(shown, f"domain weights add up to {total}, not 100", field="domains")
    unverified = tuple(raw["exam"].get("unverified_fields") or
                       (["questions", "scored", "minutes", "passing", "scale"]
                        if raw["exam"].get("unverified") else []))
    facts = dict(raw["exam"])
    if "mls_retired" in raw:
        facts["mls_retired"] = raw["mls_retired"]
    return MlaExam(facts=facts, unverified=unverified, domains=tuple(domains))


def _md(text: str) -> str:
    out = render_markdown(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


NOTE = "*"


def render_facts(exam: MlaExam) -> str:
    """The exam's figures; a figure no AWS page we could check confirms carries a mark
    and the note under the table says so."""
    f = exam.facts
    mark = lambda flag: f'<sup>{NOTE}</sup>' if flag else ""  # noqa: E731
    rows = [("Exam code", f["code"], "code"),
            ("Questions", f"{f['questions']} ({f['scored']} scored, "
             f"{f['questions'] - f['scored']} unscored)", "questions"),
            ("Time", f"{f['minutes']} minutes", "minutes"),
            ("Passing score", f"{f['passing']} on a scale of {f['scale']}", "passing")]
    body = "".join(f'<tr><th scope="row">{html.escape(label)}</th><td>{html.escape(str(value))}'
                   f"{mark(key in exam.unverified)}</td></tr>" for label, value, key in rows)
    weights = "".join(
        f'<tr><th scope="row">Domain {html.escape(d.id)}: {html.escape(d.name)}</th>'
        f'<td>{d.weight}%{mark(d.unverified)} (<a href="{html.escape(d.source)}">exam guide</a>)</td></tr>'
        for d in exam.domains)
    note = ""
    if exam.unverified or any(d.unverified for d in exam.domains):
        note = (f'<p class="mla__note"><sup>{NOTE}</sup> Reported by third-party guides; not '
                "confirmed on an AWS page we could check. Check the exam guide before you book.</p>")
    # In the scrolling region every table on the site has (site.css, reading.py).
    region = (f'<div class="table-scroll" tabindex="0" role="region" '
              f'aria-label="{html.escape(f["name"], quote=True)}">')
    return (f'<div class="mla-facts">{region}<div class="md-typeset__table"><table id="mla-facts"><caption>{html.escape(f["name"])} '
            f'(<a href="{html.escape(f["source"])}">AWS exam guide</a>)</caption><tbody>{body}{weights}'
            f"</tbody></table></div></div>{note}</div>")


def render_coverage(exam: MlaExam, questions: dict, titles: dict[tuple[str, str], str],
                    page_titles: dict[str, str]) -> list[tuple[str, str, str]]:
    """Per domain: (heading, heading id, finished HTML). Each task lists, page by page in
    the site's order, the sections whose questions carry its tag, with their counts."""
    page_order = {p: i for i, p in enumerate(page_titles)}
    heading_order = {k: i for i, k in enumerate(titles)}
    out = []
    for d in exam.domains:
        items = []
        for t in d.tasks:
            tagged = [q for q in questions.values() if q.mla == t.id]
            per_section = Counter((q.source_page, q.source_anchor) for q in tagged)
            exam_only = sum(q.exam_only for q in tagged)
            pages: dict[str, list[str]] = {}
            for (p, a), n in sorted(per_section.items(), key=lambda kv: (
                    page_order.get(kv[0][0], 99), heading_order.get(kv[0], 999))):
                pages.setdefault(p, []).append(
                    f'<a href="{page_href(p, a)}">{html.escape(titles.get((p, a), a))}</a> ({n})')
            if pages:
                links = "".join(f"<li>{html.escape(page_titles.get(p, p))}: {', '.join(v)}</li>"
                                for p, v in pages.items())
                covered = (f"<p>{len(tagged)} question{'s' if len(tagged) != 1 else ''} "
                           f"({len(tagged) - exam_only} on the pages, {exam_only} in the practice "
                           f"exam only), by section:</p><ul>{links}</ul>")
            else:
                covered = "<p><strong>Not covered here:</strong> no section of this site tests it.</p>"
            gap = (f'<p class="mla__gap"><strong>Not covered here:</strong> {_md(t.not_covered)}</p>'
                   if t.not_covered and pages else "")
            items.append(f'<li id="mla-task-{t.id.replace(".", "-")}"><p><strong>Task {t.id}: '
                         f'{_md(t.title)}</strong></p>{covered}{gap}</li>')
        out.append((f"Domain {d.id}: {d.name} ({d.weight}%)", f"mla-domain-{d.id}",
                    f'<ul class="mla-tasks">{"".join(items)}</ul>'))
    return out
