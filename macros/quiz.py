"""Quiz questions: loading, validation and rendering.

Data: quizzes/<page>.yml, one file per section page (see quizzes/README.md),
validated here and described for editors by quizzes/schema.json.

Every question renders at build time as a complete HTML form: native radios
or checkboxes with labels, and the answer with each option's "why" and the
explanation in a <details>, so it works without JavaScript and in print.
docs/assets/javascripts/quiz.js adds checking, first-try scoring and saved progress.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .loader import (DataError, Field, check_mapping, check_slug, expect_list, line_of,
                     load_yaml, one_of)
from .markup import UnsafeMarkup, page_href, render_markdown

# The exam's four domains, with their weights (AWS MLS-C01 exam guide).
DOMAINS = {
    "data-engineering": ("Data Engineering", 20),
    "exploratory-data-analysis": ("Exploratory Data Analysis", 24),
    "modeling": ("Modeling", 36),
    "ml-implementation-operations": ("Machine Learning Implementation and Operations", 20),
}

# The MLA-C01 exam (AWS Certified Machine Learning Engineer - Associate): its four
# domains with their weights, and the task statements a question may be tagged with.
MLA_DOMAINS = {
    "1": ("Data Preparation for Machine Learning (ML)", 28),
    "2": ("ML Model Development", 26),
    "3": ("Deployment and Orchestration of ML Workflows", 22),
    "4": ("ML Solution Monitoring, Maintenance, and Security", 24),
}
MLA_TASKS = ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3")

# References must be AWS's own pages.
REF_HOSTS = ("aws.amazon.com", "awsstatic.com")
MAX_REFS = 5

LETTERS = "abcdefgh"
COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
MAX_ID_LENGTH = 60
EXAM_ONLY_DIR = "exam-only"

OPTION_SPEC = {
    "text": Field(str),
    "correct": Field(bool),
    "why": Field(str),
}
QUESTION_SPEC = {
    "id": Field(str, check=check_slug),
    "question": Field(str),
    "options": Field(list),
    "explanation": Field(str),
    "source": Field(str),
    "domain": Field(str, check=one_of(DOMAINS)),
    "mla": Field(str, required=False, check=one_of(MLA_TASKS)),
    "refs": Field(list),
}


@dataclass(frozen=True)
class Option:
    key: str          # a, b, c ...
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    options: tuple[Option, ...]
    explanation: str
    source_page: str  # e.g. "streaming-data-collection.md"
    source_anchor: str
    domain: str
    file: str         # the data file, for messages
    line: int | None
    mla: str | None = None          # MLA-C01 task statement, e.g. "1.2"
    refs: tuple[str, ...] = ()      # AWS documentation pages that support the key
    exam_only: bool = False         # quizzes/exam-only/: drawn by the exam and review, on no page

    @property
    def anchor(self) -> str:
        return f"q-{self.id}"

    @property
    def mla_domain(self) -> str | None:
        return self.mla.split(".")[0] if self.mla else None

    @property
    def correct_keys(self) -> tuple[str, ...]:
        return tuple(o.key for o in self.options if o.correct)

    @property
    def multi(self) -> bool:
        return len(self.correct_keys) > 1

    @property
    def hash(self) -> str:
        """Changes whenever the question, its options or its key change: saved
        answers to an older version are then dropped in the browser."""
        blob = json.dumps([self.question, [(o.text, o.correct) for o in self.options]])
        return hashlib.sha256(blob.encode()).hexdigest()[:10]


# -- Markdown ----------------------------------------------------------------------

_BLOCK_TAGS = re.compile(r"<(?!/?(p|strong|em|code|a|br)\b)[a-z][a-z0-9]*\b")


def _unwrap(fragment: str) -> str:
    """A single paragraph's content without its <p>; several paragraphs as they are."""
    fragment = fragment.strip()
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p>") == 1:
        return fragment[3:-4]
    return fragment


def render_inline(text: str) -> str:
    """Markdown limited to paragraphs of inline text (valid in <legend>/<label>): one
    paragraph as bare inline HTML, several as <span class="quiz__p"> blocks."""
    out = render_markdown(text)
    if _BLOCK_TAGS.search(out):
        raise UnsafeMarkup("use inline Markdown only here (text, **bold**, *italic*, "
                           "`code`, links): no lists, headings or code blocks")
    out = _unwrap(out)
    return out.replace("<p>", '<span class="quiz__p">').replace("</p>", "</span>")


