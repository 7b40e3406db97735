"""Every text from a data file becomes HTML here, and only here, safely.

Three renderers, one rule: what a data file writes is shown as text, never run.

- render_markdown: Markdown (quiz text, corrections): paragraphs, lists, **bold**,
  *italic*, `code` and https:// links. Raw HTML is shown as text, never passed
  through; images and any other link scheme are refused (UnsafeMarkup).
- render_inline_text: the small subset of table cells, captions and formulas:
  escaped text with `code` and **bold**, nothing else is markup.
- escape_text: plain text (alt text, titles, attributes), escaped.

Their output is finished HTML: it must never go through Markdown again (the
macros defer it past Markdown, see SiteData.defer), or escaped brackets and
entities would turn back into links. tests/test_injection.py puts hostile
text into every text field of every data file and checks the built site.
"""
from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree

import markdown


class UnsafeMarkup(Exception):
    """The text uses Markdown that the data files may not (images, non-https links)."""


class _LinkGuard(markdown.treeprocessors.Treeprocessor):
    """Only https:// links; no images."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if el.tag == "img":
                raise UnsafeMarkup("images are not allowed in this text")
            if el.tag == "a":
                href = el.get("href", "")
                if not href.startswith("https://"):
                    raise UnsafeMarkup(f"link '{href}' is not allowed: this text may link "
                                       "only to https:// pages (questions link the site "
                                       "through 'source')")


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # Raw HTML in the data is shown as text, never passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_LinkGuard(md), "data_link_guard", 0)
    return md


_MD: markdown.Markdown | None = None

# Most quiz and correction texts are one line of plain words with at most some
# **bold** and `code`. For those, Markdown's output is known: the escaped text in
# a <p>, with <strong> and <code>. Writing it directly skips the parser for nine
# texts in ten, a tenth of the whole build. Anything else (lists, links, italics,
# underscores, a line that starts like a list item) goes through the parser.
# tests/test_markup.py checks the shortcut against the parser on every text.
_TEXT = r"[^*_`\[\]<>&\\\n!#|~^{}]"
_SIMPLE = re.compile(
    r"(?![0-9]+[.)]\s)(?=[A-Za-z0-9(\"'*`])"         # not a list item, heading or quote
    rf"(?:{_TEXT}|\*\*(?! ){_TEXT}+(?<! )\*\*|`(?! )[^`\n]+(?<! )`)*\Z")
_SPAN = re.compile(r"\*\*([^*]+)\*\*|`([^`]+)`")


def render_simple(text: str) -> str | None:
    """Markdown's HTML for a simple text (see above); None for any other text."""
    if not _SIMPLE.match(text):
        return None
    out, pos = ["<p>"], 0
    for m in _SPAN.finditer(text):
        out.append(html.escape(text[pos:m.start()], quote=False))
        bold, code = m.groups()
        out.append(f"<strong>{html.escape(bold, quote=False)}</strong>" if bold is not None
                   else f"<code>{html.escape(code, quote=False)}</code>")
        pos = m.end()
    out += [html.escape(text[pos:], quote=False), "</p>"]
    return "".join(out)


@functools.lru_cache(maxsize=None)
def render_markdown(text: str) -> str:
    """The text's Markdown as HTML; cached (a quiz text renders on its page and in
    the exam bank)."""
    text = text.strip()
    simple = render_simple(text)
    return simple if simple is not None else render_with_parser(text)


def escape_text(text: str) -> str:
    """Plain text for HTML content or a quoted attribute value."""
    return html.escape(text, quote=True)


_CODE_SPAN = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def render_inline_text(text: str) -> str:
    """Escaped text with `code` and **bold** rendered; nothing else is markup (no
    links, no images, no HTML). For table cells, captions and formulas."""
    out = []
    for index, part in enumerate(_CODE_SPAN.split(text)):  # odd parts are code spans
        out.append(f"<code>{escape_text(part)}</code>" if index % 2
                   else _BOLD.sub(r"<strong>\1</strong>", escape_text(part)))
    return "".join(out)


def page_href(page: str, anchor: str, current_page: str = "") -> str:
    """A link to `anchor` on docs/`page` as the built site spells it: every page sits at
    the top of the site and `use_directory_urls` is off, so x.md is x.html (mkdocs.yml).
    For HTML the macros write themselves, which MkDocs does not rewrite; the anchors
    are checked when the data loads."""
    if page == current_page:
        return f"#{anchor}"
    return f"{page.removesuffix('.md')}.html#{anchor}"


def render_with_parser(text: str) -> str:
    """Always through Python-Markdown: one parser, reset between uses."""
    global _MD
    if _MD is None:
        _MD = _markdown()
    try:
        return _MD.reset().convert(text.strip())
    except Exception:
        _MD = None  # a half-run parser is not reused
        raise
