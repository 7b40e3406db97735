"""No data file can put script, a foreign request or an evaluated template into a page.

Data-driven: the test finds every text field of every data file itself (each string
in quizzes/**/*.yml and macros/data/**/*.yml, grouped by its place in the file's
structure), so a new file, kind or field is covered without touching this test.

For each hostile payload, every text field gets the payload in front of its text
(one item per field). The loaders decide first (in memory, fast): a field either
accepts the text or refuses it with a one-line DataError naming that file (an id,
a URL, an enum, a file name, or Markdown that the renderer refuses, such as a
javascript: link). Then one strict build takes every accepted payload at once, and
the built site must carry nothing live: no element, attribute, link, comment or
script made from the data, no foreign image, no evaluated Jinja, no duplicated
placeholder, and each payload must be shown as the text it is.
"""
from __future__ import annotations

import copy
import html.parser
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site, copy_project
from macros import loader
from macros.loader import DataError

# {m} is replaced by a marker unique to the field, so each is traced to its field.
PAYLOADS = {
    "script": '<script>document.title="{m}"</script>',
    "handler": "<img src=x onerror=\"document.title='{m}'\"> "
               '<a href="javascript:alert(1)" onclick="alert(1)">{m}</a>',
    "js-link": "[{m}](javascript:alert(1)) <javascript:alert(2)>",
    "data-link": "[{m}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "image": "![{m}](https://other.example/{m}.png) ![y](assets/favicon.svg)",
    "jinja": "{{ 7*7 }} {% if true %}{m}{% endif %} {# c #}",
    "placeholder": "<!-- mls-content 1 --> <!-- mls-page 1 --> {m}",
}
SHOWN_IN = {"alt", "aria-label", "title"}           # attributes that may carry data text
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}
LIVE_SCHEMES = re.compile(r"^\s*(javascript|data|vbscript):", re.I)
FOREIGN = re.compile(r"^\s*(https?:)?//", re.I)


def data_files() -> list[Path]:
    return sorted({*ROOT.glob("quizzes/**/*.yml"), *ROOT.glob("macros/data/**/*.yml")})


# -- The text fields -----------------------------------------------------------------

@dataclass(frozen=True)
class Leaf:
    file: Path           # relative to the project
    path: tuple          # keys and indices from the file's top to the string
    field: str           # the path with indices and slug keys generalised

    def __str__(self) -> str:
        return f"{self.file}:{self.field}"


def _pattern(path: tuple) -> str:
    parts = []
    for key in path:
        if isinstance(key, int):
            parts.append("[]")
        else:  # slug keys (e.g. a table's source names) are data, not field names
            parts.append("." + ("*" if "-" in str(key) else str(key)))
    return "".join(parts).lstrip(".")


def _strings(obj, path=()):
    if isinstance(obj, str):
        yield path
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _strings(value, (*path, key))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            yield from _strings(value, (*path, index))


RAW = {path: loader.load_yaml(path, root=ROOT) for path in data_files()}


def text_fields() -> list[Leaf]:
    """The first string of each field of each kind of file. Files in one folder that
    share a structure are one kind (quizzes, corrections); a table's columns are its own."""
    seen: dict[tuple[str, str], Leaf] = {}
    for path, raw in RAW.items():
        rel = path.relative_to(ROOT)
        for leaf_path in _strings(raw):
            field = _pattern(leaf_path)
            seen.setdefault((str(rel.parent), field), Leaf(rel, leaf_path, field))
    return list(seen.values())


def _with(obj, path: tuple, value: str):
    """A copy of obj with the string at path replaced; copies only along the path
    (copy.copy keeps the loader's line numbers on mappings)."""
    if not path:
        return value
    out = copy.copy(obj)
    out[path[0]] = _with(obj[path[0]], path[1:], value)
    return out


def _get(obj, path: tuple):
    for key in path:
        obj = obj[key]
    return obj


class FakeFiles:
    """load_yaml for every macros module, serving edited data from memory."""

    def __init__(self) -> None:
        self.edits: dict[Path, object] = {}
        self.real = loader.load_yaml

    def load_yaml(self, path: Path, *, root: Path | None = None):
        path = Path(path).resolve()
        if path in self.edits:
            return self.edits[path]
        return RAW[path] if path in RAW else self.real(path, root=root)

    def __enter__(self):
        self.patched = [m for name, m in sys.modules.items()
                        if name.split(".")[0] == "macros" and getattr(m, "load_yaml", None)
                        is self.real]
        for module in self.patched:
            module.load_yaml = self.load_yaml
        return self

    def __exit__(self, *exc) -> None:
        for module in self.patched:
            module.load_yaml = self.real


def payload_text(name: str, marker: str) -> str:
    return {**PAYLOADS, "plain": "{m}"}[name].replace("{m}", marker)


def marker(name: str, index: int) -> str:
    return f"Zq{name.replace('-', '')}{index}qZ"


