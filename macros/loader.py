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


class DataError(Exception):
    """A data file is malformed. str() is the message a person reads."""

    def __init__(self, file: str | Path, message: str, *, item: str | None = None,
                 field: str | None = None, line: int | None = None) -> None:
        self.file, self.item, self.field, self.line = str(file), item, field, line
        self.message = message
        where = self.file + (f":{line}" if line else "")
        parts = [where]
        if item is not None:
            parts.append(item)
        if field is not None:
            parts.append(f"field '{field}'")
        super().__init__(": ".join(parts) + ": " + message)


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


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, *, root: Path | None = None) -> Any:
    """Parse one YAML file; a syntax error becomes a DataError with its line."""
    shown = path.relative_to(root) if root and path.is_relative_to(root) else path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(shown, f"cannot read file ({exc.strerror})") from exc
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
              float: "a number", list: "a list", dict: "a mapping"}


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
            raise DataError(file, f"must be {_type_name(field.types)}, got "
                            f"{_type_name(type(value))}", item=item,
                            field=f"{prefix}{key}", line=line)
        if isinstance(value, str) and not value.strip():
            raise DataError(file, "must not be empty", item=item, field=f"{prefix}{key}",
                            line=line)
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
        for line in path.read_text(encoding="utf-8").splitlines():
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
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := HEADING_ID.match(line):
                text = re.sub(r"\{[^}]*\}\s*$", "", line.lstrip("#")).strip()
                titles[(path.name, match.group(1))] = text
    return titles
