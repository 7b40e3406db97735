"""A Content-Security-Policy <meta> on every page: defence in depth behind markup.py.

Only the site's own script files run, and the inline scripts the theme writes,
each allowed by its SHA-256 hash, computed from the finished pages at the end of
the build (so a new Material version or template change is hashed as it is). Anything a
data file might smuggle in (an inline script, an event handler, a javascript:
URL, a plugin object, a foreign image) would be refused by the browser as well.

- script-src 'self' + hashes: the bundle, site.js, exam-bank.js, bank-index.js, the search
  worker; Material's inline scripts (storage helpers, palette, tabs) and our
  storage guard (docs/.overrides/main.html).
- The offline plugin's iframe-worker shim (search from file://) writes one inline
  script into an about:blank frame, which inherits this policy: its text is
  fixed by the shim and the worker's URL, so it is hashed here too (iframe_script).
- img-src 'self' data: (Material's icons are data: URIs in its CSS); no
  objects; no <base>. Styles are not restricted (Material sets inline styles).

'self' covers http(s):// and file:// alike in Chromium; `file:` is added for browsers
that give each file its own origin (a page served over HTTP can never load a
file: URL anyway). tests/test_csp.py checks
the pages over HTTP (instant navigation, search worker, palette) and from disk
(search through the shim) with a listener for any violation.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
SHIM_FUNCTIONS = re.compile(r"function c\(s,n\)\{.*?\}(?=function d)|function d\(\.\.\.s\)\{.*?\}(?=var o=)")
CHARSET = '<meta charset="utf-8">'


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def iframe_script(shim_source: str, worker_url: str) -> str | None:
    """The inline script the iframe-worker shim writes into its frame for `worker_url`
    (see docs/assets/vendor/iframe-worker-shim.js); None if the shim changed shape."""
    functions = SHIM_FUNCTIONS.findall(shim_source)
    if len(functions) != 2:
        return None
    c, d = functions
    return (f"postMessage={c};importScripts={d};addEventListener(\"error\",({{error}})=>"
            f"{{parent.dispatchEvent(new ErrorEvent(\"error\",{{filename:\"{worker_url}\",error}}))}})")


def policy(hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self' file:",
        "script-src 'self' file: " + " ".join(dict.fromkeys(hashes)),
        "style-src 'self' file: 'unsafe-inline'",
        "img-src 'self' file: data:",
        "object-src 'none'",
        "base-uri 'none'",
    ])


def page_hashes(html: str, shim_source: str | None) -> list[str]:
    """The hashes a page needs: its inline scripts, and the shim's frame script."""
    hashes = [sha256(s) for s in INLINE_SCRIPT.findall(html)]
    config = CONFIG.search(html)
    if shim_source and config:
        worker = json.loads(config.group(1)).get("search")
        script = iframe_script(shim_source, worker) if worker else None
        if script:
            hashes.append(sha256(script))
    return hashes


def add_policy(html: str, hashes: list[str]) -> str:
    """The page with the policy as the first element of <head> after the charset."""
    if CHARSET not in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    return html.replace(CHARSET, CHARSET + meta, 1)


def add_policies(site_dir: Path, shim_source: str | None) -> None:
    """Every page of the built site gets one policy that allows the inline scripts of
    all pages: instant navigation keeps the first page's policy while it runs the
    scripts of the pages it brings in."""
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}
    hashes = [h for html in pages.values() for h in page_hashes(html, shim_source)]
    for path, html in pages.items():
        out = add_policy(html, hashes)
        if out != html:
            path.write_text(out, encoding="utf-8")


def shim_source(config) -> str | None:
    """The vendored shim's text, if the site uses it (mkdocs.yml extra.polyfills)."""
    for path in (config.get("extra") or {}).get("polyfills", []):
        if path.endswith("iframe-worker-shim.js"):
            file = Path(config["docs_dir"]) / path
            return file.read_text(encoding="utf-8") if file.is_file() else None
    return None
