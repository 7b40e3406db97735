"""Shared fixtures: one strict in-process build per session, a loopback HTTP
server for it, and Playwright driving Debian's Chromium.

Browser tests skip (saying why) where /usr/bin/chromium is missing, except in
CI (CI=true), where they fail instead.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the macros package
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(dest: Path, project: Path = ROOT) -> Path:
    """Build `project` strictly into `dest`, as `mkdocs build --strict` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(dest))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return dest


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project's sources, to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "macros", "quizzes"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Material's instant navigation only takes over links to URLs in sitemap.xml,
# which are built from site_url: build for the address the test server will use.
PORT = _free_port()
SERVER_URL = f"http://127.0.0.1:{PORT}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    os.environ["SITE_URL"] = SERVER_URL
    try:
        return build_site(tmp_path_factory.mktemp("site"))
    finally:
        os.environ.pop("SITE_URL", None)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(site):
    """The built site on http://127.0.0.1:<free port>/."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield SERVER_URL
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium to run browser tests"
        if IN_CI:
            pytest.fail(message + " (required in CI)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Playwright's own helpers (wait_for_function, axe-core's injection) run code
        # from strings, which the site's Content-Security-Policy refuses. Contexts
        # bypass it unless a test asks for it (tests/test_csp.py runs under it).
        new_context = b.new_context
        b.new_context = lambda **kw: new_context(**{"bypass_csp": True, **kw})
        yield b
        b.close()


class RequestLog(list):
    """Every URL the page asked for, to prove nothing leaves the origin."""

    def foreign(self, origin: str) -> list[str]:
        ok = (origin, "data:", "blob:", "about:")
        return [u for u in self if not u.startswith(ok)]


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.requests = RequestLog()
    ctx.on("request", lambda r: ctx.requests.append(r.url))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    p = context.new_page()
    p.set_default_timeout(10_000)
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    assert not p.errors, f"JavaScript errors on the page: {p.errors}"


def failed_build(project: Path, tmp: Path) -> str:
    """Run `mkdocs build --strict` on `project` as a person would, expect it to fail,
    and return what it printed (stdout and stderr)."""
    import subprocess

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(tmp / "failed-site")],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)
    out = run.stdout + run.stderr
    assert run.returncode != 0, f"the build passed:\n{out}"
    return out


def error_lines(output: str) -> list[str]:
    """The lines of a build's output that are not MkDocs' progress (INFO) lines."""
    return [line for line in output.splitlines()
            if line.strip() and not line.startswith("INFO")
            and line.strip() != "Aborted with a BuildError!"]