@dataclass
class Trial:
    accepted: dict[str, tuple[Leaf, str]]     # marker -> (leaf, the text given)
    refused: dict[Leaf, str]                  # leaf -> the loader's message


@pytest.fixture(scope="module")
def config():
    from mkdocs.config import load_config
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def load_all(config) -> None:
    from macros.site_data import SiteData
    SiteData.load(str(ROOT), config)


_TRIALS: dict[tuple[str, int], Trial] = {}


def trial(name: str, fields: list[Leaf], config) -> Trial:
    """Which fields take the payload (to be built) and which refuse it (and how);
    once per payload and set of fields (with and without hooks share it)."""
    key = (name, hash(tuple(fields)))
    if key not in _TRIALS:
        _TRIALS[key] = _trial(name, fields, config)
    return _TRIALS[key]


def _trial(name: str, fields: list[Leaf], config) -> Trial:
    out = Trial({}, {})
    with FakeFiles() as fake:
        for index, leaf in enumerate(fields):
            m = marker(name, index)
            path = (ROOT / leaf.file).resolve()
            value = payload_text(name, m) + " " + _get(RAW[path], leaf.path)
            fake.edits = {path: _with(RAW[path], leaf.path, value)}
            try:
                load_all(config)
            except DataError as exc:
                out.refused[leaf] = str(exc)
            else:
                out.accepted[m] = (leaf, value)
    return out


def _plain(obj):
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


def write_project(dest: Path, accepted: dict[str, tuple[Leaf, str]], *,
                  hooks: bool = True) -> Path:
    """A copy of the project with the accepted payloads in its data. Without `hooks`,
    as Zensical builds: the finished HTML then goes through Markdown as raw HTML, and
    the committed question bank is written afresh (it must match quizzes/)."""
    project = copy_project(dest)
    edited: dict[Path, object] = {}
    for leaf, value in accepted.values():
        path = (ROOT / leaf.file).resolve()
        edited[path] = _with(edited.get(path, RAW[path]), leaf.path, value)
    for path, obj in edited.items():
        target = project / path.relative_to(ROOT)
        target.write_text(yaml.safe_dump(_plain(obj), sort_keys=False, allow_unicode=True,
                                         width=10_000), encoding="utf-8")
    if not hooks:
        from mkdocs.config import load_config
        from macros.site_data import SiteData

        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "\nhooks:\n  - macros/hooks.py\n" in text
        config.write_text(text.replace("\nhooks:\n  - macros/hooks.py\n", "\n"), encoding="utf-8")
        data = SiteData.load(str(project), load_config(config_file=str(config)))
        for name, text in data.generated_scripts().items():
            (data.docs_dir / name).write_text(text, encoding="utf-8")
    return project


# -- Reading the built site --------------------------------------------------------------