# -- Loading and validation --------------------------------------------------------

def check_ref(url) -> str | None:
    """An https:// page on an AWS host (docs.aws.amazon.com, aws.amazon.com, ...)."""
    if not isinstance(url, str) or not url.startswith("https://") or any(c.isspace() for c in url):
        return f"'{url}' is not an https:// URL"
    host = urlsplit(url).hostname or ""
    if not any(host == h or host.endswith("." + h) for h in REF_HOSTS):
        return (f"'{url}' is not an AWS page: references must be on docs.aws.amazon.com "
                "or aws.amazon.com")
    return None


def _check_question(raw, *, file: str, page: str, anchors: dict[str, set[str]],
                    exam_only: bool = False) -> Question:
    item = "question"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        item = f"question '{raw['id']}'"
    if isinstance(raw, dict) and isinstance(raw.get("mla"), (int, float)) \
            and not isinstance(raw.get("mla"), bool):
        raise DataError(file, f"write the task statement in quotes, e.g. mla: \"{raw['mla']}\" "
                        "(unquoted, YAML reads it as a number)", item=item, field="mla",
                        line=line_of(raw))
    check_mapping(raw, QUESTION_SPEC, file=file, item=item)
    line = line_of(raw)
    qid = raw["id"]

    def fail(field: str, message: str):
        raise DataError(file, message, item=item, field=field, line=line)

    if len(qid) > MAX_ID_LENGTH:
        fail("id", f"is {len(qid)} characters; keep ids to {MAX_ID_LENGTH} at most")

    opts = raw["options"]
    if len(opts) < 3:
        fail("options", f"has {len(opts)} option(s); a question needs at least 3")
    if len(opts) > len(LETTERS):
        fail("options", f"has {len(opts)} options; at most {len(LETTERS)}")
    options = []
    seen: dict[str, int] = {}
    for i, opt in enumerate(opts):
        check_mapping(opt, OPTION_SPEC, file=file, item=item, prefix=f"options[{i + 1}].",
                      line=line_of(opt, line))
        norm = " ".join(opt["text"].split()).lower()
        if norm in seen:
            fail(f"options[{i + 1}].text", f"duplicate option text (same as option "
                 f"{seen[norm]}): \"{opt['text'].strip()}\"")
        seen[norm] = i + 1
        options.append(Option(LETTERS[i], opt["text"], opt["correct"], opt["why"]))
    n_correct = sum(o.correct for o in options)
    if n_correct == 0:
        fail("options", "no option is marked correct: true")
    if n_correct == len(options):
        fail("options", "every option is marked correct; at least one must be wrong")

    choose = re.search(r"\(Choose (\w+)\.\)\s*$", raw["question"].strip())
    if n_correct > 1:
        word = COUNT_WORDS.get(n_correct, str(n_correct))
        if not choose or choose.group(1) != word:
            fail("question", f"has {n_correct} correct options, so it must end with "
                 f"\"(Choose {word}.)\" as the exam does")
    elif choose:
        fail("question", "says \"(Choose ...)\" but has only one correct option")

    src_page, _, src_anchor = raw["source"].partition("#")
    if not src_anchor:
        fail("source", f"'{raw['source']}' needs a section anchor, e.g. {page}#some-heading")
    if src_page != page:
        fail("source", f"'{raw['source']}' points at {src_page}, but questions in this file "
             f"belong to docs/{page}")
    if src_anchor not in anchors.get(page, set()):
        fail("source", f"no heading {{ #{src_anchor} }} on docs/{page}")

    checks = [("question", raw["question"], True), ("explanation", raw["explanation"], False)]
    for i, o in enumerate(options, 1):
        checks += [(f"options[{i}].text", o.text, True), (f"options[{i}].why", o.why, False)]
    for field, text, inline in checks:
        try:
            render_inline(text) if inline else render_markdown(text)
        except UnsafeMarkup as exc:
            fail(field, str(exc))

    refs = raw.get("refs", [])
    if "refs" in raw and not refs:
        fail("refs", "list at least one AWS documentation page that supports the answer")
    if len(refs) > MAX_REFS:
        fail("refs", f"has {len(refs)} pages; cite at most {MAX_REFS}")
    for i, url in enumerate(refs, 1):
        if problem := check_ref(url):
            fail(f"refs[{i}]", problem)
    if len(set(refs)) != len(refs):
        fail("refs", "lists the same page twice")

    return Question(id=qid, question=raw["question"], options=tuple(options),
                    explanation=raw["explanation"], source_page=src_page,
                    source_anchor=src_anchor, domain=raw["domain"], file=file, line=line,
                    mla=raw.get("mla"), refs=tuple(refs), exam_only=exam_only)


