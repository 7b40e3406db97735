"""Loading and validating the YAML data files behind the site.

Every problem raises DataError, whose message names the file (with the line
where it is known), the item (question id, table row, correction id) and the
field, so a person can go straight to what needs fixing.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

import yaml

try:
    from mkdocs.exceptions import PluginError as _BuildError
except ImportError:  # Zensical builds without MkDocs installed
    _BuildError = Exception


class DataError(_BuildError):
    """A data file or a page is malformed. str() is the one line a person reads.

    A PluginError, so MkDocs ends the build by printing that line alone, no
    traceback (macros/__init__.py routes errors raised on pages here too)."""

    def __init__(self, file: str | Path, message: str, *, item: str | None = None,
                 field: str | None = None, line: int | None = None) -> None:
        where = str(file) + (f":{line}" if line else "")
        parts = [where]
        if item is not None:
            parts.append(item)
        if field is not None:
            parts.append(f"field '{field}'")
        super().__init__(": ".join(parts) + ": " + message)  # sets .message to all of it
        self.file, self.item, self.field, self.line = str(file), item, field, line
        self.reason = message  # what is wrong, without where

    def __reduce__(self):  # picklable with its keyword arguments
        return (_rebuild, (self.file, self.reason, self.item, self.field, self.line))


def _rebuild(file, message, item, field, line) -> "DataError":
    return DataError(file, message, item=item, field=field, line=line)


def read_text(path: Path, shown: str | Path | None = None) -> str:
    """A file's text as UTF-8; bytes that are not UTF-8 name the file and line."""
    shown = shown if shown is not None else path
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(shown, f"cannot read file ({exc.strerror})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(shown, f"byte 0x{raw[exc.start]:02x} at column {column} is not UTF-8 "
                        "(a Windows-1252 quote or dash?): save the file as UTF-8",
                        line=line) from None


class LooseBool:
    """A YAML 1.1 yes/no/on/off word. YAML reads it as true/false; the data files
    want true/false for booleans and quotes around text, so a field refuses it
    with a message that says which to write (check_mapping)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class Mapping(dict):
    """A YAML mapping that remembers the line it starts on (1-based)."""

    line: int = 0


# libyaml's parser when PyYAML has it (every wheel does): five times faster than the
# pure-Python one. Construction stays in Python, so line marks and the duplicate-key
# check below work the same with either.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_bool(loader: _Loader, node: yaml.ScalarNode) -> bool | LooseBool:
    """true/false as booleans; yes/no/on/off (YAML 1.1) kept as what was written."""
    if node.value.lower() in ("true", "false"):
        return node.value.lower() == "true"
    return LooseBool(node.value)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


def load_yaml(path: Path, *, root: Path | None = None) -> Any:
    """Parse one YAML file; a syntax error becomes a DataError with its line."""
    shown = path.relative_to(root) if root and path.is_relative_to(root) else path
    text = read_text(path, shown)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise DataError(shown, f"YAML syntax error: {problem}", line=line) from exc
    except yaml.YAMLError as exc:
        raise DataError(shown, f"YAML error: {exc}") from exc


# -- Field checking -------------------------------------------------------------

TYPE_NAMES = {str: "text", bool: "true/false", int: "a whole number",
              float: "a number", list: "a list", dict: "a mapping", type(None): "nothing"}

# Longer texts are refused: no text on the site needs more, and Markdown's time
# grows faster than the length (20,000 "[" took over a minute to render).
MAX_TEXT = 2000
MAX_BRACKETS = 60


def check_text_size(value: str) -> str | None:
    if len(value) > MAX_TEXT:
        return (f"is {len(value):,} characters long; at most {MAX_TEXT:,}: shorten it or "
                "split it")
    if value.count("[") > MAX_BRACKETS:
        return (f"has {value.count('[')} '[' characters; at most {MAX_BRACKETS} (square "
                "brackets are Markdown link syntax)")
    return None


def _wrong_type(value: Any, types: type | tuple[type, ...]) -> str:
    """The message for a value of the wrong type, with a hint for YAML's traps."""
    wanted = types if isinstance(types, tuple) else (types,)
    if isinstance(value, LooseBool):
        if bool in wanted:
            return (f"write true or false, not '{value.text}' (yes/no/on/off are not "
                    "accepted for true/false here)")
        if str in wanted:
            return (f"must be {_type_name(types)}, got '{value.text}', which YAML reads as "
                    f"true/false: put it in quotes (\"{value.text}\")")
        return f"must be {_type_name(types)}, got '{value.text}' (YAML reads it as true/false)"
    message = f"must be {_type_name(types)}, got {_type_name(type(value))}"
    if wanted == (bool,) and isinstance(value, str):
        message += f" ('{value}'): write true or false"
    elif str in wanted and isinstance(value, (bool, int, float)):
        message += f" ({value!r} as YAML reads it): put the text in quotes"
    return message


def _type_name(types: type | tuple[type, ...]) -> str:
    types = types if isinstance(types, tuple) else (types,)
    return " or ".join(TYPE_NAMES.get(t, t.__name__) for t in types)