class Scan(html.parser.HTMLParser):
    """What a page carries: problems (anything live from the data), visible text,
    attribute texts, ids."""

    def __init__(self, markers: re.Pattern, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.markers, self.where = markers, where
        self.problems: list[str] = []
        self.text: list[str] = []
        self.attr_text: list[str] = []
        self.ids: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            self.stack.append(tag)
        for name, value in attrs:
            value = value or ""
            if name == "id":
                self.ids.append(value)
            if name.startswith("on"):
                self.problems.append(f"{self.where}: <{tag} {name}=...>")
            if name in URL_ATTRS and LIVE_SCHEMES.match(value):
                self.problems.append(f"{self.where}: <{tag} {name}={value[:60]}>")
            if name in ("src", "srcset", "poster") and FOREIGN.match(value):
                self.problems.append(f"{self.where}: foreign <{tag} {name}={value[:60]}>")
            if self.markers.search(value):
                if name in SHOWN_IN:
                    self.attr_text.append(value)
                else:
                    self.problems.append(f"{self.where}: data in <{tag} {name}={value[:80]!r}>")
        if self.markers.search(tag + " ".join(n for n, _ in attrs)):
            self.problems.append(f"{self.where}: data made an element <{tag}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data) -> None:
        if self.stack and self.stack[-1] in ("script", "style") and self.markers.search(data):
            self.problems.append(f"{self.where}: data inside <{self.stack[-1]}>")
        elif not (self.stack and self.stack[-1] in ("script", "style")):
            self.text.append(data)

    def handle_comment(self, data) -> None:
        if self.markers.search(data) or "mls-" in data:
            self.problems.append(f"{self.where}: an HTML comment from data: {data[:60]!r}")


def scan(fragment: str, markers: re.Pattern, where: str) -> Scan:
    s = Scan(markers, where)
    s.feed(fragment)
    s.close()
    return s


def norm(text: str) -> str:
    return " ".join(text.split())


def site_scans(site: Path, markers: re.Pattern) -> list[Scan]:
    scans = []
    for page in sorted(site.glob("*.html")):
        s = scan(page.read_text(encoding="utf-8"), markers, page.name)
        dupes = sorted({i for i in s.ids if s.ids.count(i) > 1})
        if dupes:
            s.problems.append(f"{page.name}: ids repeated (a placeholder filled twice?): {dupes[:3]}")
        scans.append(s)
    for doc in json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]:
        scans.append(scan(doc["text"], markers, f"search index {doc['location']}"))
    bank = (site / "assets/javascripts/exam-bank.js").read_text(encoding="utf-8")
    body = re.fullmatch(r"(?s)//[^\n]*\nwindow\.mlsExamBank = (.*);\n", bank)
    assert body, "exam-bank.js is not one JSON assignment"
    assert "<" not in body.group(1) and ">" not in body.group(1)
    for q in json.loads(body.group(1))["questions"]:
        for index, fragment in enumerate([q["q"], q["x"], *(t for o in q["o"] for t in (o[1], o[3]))]):
            scans.append(scan(fragment, markers, f"exam bank {q['id']}"))
    return scans


# -- The test ---------------------------------------------------------------------------

FIELDS = text_fields()


def test_the_walk_finds_every_kind_of_text_field():
    """Guards the walk itself: each data kind and the fields the issue named."""
    fields = {str(f) for f in FIELDS}
    kinds = {str(f.file.parent) for f in FIELDS}
    assert {"quizzes", "macros/data/corrections", "macros/data/tables", "macros/data"} <= kinds
    found = {(str(f.file.parent), f.field) for f in FIELDS}
    for expected in [("macros/data/tables", "summary"), ("macros/data/tables", "caption"),
                     ("macros/data/tables", "notes[]"), ("macros/data/tables", "sources.*.title"),
                     ("macros/data/tables", "rows[].kds"), ("macros/data", "[].caption"),
                     ("macros/data", "[].alt"), ("macros/data", "[].formulas[].meaning")]:
        assert expected in found, expected
    assert any(f.field.endswith("options[].why") for f in FIELDS)
    assert any(f.field == "[].right" for f in FIELDS)
    assert len(FIELDS) > 60


@pytest.fixture(scope="module")
def free_fields(config) -> list[Leaf]:
    """The fields that take a marker word alone: every text a reader sees. Those that
    refuse it are the checked ones (ids, URLs, enums, files, source keys)."""
    result = trial("plain", FIELDS, config)
    for leaf, message in result.refused.items():
        assert "\n" not in message and str(leaf.file) in message, message
    return [f for f in FIELDS if f not in result.refused]


def test_plain_text_is_taken_by_every_free_text_field(free_fields):
    """Every text a reader sees takes plain words (so the payloads reach it)."""
    free = {(str(f.file.parent), f.field) for f in free_fields}
    for expected in [("quizzes", "questions[].question"), ("quizzes", "questions[].explanation"),
                     ("quizzes", "questions[].options[].text"),
                     ("quizzes", "questions[].options[].why"),
                     ("macros/data/corrections", "[].sheet"),
                     ("macros/data/corrections", "[].right"),
                     ("macros/data/tables", "summary"), ("macros/data/tables", "caption"),
                     ("macros/data/tables", "notes[]"), ("macros/data/tables", "sources.*.title"),
                     ("macros/data", "[].caption"), ("macros/data", "[].alt"),
                     ("macros/data", "[].formulas[].meaning"),
                     ("macros/data", "[].formulas[].formula")]:
        assert expected in free, expected
    assert len(free_fields) > 50


# Every payload with the hooks (finished HTML skips Markdown); the ones that Markdown
# could turn live also without them (as Zensical builds, the HTML through Markdown).
CASES = [(name, True) for name in PAYLOADS] + [(name, False) for name in
                                              ("handler", "js-link", "image", "placeholder")]


@pytest.mark.parametrize("name, hooks", CASES,
                         ids=[f"{n}{'' if h else '-without-hooks'}" for n, h in CASES])
def test_no_payload_comes_alive_in_any_field(name, hooks, config, free_fields, tmp_path):
    result = trial(name, free_fields, config)
    for leaf, message in result.refused.items():  # refused: the author is told, one line
        assert "\n" not in message and str(leaf.file) in message, (leaf, message)
    assert result.accepted, f"every field refused {name}: nothing was tested"

    project = write_project(tmp_path / "project", result.accepted, hooks=hooks)
    site = build_site(tmp_path / "site", project)
    markers = re.compile("|".join(map(re.escape, result.accepted)))
    scans = site_scans(site, markers)
    problems = [p for s in scans for p in s.problems]
    assert not problems, "\n".join(problems[:20])

    # Shown as the text it is: Jinja unevaluated, markers and tags as typed.
    shown = norm(" ".join(t for s in scans for t in [*s.text, *s.attr_text]))
    missing = [f"{leaf}: {value[:70]!r}" for m, (leaf, value) in result.accepted.items()
               if norm(payload_text(name, m)) not in shown]
    assert not missing, "not shown as text:\n" + "\n".join(missing[:20])
