# vkdocs: build and test the bilingual docs. `make help` lists the targets.
# Everything runs inside .venv, created from pyproject.toml on first use and
# refreshed whenever pyproject.toml changes.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DOCS := docs
BUILD := $(DOCS)/_build
LANGUAGES := ru en
LIVE_LANG ?= ru
# Reproducible builds: dates come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export PYTHONDONTWRITEBYTECODE := 1

SPHINXOPTS ?=
SPHINX := $(BIN)/python -m sphinx -W --keep-going -n -q $(SPHINXOPTS)

.PHONY: help venv html $(addprefix html-,$(LANGUAGES)) doctest test test-browser bench translations livehtml clean

help: ## List the targets.
	@echo "vkdocs targets:"
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 22

$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) from pyproject.toml…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e ".[docs,test,dev,browser]"
	@touch $@

venv: $(STAMP) ## Create or refresh .venv.

# The languages build side by side (HTML_JOBS at a time): the bilingual build
# then takes about as long as the slower language, not the sum (see make bench).
HTML_JOBS ?= 2

html: $(STAMP) ## Run the doctests and build Russian and English HTML.
	@$(MAKE) --no-print-directory --jobs=$(HTML_JOBS) --output-sync=target doctest $(addprefix html-,$(LANGUAGES)) $(BUILD)/html/index.html
	@echo "HTML: $(BUILD)/html/index.html (ru: $(BUILD)/html/ru/index.html, en: $(BUILD)/html/en/index.html)"

$(addprefix html-,$(LANGUAGES)): html-%: $(STAMP)
	@echo "Building HTML ($*)…"
	@$(SPHINX) -b html -D language=$* -d $(BUILD)/doctrees/$* $(DOCS) $(BUILD)/html/$*

$(BUILD)/html/index.html: $(DOCS)/_root/index.html
	@mkdir -p $(@D)
	@cp $< $@

doctest: $(STAMP) ## Run the doctests in the docs (Sphinx doctest builder).
	@echo "Running doctests…"
	@$(SPHINX) -b doctest -D language=ru -d $(BUILD)/doctrees/doctest $(DOCS) $(BUILD)/doctest

test: $(STAMP) ## Run the tests: unit, doctests (src and docs), translations, both builds.
	@$(BIN)/python -m pytest -m "not browser"

test-browser: html ## Check the built site in Chromium (/usr/bin/chromium): pages, switcher, search, calculator.
	@VKDOCS_SITE=$(BUILD)/html $(BIN)/python -m pytest -m browser tests/browser

bench: $(STAMP) ## Time the builds and tests and weigh the heaviest page, against a bare Furo build.
	@$(BIN)/python tests/bench.py

translations: $(STAMP) ## Extract messages and update docs/locale/en (then translate the .po files).
	@$(SPHINX) -E -b gettext -D language=ru $(DOCS) $(BUILD)/gettext
	@$(BIN)/sphinx-intl update -p $(BUILD)/gettext -l en -d $(DOCS)/locale --line-width -1
	@$(BIN)/python $(DOCS)/_ext/catalogs.py prefill
	@echo "Catalogs updated in $(DOCS)/locale/en/LC_MESSAGES; translate new or fuzzy entries, then run make test."

livehtml: $(STAMP) ## Rebuild HTML on every change and serve it (LIVE_LANG=en for English).
	@$(BIN)/sphinx-autobuild -D language=$(LIVE_LANG) $(DOCS) $(BUILD)/livehtml

clean: ## Remove built output (keeps .venv).
	rm -rf $(BUILD)
