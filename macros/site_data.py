"""Everything the macros need, loaded and validated once per build.

SiteData holds the parsed data files and records what each page placed, so
the end of the build can insist that every correction, table and question
appears exactly once. Lookups raise DataError with an actionable message.
"""
from __future__ import annotations

import gc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import re

from . import corrections as corr
from . import figures as fg
from . import mla as ml
from . import quiz as qz
from . import tables as tbl
from .loader import DataError, heading_titles, page_anchors, read_text

_ID = re.compile(r' id="([^"]+)"')  # a literal prefix: fast on the 300 KB exam bank
_TOKEN = re.compile(r"<!-- mls-(?:content|page) \d+ -->")


def nav_titles(nav: list) -> dict[str, str]:
    """Page file -> nav title, from mkdocs.yml's nav (nested sections included).
    MkDocs passes the nav as written ({title: page or [children]}); Zensical as
    {"title", "url", "children"} items. Both are read."""
    titles: dict[str, str] = {}
    for entry in nav or []:
        if isinstance(entry, dict) and "children" in entry and "title" in entry:
            if entry.get("url") and entry.get("title"):
                titles[entry["url"]] = entry["title"]
            titles.update(nav_titles(entry["children"]))
        elif isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, str):
                    titles[target] = title
                else:
                    titles.update(nav_titles(target))
    return titles


HOOKS = "macros/hooks.py"   # as mkdocs.yml names it under `hooks:`
_CACHE: dict[str, tuple[tuple, "SiteData"]] = {}


def page_source(page) -> str:
    """The page's source path under docs/ ("modeling.md"): MkDocs' page.file.src_uri,
    Zensical's page.path."""
    file = getattr(page, "file", None)
    return getattr(file, "src_uri", None) or str(page.path).replace("\\", "/")


def hooks_active(conf) -> bool:
    """MkDocs (and ProperDocs) load mkdocs.yml's `hooks:` into {name: module};
    Zensical runs none, whatever the configuration says."""
    hooks = conf.get("hooks") if hasattr(conf, "get") else None
    return isinstance(hooks, dict) and HOOKS in hooks


def _fingerprint(root: Path, docs_dir: Path) -> tuple:
    """Every source the data depends on, with its size and change time."""
    paths = [root / "mkdocs.yml", *docs_dir.glob("*.md"), *(root / "quizzes").rglob("*.yml"),
             *(root / "macros" / "data").rglob("*.yml")]
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in paths if p.exists()))


def macro_pages(docs_dir: Path, macro: str) -> dict[str, str]:
    """First argument of each {{ macro("x") }} call -> the page that makes it."""
    call = re.compile(r"\{\{\s*" + macro + r"\(\s*[\"']([^\"']+)[\"']")
    found: dict[str, str] = {}
    for path in sorted(docs_dir.glob("*.md")):
        for key in call.findall(read_text(path, f"docs/{path.name}")):
            found.setdefault(key, path.name)
    return found