class Field:
    """One allowed key of a mapping: its type, whether it is required, a check."""

    def __init__(self, types: type | tuple[type, ...], required: bool = True,
                 check: Any = None) -> None:
        self.types, self.required, self.check = types, required, check


def line_of(obj: Any, default: int | None = None) -> int | None:
    return getattr(obj, "line", None) or default


def check_mapping(obj: Any, spec: dict[str, Field], *, file: str, item: str,
                  prefix: str = "", line: int | None = None) -> None:
    """Raise DataError for a non-mapping, an unknown key, a missing key or a wrong type."""
    line = line_of(obj, line)
    if not isinstance(obj, dict):
        raise DataError(file, f"must be a mapping of fields, got {_type_name(type(obj))}",
                        item=item, field=prefix.rstrip(".") or None, line=line)
    for key in obj:
        if key not in spec:
            allowed = ", ".join(sorted(spec))
            raise DataError(file, f"unknown key (allowed: {allowed})", item=item,
                            field=f"{prefix}{key}", line=line)
    for key, field in spec.items():
        if key not in obj:
            if field.required:
                raise DataError(file, "missing required field", item=item,
                                field=f"{prefix}{key}", line=line)
            continue
        value = obj[key]
        # bool is an int in Python: never accept it where a number is wanted.
        wrong_bool = isinstance(value, bool) and bool not in (
            field.types if isinstance(field.types, tuple) else (field.types,))
        if not isinstance(value, field.types) or wrong_bool:
            raise DataError(file, _wrong_type(value, field.types), item=item,
                            field=f"{prefix}{key}", line=line)
        if isinstance(value, str) and not value.strip():
            raise DataError(file, "must not be empty", item=item, field=f"{prefix}{key}",
                            line=line)
        texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for n, text in enumerate(texts, 1):
            if isinstance(text, LooseBool):
                raise DataError(file, _wrong_type(text, str), item=item, line=line,
                                field=f"{prefix}{key}" + (f"[{n}]" if isinstance(value, list) else ""))
            if isinstance(text, str) and (problem := check_text_size(text)):
                raise DataError(file, problem, item=item, line=line,
                                field=f"{prefix}{key}" + (f"[{n}]" if isinstance(value, list) else ""))
        if field.check is not None:
            problem = field.check(value)
            if problem:
                raise DataError(file, problem, item=item, field=f"{prefix}{key}", line=line)


def expect_list(obj: Any, *, file: str, what: str, key: str | None = None) -> list:
    """The top level of a data file: a list (or a mapping with a list under key)."""
    if key is not None:
        if not isinstance(obj, dict) or key not in obj:
            raise DataError(file, f"the file must be a mapping with a '{key}' list of {what}")
        obj = obj[key]
    if not isinstance(obj, list):
        raise DataError(file, f"must be a list of {what}", field=key)
    if not obj:
        raise DataError(file, f"holds no {what}", field=key)
    return obj


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https://[^\s]+$")


def check_slug(value: str) -> str | None:
    if not SLUG.match(value):
        return (f"'{value}' is not a valid id: use lowercase letters, digits and "
                "single hyphens (e.g. kds-shard-limits)")
    return None


def check_url(value: str) -> str | None:
    if not URL.match(value):
        return f"'{value}' is not an https:// URL"
    return None


def one_of(choices: Iterable[str]):
    choices = tuple(choices)

    def check(value: str) -> str | None:
        if value not in choices:
            return f"'{value}' is not one of: {', '.join(choices)}"
        return None
    return check


# -- Anchors of the pages ----------------------------------------------------------

HEADING_ID = re.compile(r"^#{1,6}\s.*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r"""\bid=["']([A-Za-z0-9_-]+)["']""")


def page_anchors(docs_dir: Path) -> dict[str, set[str]]:
    """Explicit ids per page (path relative to docs, e.g. 'algorithms.md').

    Every heading on this site carries an explicit `{ #id }`, so scanning the
    sources finds every section anchor before any page has been rendered.
    """
    anchors: dict[str, set[str]] = {}
    for path in sorted(docs_dir.glob("*.md")):
        ids: set[str] = set()
        in_fence = False
        for line in read_text(path, f"docs/{path.name}").splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            if match := HEADING_ID.match(line):
                ids.add(match.group(1))
            ids.update(HTML_ID.findall(line))
        anchors[path.name] = ids
    return anchors


def heading_titles(docs_dir: Path) -> dict[tuple[str, str], str]:
    """(page, id) -> heading text without its attribute list, for link labels."""
    titles: dict[tuple[str, str], str] = {}
    for path in sorted(docs_dir.glob("*.md")):
        for line in read_text(path, f"docs/{path.name}").splitlines():
            if match := HEADING_ID.match(line):
                text = re.sub(r"\{[^}]*\}\s*$", "", line.lstrip("#")).strip()
                titles[(path.name, match.group(1))] = text
    return titles
