# Two commands for a fresh machine:  make serve   and   make test
# Everything else is a step of those two.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
PORT  ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PUPPETEER_SKIP_DOWNLOAD := 1
# `make serve ONLY=ar` previews one language (not LANG: the shell already sets that)
ifneq ($(strip $(ONLY)),)
export ONLY
endif

.PHONY: help setup browser check build serve test test-fast bench pa11y translations graph stats review-sheet clean

help:
	@echo "make serve         set up, build and serve the site on http://127.0.0.1:$(PORT)/ (ONLY=xx: one language)"
	@echo "make test          set up and run every test: rule tables, engine, build, browser (axe), pa11y"
	@echo "make build         the complete static site in site/ (replaced only when the build succeeds)"
	@echo "make check         validate rule tables, walkthroughs and translation catalogs"
	@echo "make bench         first-view bytes/requests and Lighthouse per page kind, vs stock mkdocs-material; search score and bytes"
	@echo "make translations  extract strings into translations/messages.pot and update every catalog"

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	@echo "== Python: creating $(VENV) and installing the pinned packages (requirements.txt)"
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@echo "== Node: installing axe-core and pa11y-ci from package-lock.json (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser:
	@scripts/ensure-chromium

check: setup
	$(PY) -m generator check

# Build into a fresh folder and swap it in only on success: a failed build leaves the
# previous site/ intact, never a half-written one.
build: setup
	@echo "== Building the site (generator + mkdocs, every language)"
	$(PY) -m generator.swap site -- $(VENV)/bin/mkdocs build --strict --site-dir site.new
	@echo "== site/ is ready: $$(find -L site -name index.html | wc -l) pages"
	@if [ -n "$(ONLY)" ]; then echo "== note: ONLY=$(ONLY) is set, so site/ holds that language only. Unset ONLY (unset ONLY) and build again for the whole site."; fi

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# worksteal: a worker that runs out of tests takes queued ones from the other; with the long
# browser sweeps first (tests/conftest.py) the two workers finish together (449 s -> 353 s).
test: setup browser build
	@echo "== Tests: rule tables, engine, pages, built site, browser (axe) and pa11y"
	$(PY) -m pytest -n 2 --dist worksteal --durations=30

# Everything but the browser: seconds, for editing rule tables.
test-fast: setup
	$(PY) -m pytest -m "not browser and not site"

# First views (Chromium) and Lighthouse for home/question/outcome/step x da/ar/uk, this site
# next to a stock mkdocs-material build of the same pages; the search query set's top-3 score per
# language (tests/search_queries.yaml) and the bytes of a first search; results in build/bench.json.
bench: setup browser build
	$(PY) scripts/bench.py

translations: setup
	$(PY) -m generator translations

graph: setup
	$(PY) -m generator graph

stats: setup
	$(PY) -m generator stats

# A printable bilingual review sheet: make review-sheet REVIEW=ar (not LANG: the shell sets that)
review-sheet: setup
	@test -n "$(REVIEW)" || { echo "say which language: make review-sheet REVIEW=ar"; exit 2; }
	$(PY) -m generator review sheet $(REVIEW)

clean:
	rm -rf site site.new site.old build docs/*/ .pytest_cache