def _docs_dir(root: Path, conf) -> Path:
    return root / conf["docs_dir"]      # MkDocs gives it absolute, Zensical relative


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
    questions: dict[str, qz.Question]
    figures: dict[str, fg.Figure]
    mla: ml.MlaExam
    placed: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> page
    numbers: Counter = field(default_factory=Counter)  # questions numbered per page
    # True when macros/hooks.py runs (MkDocs, ProperDocs): finished HTML then skips
    # Markdown. Without hooks (Zensical) the same HTML goes through Markdown as raw
    # HTML blocks: slower, same pages (tests/test_builders.py).
    deferring: bool = False
    EXAM_BANK_FILE: ClassVar[str] = "assets/javascripts/exam-bank.js"  # generated (hooks.py)
    BANK_INDEX_FILE: ClassVar[str] = "assets/javascripts/bank-index.js"  # generated (hooks.py)
    deferred: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # (page, stage) -> token -> HTML

    @classmethod
    def for_build(cls, project_dir: str, conf, *, cached: bool = False) -> "SiteData":
        """The build's data. MkDocs asks once per build: loaded afresh. Zensical asks
        for every page (`cached`): loaded once, again only when a source changes."""
        if not cached:
            data = cls.load(project_dir, conf)
        else:
            root = Path(project_dir)
            key = _fingerprint(root, _docs_dir(root, conf))
            hit = _CACHE.get(project_dir)
            if hit and hit[0] == key:
                data = hit[1]
            else:
                data = cls.load(project_dir, conf)
                _CACHE[project_dir] = (key, data)
        data.deferring = hooks_active(conf)
        if not data.deferring:
            data.check_exam_bank()
        return data

    @classmethod
    def load(cls, project_dir: str, conf) -> "SiteData":
        # Loading makes tens of thousands of small objects and no reference cycles;
        # the cyclic garbage collector would walk the whole build's heap again and
        # again meanwhile, a quarter of the loading time. Paused, then restored.
        paused = gc.isenabled()
        gc.disable()
        try:
            return cls._load(project_dir, conf)
        finally:
            if paused:
                gc.enable()

    @classmethod
    def _load(cls, project_dir: str, conf) -> "SiteData":
        root = Path(project_dir)
        docs_dir = _docs_dir(root, conf)
        data_dir = root / "macros" / "data"
        anchors = page_anchors(docs_dir)
        return cls(
            root=root, docs_dir=docs_dir, anchors=anchors,
            titles=heading_titles(docs_dir), page_titles=nav_titles(conf["nav"]),
            corrections=corr.load_corrections(data_dir, anchors, root=root),
            tables=tbl.load_tables(data_dir, root=root),
            table_pages=macro_pages(docs_dir, "table"),
            questions=qz.load_questions(root / "quizzes", anchors, root=root),
            figures=fg.load_figures(data_dir, docs_dir, root=root),
            mla=cls._load_mla(data_dir, root),
        )

    @staticmethod
    def _load_mla(data_dir: Path, root: Path) -> ml.MlaExam:
        exam = ml.load_mla(data_dir, root=root)
        ml.check_against(exam, qz.MLA_DOMAINS, qz.MLA_TASKS,
                         str((data_dir / ml.FILE).relative_to(root)))
        return exam

    # -- placement bookkeeping ----------------------------------------------------
    def _place(self, kind: str, key: str, where: str) -> None:
        if (kind, key) in self.placed:
            raise DataError(f"docs/{where}", f"{kind} '{key}' is placed more than once "
                            "(each may appear on the site once: its id is its anchor)")
        self.placed[(kind, key)] = where

    def begin_page(self, page: str) -> None:
        """Forget what `page` placed before: a builder that renders a page again in
        the same build (Zensical calls define_env for every page) starts it afresh."""
        for key in [k for k, where in self.placed.items() if where == page]:
            del self.placed[key]
        self.numbers[page] = 0
        for stage in ("content", "page"):
            self.deferred.pop((page, stage), None)

    def check_all_placed(self) -> None:
        missing = [f"correction '{c.id}' (docs/{c.page})" for c in self.corrections.values()
                   if ("correction", c.id) not in self.placed]
        missing += [f"table '{t}' (macros/data/tables/{t}.yml)" for t in self.tables
                    if ("table", t) not in self.placed]
        missing += [f"figure '{f}' (macros/data/charts.yml)" for f in self.figures
                    if ("figure", f) not in self.placed]
        missing += [f"question '{q.id}' ({q.file}): add {{{{ quizzes(\"{q.source_anchor}\") }}}} "
                    f"under that heading of docs/{q.source_page}"
                    for q in self.questions.values()
                    if not q.exam_only and ("question", q.id) not in self.placed]
        if missing:
            raise DataError("macros/data", "never placed on a page: " + "; ".join(missing))

    # -- Finished HTML kept out of Markdown (macros/hooks.py) --------------------------
    def defer(self, html: str, page: str, *, searchable: bool) -> str:
        """A placeholder comment for the Markdown; hooks.py puts `html` in its place,
        before the search plugin reads the page if `searchable`, after it if not."""
        if not self.deferring:
            return f"\n\n{html}\n\n"
        stage = "content" if searchable else "page"
        blocks = self.deferred.setdefault((page, stage), {})
        token = f"<!-- mls-{stage} {len(blocks) + 1} -->"
        blocks[token] = html
        return f"\n\n{token}\n\n"

    def deferred_ids(self, page: str) -> set[str]:
        """The ids inside a page's deferred HTML, for MkDocs' anchor validation."""
        return {i for stage in ("content", "page")
                for html in self.deferred.get((page, stage), {}).values()
                for i in _ID.findall(html)}

    def fill(self, text: str, page: str, stage: str) -> str:
        """`text` (the page's HTML at `stage`) with each placeholder replaced."""
        blocks = self.deferred.pop((page, stage), {})
        if not blocks:
            return text
        lost = [t for t in blocks if text.count(t) != 1]
        if lost:
            raise DataError(f"docs/{page}", f"a macro's output did not reach the page intact "
                            f"({lost[0]}); put each table, quiz, calculator or exam macro "
                            "on a line of its own, outside lists, admonitions and code blocks")
        return _TOKEN.sub(lambda m: blocks.get(m.group(0), m.group(0)), text)

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

    def corrections_list(self, page: str) -> str:
        groups = corr.render_corrections_list(self.corrections, self.page_titles, self.titles)
        return "\n".join(f"## {title} {{ #{slug} }}\n{self.defer(items, page, searchable=True)}"
                         for title, slug, items in groups)

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

    def tables_gallery(self, page: str) -> str:
        """Every table under its own heading, for comparison-tables.md: a copy with
        its own ids, kept out of search (the original is found where it is taught)."""
        return "\n".join(
            f"## {title} {{ #{slug} }}\n\n{line}\n"
            # Out of search with or without hooks (Material keeps a bare attribute). Not
            # a <div>: Material's search parser matches end tags by name, so the first
            # nested </div> would end the exclusion.
            + self.defer("<section data-search-exclude>" + copy.replace(f" {tbl.NO_SEARCH}", "")
                         + "</section>", page, searchable=False)
            for title, slug, line, copy in tbl.render_tables_gallery(
                self.tables, self.table_pages, self.page_titles))

    # -- quizzes ------------------------------------------------------------------------
    def source_label(self, q: qz.Question) -> str:
        page = self.page_titles.get(q.source_page, q.source_page)
        section = self.titles.get((q.source_page, q.source_anchor), q.source_anchor)
        return page if section == page else f"{page} › {section}"

    def _render_questions(self, questions: list[qz.Question], page: str) -> str:
        for q in questions:
            self._place("question", q.id, page)
        first = self.numbers[page] + 1
        self.numbers[page] += len(questions)
        labels = {q.id: self.source_label(q) for q in questions}
        return qz.render_quiz_group(questions, current_page=page, labels=labels,
                                    first_number=first)

    def quizzes(self, anchor: str, page: str) -> str:
        found = [q for q in self.questions.values()
                 if q.source_page == page and q.source_anchor == anchor and not q.exam_only]
        if not found:
            raise DataError(f"docs/{page}", f"quizzes(\"{anchor}\"): no question in "
                            f"quizzes/{page[:-3]}.yml has source {page}#{anchor}")
        return self._render_questions(found, page)

    def quiz(self, question_id: str, page: str) -> str:
        q = self.questions.get(question_id)
        if q is None:
            raise DataError(f"docs/{page}", f"quiz(\"{question_id}\"): no question with this "
                            "id in quizzes/*.yml")
        if q.exam_only:
            raise DataError(f"docs/{page}", f"question '{question_id}' is exam-only "
                            f"({q.file}): move it to quizzes/{q.source_page[:-3]}.yml to show it")
        if q.source_page != page:
            raise DataError(f"docs/{page}", f"question '{question_id}' belongs on "
                            f"docs/{q.source_page} (its source)")
        return self._render_questions([q], page)

    def quiz_progress(self, page: str) -> str:
        total = sum(q.source_page == page and not q.exam_only for q in self.questions.values())
        if not total:
            raise DataError(f"docs/{page}", f"quiz_progress(): quizzes/{page[:-3]}.yml has "
                            "no questions")
        return qz.render_progress(total)

    def _labels(self) -> dict[str, str]:
        return {q.id: self.source_label(q) for q in self.questions.values()}

    @staticmethod
    def _data_script(variable: str, data_json: str) -> str:
        return ("// Generated from quizzes/ by `make bank` (scripts/make_bank.py): do not edit.\n"
                f"window.{variable} = {data_json};\n")

    def exam_bank_script(self) -> str:
        """assets/javascripts/exam-bank.js: the bank as a script, so the exam page
        stays light and the bank still loads from disk (file://)."""
        return self._data_script("mlsExamBank", qz.exam_bank_json(self.questions, self._labels()))

    def bank_index_script(self) -> str:
        """assets/javascripts/bank-index.js: the lean index of the bank (ids, hashes,
        domains, sources) that the progress and review pages count and filter by, so
        they never parse the whole bank on load (review loads it to ask questions)."""
        return self._data_script("mlsBankIndex", qz.bank_index_json(self.questions, self._labels()))

    def generated_scripts(self) -> dict[str, str]:
        """The committed, generated data scripts (path under docs/ -> text): the bank
        and its index, both written by `make bank` and regenerated by hooks.py."""
        return {self.EXAM_BANK_FILE: self.exam_bank_script(),
                self.BANK_INDEX_FILE: self.bank_index_script()}

    def stale_scripts(self) -> dict[Path, str]:
        """The generated scripts whose committed copy under docs/ is missing or differs
        from quizzes/: path -> the text it should have."""
        stale = {}
        for name, text in self.generated_scripts().items():
            path = self.docs_dir / name
            try:
                current = path.read_text(encoding="utf-8")
            except OSError:
                current = None
            if current != text:
                stale[path] = text
        return stale

    def check_exam_bank(self) -> None:
        """The committed docs/assets/javascripts/exam-bank.js and bank-index.js must
        match quizzes/. Builders without hooks (Zensical) publish those files as they
        are; under MkDocs macros/hooks.py writes fresh ones into the site instead."""
        for path in self.stale_scripts():
            shown = path.relative_to(self.root) if path.is_relative_to(self.root) else path
            raise DataError(shown, "is missing or out of date with quizzes/: run `make bank` "
                            "(python scripts/make_bank.py) and commit the result")

    def exam_bank(self, page: str) -> str:
        """Where the exam page's script finds the bank, relative to the page (every page
        sits at the top of the site, see markup.page_href). site.js loads it once the
        page is up, so its weight never competes with what the first paint needs."""
        return f'<div hidden data-search-exclude data-exam-bank="{self.EXAM_BANK_FILE}"></div>'

    # -- MLA-C01 -------------------------------------------------------------------------
    def mla_facts(self) -> str:
        return ml.render_facts(self.mla)

    def mla_coverage(self, page: str) -> str:
        groups = ml.render_coverage(self.mla, self.questions, self.titles, self.page_titles)
        return "\n".join(f"## {title} {{ #{slug} }}\n{self.defer(items, page, searchable=True)}"
                         for title, slug, items in groups)

    # -- figures ------------------------------------------------------------------------
    def figure(self, figure_id: str, page: str) -> str:
        f = self.figures.get(figure_id)
        if f is None:
            raise DataError(f"docs/{page}", f"figure(\"{figure_id}\"): no such id in "
                            "macros/data/charts.yml")
        self._place("figure", figure_id, page)
        return fg.render_figure(f)  # every page sits at the top of the site (page_href)
