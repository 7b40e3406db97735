"""MkDocs hooks (mkdocs.yml `hooks:`): finished HTML goes straight into the page.

Corrections, tables, calculators, quizzes and the exam bank are finished HTML
when the macros return them: more than half of a section page. Left in the
Markdown, that HTML would be parsed again for nothing by Python-Markdown's
raw-HTML parser (half the build's time went there). So those macros leave a placeholder
comment (SiteData.defer) and these hooks put the HTML in its place:

- on_page_content, after Markdown and before the search plugin: the ids of all
  deferred HTML join the page's anchors (MkDocs' anchor validation still knows
  `#q-...` and `#table-...`), and the searchable blocks (corrections, tables,
  calculators) go in, so search finds them.
- on_post_page, after the search plugin: the quizzes and the exam bank go in.
  Questions and explanations stay out of the search index, where they would
  drown the notes in the results (and they would triple its size).
- on_post_build: every page gets the Content-Security-Policy <meta>
  (macros/csp.py), hashing the inline scripts of the finished pages; not under
  `mkdocs serve`, whose live reload is an inline script of its own.

- on_files: the practice exam's question bank, assets/javascripts/exam-bank.js,
  and its lean index, bank-index.js, are generated afresh from quizzes/ (the
  committed copies in docs/ are what builders without hooks publish; `make test`
  checks that they are up to date). They are data: the exam and review pages load
  the bank when the reader starts; progress and review count from the index.
- on_post_build: the site's own JS and CSS ship without comments and
  indentation (macros/minify.py): lighter, never needed for correctness.

None of this is needed for correctness: without these hooks (Zensical runs none)
the same HTML goes through Markdown as raw HTML blocks and the quizzes carry
data-search-exclude, so the pages come out the same (tests/test_builders.py).

A placeholder that did not reach the page intact fails the build (SiteData.fill).
The data lives on the macros plugin (`site_data`, set by define_env).
"""
from __future__ import annotations


def _site_data(config):
    return config.plugins["macros"].site_data


def on_files(files, config):
    from mkdocs.structure.files import File

    data = _site_data(config)
    for name, text in data.generated_scripts().items():
        committed = files.get_file_from_path(name)
        if committed is not None:
            files.remove(committed)
        files.append(File.generated(config, name, content=text))
    return files


def on_page_content(html, page, config, files):
    data, src = _site_data(config), page.file.src_uri
    page.present_anchor_ids |= data.deferred_ids(src)
    return data.fill(html, src, "content")


_SERVING = False  # `mkdocs serve` injects live reload's inline script: no policy there


def on_startup(command, dirty):
    global _SERVING
    _SERVING = command == "serve"


def on_post_page(output, page, config):
    return _site_data(config).fill(output, page.file.src_uri, "page")


def on_post_build(config):
    from pathlib import Path

    from macros.minify import minify_site
    minify_site(Path(config.docs_dir), Path(config.site_dir))
    if _SERVING:
        return
    from macros import csp  # the package mkdocs-macros imported (module_name: macros)

    csp.add_policies(Path(config["site_dir"]), csp.shim_source(config))