def load_questions(quiz_dir: Path, anchors: dict[str, set[str]], *,
                   root: Path) -> dict[str, Question]:
    """All questions by id, file by file; a duplicate id anywhere is an error.
    quizzes/<page>.yml holds the questions shown on docs/<page>.md; quizzes/exam-only/
    <page>.yml those that only the practice exam and review draw (same format, same
    `source` rule: the section that teaches them)."""
    found: dict[str, Question] = {}
    paths = [(p, False) for p in sorted(quiz_dir.glob("*.yml"))]
    paths += [(p, True) for p in sorted((quiz_dir / EXAM_ONLY_DIR).glob("*.yml"))]
    for path, exam_only in paths:
        shown = str(path.relative_to(root))
        page = path.stem + ".md"
        if page not in anchors:
            raise DataError(shown, f"no page docs/{page} for this file: name the file after "
                            "the page its questions appear on")
        for raw in expect_list(load_yaml(path, root=root), file=shown, what="questions",
                               key="questions"):
            q = _check_question(raw, file=shown, page=page, anchors=anchors,
                                exam_only=exam_only)
            if q.id in found:
                other = found[q.id]
                raise DataError(shown, f"duplicate id: also used in {other.file}"
                                + (f":{other.line}" if other.line else ""),
                                item=f"question '{q.id}'", field="id", line=q.line)
            found[q.id] = q
    return found


# -- Rendering ------------------------------------------------------------------------

def ref_label(url: str) -> str:
    """A short, readable name for an AWS page: its host and path, the way a reader
    would recognise it ("docs.aws.amazon.com › sagemaker › xgboost")."""
    parts = urlsplit(url)
    path = [p for p in parts.path.split("/") if p and p not in ("latest", "dg", "developerguide",
                                                                  "userguide", "APIReference")]
    if path:
        path[-1] = path[-1].removesuffix(".html") or path[-1]
    shown = path[:1] + path[-1:] if len(path) > 1 else path
    return " › ".join([parts.hostname or "", *shown])


def render_refs(refs: tuple[str, ...]) -> str:
    """'Check it in the AWS docs' with a link per reference (URLs validated on load)."""
    if not refs:
        return ""
    links = ", ".join(f'<a href="{html.escape(u)}">{html.escape(ref_label(u))}</a>' for u in refs)
    return f'<p class="quiz__refs">Check it in the AWS docs: {links}</p>'


def source_href(q: Question, current_page: str) -> str:
    return page_href(q.source_page, q.source_anchor, current_page)


def _kind(q: Question) -> str:
    if q.multi:
        return f"Choose {COUNT_WORDS.get(len(q.correct_keys), len(q.correct_keys))}"
    return "Choose one"


def render_question(q: Question, *, current_page: str, source_label: str,
                    number: int | None = None) -> str:
    """One question as a self-contained HTML block: a form with native controls, and
    the answer in a <details>. Lean on purpose (a section page holds twenty): each
    option is a <label> around its input, and the script reads keys from the inputs'
    values and each option's "why" from the answer list, in option order."""
    a = q.anchor
    kind = "checkbox" if q.multi else "radio"
    domain = DOMAINS[q.domain][0]
    title = f"Question {number}" if number else "Question"
    parts = [
        f'<div class="quiz" id="{a}" data-hash="{q.hash}" '
        f'data-correct="{",".join(q.correct_keys)}">',
        '<form data-quiz-form><fieldset class="quiz__fieldset">',
        f'<legend class="quiz__legend"><span class="quiz__meta">{title}'
        f'<a class="quiz__permalink" href="#{a}" aria-label="Link to this question">#</a>'
        f' · {html.escape(domain)} · {_kind(q)}</span> {render_inline(q.question)}</legend>',
    ]
    for o in q.options:
        parts.append(
            f'<div class="quiz__option"><label><input type="{kind}" name="{a}" '
            f'value="{o.key}"> {o.key.upper()}. {render_inline(o.text)}</label></div>')
    parts += [
        "</fieldset>",
        '<div class="quiz__actions">'
        '<button type="submit" class="md-button md-button--primary">Check answer</button>'
        '<button type="reset" class="md-button">Clear</button>'
        '<p class="quiz__feedback" role="status"></p></div>',
        "</form>",
        '<details class="quiz__answer"><summary>Answer and explanation</summary>',
        f'<p><strong>Correct answer{"s" if q.multi else ""}: '
        f'{", ".join(k.upper() for k in q.correct_keys)}</strong></p>',
        '<ul class="quiz__whys">',
    ]
    for o in q.options:
        verdict = "Correct" if o.correct else "Incorrect"
        parts.append(
            f'<li class="{"is-correct" if o.correct else "is-wrong"}">'
            f'<strong>{o.key.upper()}. {verdict}.</strong> '
            f'{_flatten(_unwrap(render_markdown(o.why)))}</li>')
    parts += [
        "</ul>",
        _flatten(render_markdown(q.explanation)),
        render_refs(q.refs),
        f'<p class="quiz__source">Source: <a href="{source_href(q, current_page)}">'
        f'{html.escape(source_label)}</a></p>',
        "</details>",
        "</div>",
    ]
    return "".join(parts)


