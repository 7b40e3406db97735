"""Checks on a page's source before its macros run, and macro errors made one line.

Pages are Jinja templates (mkdocs-macros). What goes wrong there is told as a
DataError naming the page and the line, and the build stops with that one line
(macros/__init__.py):

- a heading id written `{#id}`: Jinja reads `{#` as a comment;
- a macro call that does not stand alone at column 0 between blank lines (inside
  a list, an admonition or a code block its finished HTML would be lost);
- Jinja syntax errors and unknown names in `{{ }}` / `{% %}`.

Errors raised inside a macro call are caught by `guard` and raised again, with the
page and line of the call, once the page's macros have run (mkdocs-macros would
otherwise print its own traceback).
"""
from __future__ import annotations

import functools
import logging
import re
import sys
from typing import Any, Callable

import jinja2
import jinja2.meta

from .loader import DataError

BAD_HEADING_ID = re.compile(r"^\s*#{1,6}\s.*?\{#\s*([A-Za-z0-9_-]*)")
CALL = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(")
FENCE = re.compile(r"^\s*(```|~~~)")
ALONE = re.compile(r"^\{\{.*\}\}$")


def check_source(text: str, page: str, macros: set[str]) -> None:
    """Headings and macro placement in a page's source (front matter included, so
    the line numbers are the file's). Raises DataError."""
    shown = f"docs/{page}"
    lines = text.splitlines()
    fence = None
    for number, line in enumerate(lines, 1):
        if m := FENCE.match(line):
            if fence is None:
                fence = m.group(1)
            elif m.group(1) == fence:
                fence = None
            calls = []
        else:
            calls = [c for c in CALL.findall(line) if c in macros]
        if match := BAD_HEADING_ID.match(line):
            wanted = f"{{ #{match.group(1) or 'some-id'} }}"
            raise DataError(shown, f"heading id written '{{#{match.group(1)}}}': write '{wanted}' "
                            "with spaces ('{#' starts a Jinja comment)", line=number)
        if not calls:
            continue
        call = f"{{{{ {calls[0]}(...) }}}}"
        if fence is not None:
            where = "is inside a code block"
        elif line != line.lstrip():
            where = ("is indented (inside a list, an admonition or a code block): put it at "
                     "column 0")
        elif not ALONE.match(line.rstrip()) or len(calls) > 1:
            where = "shares its line with other text: put it on a line of its own"
        elif number > 1 and lines[number - 2].strip():
            where = ("follows a non-blank line (it would join that paragraph, list or "
                     "admonition): put a blank line before it")
        elif number < len(lines) and lines[number].strip():
            where = "is followed by a non-blank line: put a blank line after it"
        else:
            continue
        raise DataError(shown, f"{call} {where}; a macro stands alone on its line, at "
                        "column 0, with a blank line before and after", line=number)


def check_template(text: str, page: str, jinja_env: jinja2.Environment,
                   known: set[str], macros: set[str]) -> None:
    """Jinja syntax and names, on the page's source. Raises DataError."""
    shown = f"docs/{page}"
    try:
        ast = jinja_env.parse(text)
    except jinja2.TemplateSyntaxError as exc:
        raise DataError(shown, f"Jinja syntax error: {exc.message}. Pages are Jinja "
                        "templates: write '{{', '{%' or '{#' only to call a macro, and "
                        "heading ids as '{ #id }'", line=exc.lineno) from None
    unknown = sorted(jinja2.meta.find_undeclared_variables(ast) - known)
    if unknown:
        name = unknown[0]
        line = next((n for n, text_line in enumerate(text.splitlines(), 1)
                     if re.search(r"\{[{%].*\b" + re.escape(name) + r"\b", text_line)), None)
        raise DataError(shown, f"unknown name '{name}' in {{{{ }}}} or {{% %}} (the site's "
                        f"macros: {', '.join(sorted(macros))})", line=line)


def template_line() -> int | None:
    """The template line of the innermost Jinja frame on the stack (the macro call)."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None


def _traceback_line(error: BaseException) -> int | None:
    """The template line where `error` was raised, from its traceback."""
    line, tb = None, error.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(tb.tb_lineno)
        elif tb.tb_frame.f_code.co_filename == "<template>":  # rewritten by Jinja
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class PageErrors:
    """The first error raised inside a macro call of the page being rendered."""

    def __init__(self) -> None:
        self.error: DataError | None = None
        self.offset = 0  # lines of front matter above the rendered Markdown

    def start(self, source: str, markdown: str) -> None:
        self.error = None
        self.offset = (source[:len(source) - len(markdown)].count("\n")
                       if source.endswith(markdown) else 0)
        _OFFSET[0] = self.offset

    def guard(self, fn: Callable[..., str], page: Callable[[], str]) -> Callable[..., str]:
        """`fn` as a macro: an exception is kept, with page and line, and "" returned;
        raise_first() raises it after the page's macros have run."""
        @functools.wraps(fn)
        def macro(*args: Any, **kwargs: Any) -> str:
            if self.error is not None:
                return ""
            try:
                return fn(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - every error becomes one line
                line = template_line()
                line = line + self.offset if line else None
                shown = f"docs/{page()}"
                arguments = ", ".join([*map(repr, args),
                                       *(f"{k}={v!r}" for k, v in kwargs.items())])
                call = f"{{{{ {fn.__name__}({arguments}) }}}}"
                if isinstance(exc, DataError):
                    if exc.file == shown:
                        self.error = DataError(shown, exc.reason, item=exc.item,
                                               field=exc.field, line=exc.line or line)
                    else:
                        self.error = exc
                else:
                    what = str(exc) or type(exc).__name__
                    self.error = DataError(shown, f"{call} failed: {what}", line=line)
                return ""
        return macro

    def raise_first(self) -> None:
        error, self.error = self.error, None
        if error is not None:
            raise error


class OneLine(logging.Filter):
    """MkDocs logs "Error reading page 'x':" before a BuildError's own message: for
    our errors, which name the page themselves, that line goes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(sys.exc_info()[1], DataError)
                    and record.getMessage().startswith(("Error reading page",
                                                        "Error building page")))


_OFFSET = [0]  # front matter lines of the page being rendered (PageErrors.start)


def install_one_line_errors() -> None:
    log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, OneLine) for f in log.filters):
        log.addFilter(OneLine())
    try:
        from mkdocs_macros import errors
    except ImportError:  # another builder
        return
    if getattr(errors.format_error, "_one_line", False):
        return

    # Anything else raised while mkdocs-macros renders a page (say `{{ 1/0 }}`): one
    # line with page and line instead of its Markdown report with a traceback.
    @errors.format_error.register(Exception)
    def one_line(error: Exception, markdown: str, page: Any) -> str:
        line = _traceback_line(error)
        where = f"docs/{page.file.src_uri}" + (f":{line + _OFFSET[0]}" if line else "")
        return f"{where}: {type(error).__name__}: {error}"

    errors.format_error._one_line = True