def _flatten(fragment: str) -> str:
    """No blank lines: the HTML stays one block should it ever pass through Markdown
    (quiz HTML skips Markdown today, see hooks.py) and the exam bank stays compact."""
    return "\n".join(line for line in fragment.splitlines() if line.strip())


def render_quiz_group(questions: list[Question], *, current_page: str,
                      labels: dict[str, str], first_number: int = 1) -> str:
    body = "\n".join(
        render_question(q, current_page=current_page, source_label=labels[q.id],
                        number=first_number + i)
        for i, q in enumerate(questions))
    return f'<section class="quiz-group" data-search-exclude>\n{body}\n</section>'


def render_progress(total: int) -> str:
    """The per-page score line; the script fills in the score."""
    noun = "question" if total == 1 else "questions"
    return (
        f'<div class="quiz-progress" data-quiz-progress data-search-exclude data-total="{total}">'
        f'<p><strong>{total} practice {noun}</strong> on this page, under the sections they '
        'test. Open <em>Answer and explanation</em> under each to check yourself.</p>'
        '<p class="quiz-progress__score"><span data-quiz-score>First try: 0 of 0 correct · '
        f'{total} {noun}</span> <button type="button" class="md-button" data-quiz-reset>'
        'Reset this page</button></p></div>')


def _script_json(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # "</script>" and "<!--" must never appear inside the script element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _domain_tables() -> dict:
    return {"domains": {k: [name, weight] for k, (name, weight) in DOMAINS.items()},
            "mla": {k: [name, weight] for k, (name, weight) in MLA_DOMAINS.items()}}


def plain_text(fragment: str, limit: int = 120) -> str:
    """An HTML fragment as plain text, cut to `limit` characters with an ellipsis."""
    text = html.unescape(re.sub(r"<[^>]*>", "", fragment)).strip()
    return f"{text[:limit - 1].rstrip()}\u2026" if len(text) > limit else text


def bank_index_json(questions: dict[str, Question], labels: dict[str, str]) -> str:
    """The lean index of the bank for the progress and review pages: per question what
    they count and filter by (the bank's id, h, d, m, t, e, multi and src) and, for
    the questions on the section pages, `s`, the start of the question as plain text
    (progress lists missed questions by it). Review loads the full bank to ask them."""
    index = []
    for q in questions.values():
        entry = {"id": q.id, "h": q.hash, "d": q.domain, "m": q.mla_domain, "t": q.mla,
                 "e": int(q.exam_only), "multi": q.multi,
                 "src": [source_href(q, ""), labels[q.id]]}
        if not q.exam_only:
            entry["s"] = plain_text(render_inline(q.question))
        index.append(entry)
    return _script_json({**_domain_tables(), "questions": index})


def exam_bank_json(questions: dict[str, Question], labels: dict[str, str]) -> str:
    """The question bank for the practice exam, as JSON safe inside <script>."""
    bank = []
    for q in questions.values():
        bank.append({
            "id": q.id, "h": q.hash, "d": q.domain, "m": q.mla_domain, "t": q.mla,
            "e": int(q.exam_only), "multi": q.multi,
            "q": render_inline(q.question),
            "o": [[o.key, render_inline(o.text), o.correct, _flatten(render_markdown(o.why))]
                  for o in q.options],
            "x": _flatten(render_markdown(q.explanation)),
            "src": [source_href(q, ""), labels[q.id]],
            "r": list(q.refs),
        })
    return _script_json({**_domain_tables(), "questions": bank})
