# vkdocs: build and test the bilingual docs. `make help` lists the targets.
# Everything runs inside .venv, created on first use from pyproject.toml with
# the exact versions of constraints.txt (the lock; `make lock` updates it), and
# refreshed whenever either changes. CI and Read the Docs install the same lock.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# What a target needs before it runs: the set-up venv (tests override it with nothing).
VENV_READY := $(STAMP)
LOCK := constraints.txt
EXTRAS := docs,test,dev,browser
# The Python the lock is resolved for: CI's and Read the Docs' (.readthedocs.yaml).
LOCK_PYTHON := 3.11
DOCS := docs
BUILD := $(DOCS)/_build
# The languages: Russian (the source), then every language with a catalog of
# the package (src/vkdocs/locale/<lang>/LC_MESSAGES/vkdocs.po), as vkdocs.i18n
# finds them. Adding a language is adding its catalogs (CONTRIBUTING.md).
SOURCE_LANGUAGE := ru
TRANSLATIONS := $(sort $(patsubst src/vkdocs/locale/%/LC_MESSAGES/vkdocs.po,%,$(wildcard src/vkdocs/locale/*/LC_MESSAGES/vkdocs.po)))
LANGUAGES := $(SOURCE_LANGUAGE) $(filter-out $(SOURCE_LANGUAGE),$(TRANSLATIONS))
LIVE_LANG ?= ru
# Reproducible builds: dates come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export PYTHONDONTWRITEBYTECODE := 1

SPHINXOPTS ?=
# Sphinx's options in every build (strict, quiet) are defined once, in
# src/vkdocs/builds.py: the tests, make bench and `vkdocs handout` use them too.
SPHINX_STRICT = $(shell $(BIN)/python -m vkdocs.builds)
SPHINX = $(BIN)/python -m sphinx $(SPHINX_STRICT) $(SPHINXOPTS)

# PDF: the manual per language and one handout per situation, built with
# Sphinx's LaTeX builder and XeLaTeX, collected in $(PDF).
PDF := $(BUILD)/pdf
# What a PDF build needs and latexmk's options are defined once, in
# src/vkdocs/latex.py (`vkdocs handout` uses them too); poppler's tools read the
# PDFs in the tests.
LATEX_FACT = $(shell $(PYTHON) tools/latex_facts.py $(1))
TEX_PACKAGES := $(call LATEX_FACT,TEX_PACKAGES) poppler-utils
TEX_TOOLS := $(call LATEX_FACT,TEX_TOOLS) pdftotext pdfinfo
export LATEXMKOPTS ?= $(call LATEX_FACT,LATEXMKOPTS)
# sphinx-build -M latexpdf SOURCE OUTPUT OPTIONS: LaTeX, then latexmk.
LATEXPDF = $(BIN)/python -m sphinx -M latexpdf $(1) $(2) $(SPHINX_STRICT) $(SPHINXOPTS) -D language=$(3) >$(2).log 2>&1 \
	|| { tail -n 40 $(2).log; echo "PDF build failed: full log in $(2).log" >&2; exit 1; }

.PHONY: help venv lock lint html $(addprefix html-,$(LANGUAGES)) doctest check test test-part-unit test-part-site test-browser bench translations livehtml clean dist site-zip
.PHONY: pdf handouts check-tex tex-packages lock-python test-pdf publish-pdf rtd $(addprefix manual-,$(LANGUAGES)) $(addprefix handouts-,$(LANGUAGES))

help: ## List the targets.
	@echo "vkdocs targets:"
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 22

$(STAMP): pyproject.toml $(LOCK)
	@echo "Setting up $(VENV) from pyproject.toml with the versions in $(LOCK)…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet --constraint $(LOCK) -e ".[$(EXTRAS)]"
	@touch $@

venv: $(VENV_READY) ## Create or refresh .venv (the exact versions of constraints.txt).

# uv resolves every extra of pyproject.toml for CI's Python on Linux, keeping
# the versions already locked unless UPGRADE=1 (then the newest that fit).
lock: $(VENV_READY) ## Update constraints.txt from pyproject.toml (UPGRADE=1: newest releases).
	@$(BIN)/uv pip compile pyproject.toml --all-extras --python-version $(LOCK_PYTHON) --python-platform linux \
	  --output-file $(LOCK) --custom-compile-command "make lock" --quiet $(if $(UPGRADE),--upgrade)
	@echo "$(LOCK) updated; commit it with pyproject.toml. The next make target reinstalls .venv from it."

lint: $(VENV_READY) ## Lint and type-check: ruff check, ruff format --check, mypy --strict on src/vkdocs.
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(BIN)/mypy || status=1; \
	exit $$status

# The languages build side by side (HTML_JOBS at a time): the bilingual build
# then takes about as long as the slower language, not the sum (see make bench).
HTML_JOBS ?= 2

# --keep-going: a failing doctest or a Russian error never stops the English
# build, so one run lists every language's problems.
html: $(VENV_READY) ## Run the doctests and build the HTML of every language (Russian and each catalog's).
	@$(MAKE) --no-print-directory --keep-going --jobs=$(HTML_JOBS) --output-sync=target \
	  doctest $(addprefix html-,$(LANGUAGES)) $(BUILD)/html/index.html \
	  || { echo "make html failed: the problems of every build (doctests, $(LANGUAGES)) are listed above." >&2; exit 1; }
	@$(MAKE) --no-print-directory publish-pdf
	@$(BIN)/python -m vkdocs.dataset $(BUILD)/html/data >/dev/null
	@echo "HTML: $(BUILD)/html/index.html (ru: $(BUILD)/html/ru/index.html, en: $(BUILD)/html/en/index.html; open data: $(BUILD)/html/data/)"

$(addprefix html-,$(LANGUAGES)): html-%: $(VENV_READY)
	@echo "Building HTML ($*)…"
	@$(SPHINX) -b html -D language=$* -d $(BUILD)/doctrees/$* $(DOCS) $(BUILD)/html/$*

# The front door: a link to each language's start page (tools/root_index.py).
$(BUILD)/html/index.html: tools/root_index.py $(DOCS)/index.md $(wildcard $(DOCS)/locale/*/LC_MESSAGES/index.po src/vkdocs/locale/*/LC_MESSAGES/vkdocs.po)
	@$(BIN)/python tools/root_index.py $@

doctest: $(VENV_READY) ## Run the doctests in the docs (Sphinx doctest builder).
	@echo "Running doctests…"
	@$(SPHINX) -b doctest -D language=ru -d $(BUILD)/doctrees/doctest $(DOCS) $(BUILD)/doctest

# The tiers of tests/ (tests/README.md): unit (seconds, no build), site (whole
# builds, links, translations, dataset, PDFs), browser (the built site in Chromium).
check: $(VENV_READY) ## The loop after every edit (seconds): the unit tests and every doctest (package and pages).
	@$(BIN)/python -m pytest -q -n auto --hypothesis-profile=check tests/unit src docs

# make test runs two pytest processes side by side: the unit tier with every
# doctest (nothing to build) beside the site and browser tiers, whose session
# builds, Read the Docs' replay and page survey leave a CPU free much of the
# time. Together the parts are pytest's testpaths, each test once
# (tests/unit/test_toolchain.py). The site part's progress is shown as it
# goes; the unit part's output, kept in $(BUILD)/test-unit.log, when it ends.
TEST_HELPERS := $(filter-out tests/conftest.py tests/bench.py,$(wildcard tests/*.py))
TEST_PART_unit := tests/unit src docs tools $(TEST_HELPERS)
TEST_PART_site := tests/site tests/browser

test: $(VENV_READY) ## Run every test: unit, doctests, translations, both builds, links, packages, PDFs (if built), browser.
	@$(MAKE) --no-print-directory --keep-going --jobs=2 test-part-unit test-part-site \
	  || { echo "make test failed: the failures of both parts (unit and doctests; site and browser) are listed above." >&2; exit 1; }

test-part-unit: $(VENV_READY)
	@mkdir -p $(BUILD)
	@status=0; $(BIN)/python -m pytest $(TEST_PART_unit) > $(BUILD)/test-unit.log 2>&1 || status=$$?; \
	  echo; echo "—— make test, unit tier and doctests (tests/unit src docs tools, the helpers' doctests) ——"; cat $(BUILD)/test-unit.log; exit $$status

test-part-site: $(VENV_READY)
	@$(BIN)/python -m pytest $(TEST_PART_site)

test-browser: html ## Check the built site in Chromium (/usr/bin/chromium): pages, switcher, search, calculator.
	@VKDOCS_SITE=$(BUILD)/html $(BIN)/python -m pytest tests/browser

bench: $(VENV_READY) ## Time the builds and tests and weigh the heaviest page, against a bare Furo build.
	@$(BIN)/python tests/bench.py

# Pages: Sphinx extracts, sphinx-intl updates docs/locale/<lang>. Package:
# Babel extracts the source data (vkdocs.extract) and updates
# src/vkdocs/locale/<lang>. Then every header is filled in, the translators'
# glossaries are written, and the progress of every catalog is shown (the
# figures sphinx-intl stat gives, for the package's catalogs too, with totals).
translations: $(VENV_READY) ## Extract messages, update every language's catalogs (pages and package), show what is left.
	@$(SPHINX) -E -b gettext -D language=$(SOURCE_LANGUAGE) $(DOCS) $(BUILD)/gettext
	@$(BIN)/sphinx-intl update -p $(BUILD)/gettext $(addprefix -l ,$(filter-out $(SOURCE_LANGUAGE),$(LANGUAGES))) -d $(DOCS)/locale --line-width -1
	@$(BIN)/python tools/catalogs.py prefill
	@$(BIN)/python tools/translations.py update
	@$(BIN)/python tools/translations.py glossary
	@echo "Catalogs updated. Progress by catalog (! marks one with messages left to translate):"
	@$(BIN)/python tools/translations.py stat

livehtml: $(VENV_READY) ## Rebuild HTML on every change and serve it (LIVE_LANG=en for English).
	@$(BIN)/sphinx-autobuild -D language=$(LIVE_LANG) $(DOCS) $(BUILD)/livehtml

check-tex: ## Check that TeX and the PDF tools are installed (exit status 2 if not).
	@missing=""; \
	for tool in $(TEX_TOOLS); do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	fc-list 2>/dev/null | grep -q "DejaVuSerif" || missing="$$missing fonts-dejavu"; \
	if [ -n "$$missing" ]; then \
	  echo "The PDF build needs TeX and poppler (missing:$$missing). On Debian or Ubuntu, install:" >&2; \
	  echo "  sudo apt-get install --no-install-recommends $(TEX_PACKAGES)" >&2; \
	  exit 2; \
	fi

tex-packages: # The Debian packages the PDF build needs (for .ci/run).
	@echo $(TEX_PACKAGES)

lock-python: # The Python version constraints.txt is locked for (for .ci/run and the tests).
	@echo $(LOCK_PYTHON)

pdf: $(addprefix manual-,$(LANGUAGES)) $(addprefix handouts-,$(LANGUAGES)) ## Build the PDF manual per language and every handout into docs/_build/pdf.
	@$(MAKE) --no-print-directory publish-pdf
	@echo "PDF: $(PDF)/ (manuals: $(foreach l,$(LANGUAGES),vkdocs-$(l).pdf); handouts: handout-<situation>-<lang>.pdf)"

handouts: $(addprefix handouts-,$(LANGUAGES)) ## Build the one-page handouts (one per situation and language) into docs/_build/pdf.
	@$(MAKE) --no-print-directory publish-pdf

$(addprefix manual-,$(LANGUAGES)): manual-%: check-tex $(VENV_READY)
	@echo "Building the PDF manual ($*)…"
	@mkdir -p $(PDF) $(BUILD)/latex
	@$(call LATEXPDF,$(DOCS),$(BUILD)/latex/manual-$*,$*)
	@cp $(BUILD)/latex/manual-$*/latex/vkdocs-$*.pdf $(PDF)/

$(addprefix handouts-,$(LANGUAGES)): handouts-%: check-tex $(VENV_READY)
	@echo "Building the handouts ($*)…"
	@mkdir -p $(PDF) $(BUILD)/latex
	@rm -f $(BUILD)/latex/handouts-$*/latex/handout-*.pdf
	@$(call LATEXPDF,$(DOCS)/_handouts,$(BUILD)/latex/handouts-$*,$*)
	@cp $(BUILD)/latex/handouts-$*/latex/handout-*-$*.pdf $(PDF)/

# The HTML pages link to pdf/<file> of their language's output: copy the PDFs
# there whenever both exist (after `make pdf` or `make html`, in either order).
publish-pdf:
	@for lang in $(LANGUAGES); do \
	  if [ -d $(BUILD)/html/$$lang ] && ls $(PDF)/*-$$lang.pdf >/dev/null 2>&1; then \
	    mkdir -p $(BUILD)/html/$$lang/pdf && cp $(PDF)/*-$$lang.pdf $(BUILD)/html/$$lang/pdf/; \
	  fi; \
	done

test-pdf: pdf ## Build every PDF, then check them (as CI does: a missing PDF fails).
	@VKDOCS_REQUIRE_PDF=1 $(BIN)/python -m pytest tests/site/test_pdf.py tests/site/test_pdf_headings.py

# Read the Docs' build of every language, replayed as it runs it (tools/rtd_replay.py):
# a scratch copy of the repository, its environment variables, the build.jobs of
# .readthedocs.yaml (install in a fresh virtualenv) around its HTML, LaTeX and
# latexmk commands; then the checks of tests/site/test_rtd.py on what it output.
# RTD_PYTHON=.venv/bin/python skips the virtualenv and the install job.
RTD := $(BUILD)/rtd
RTD_PYTHON ?=

rtd: check-tex $(VENV_READY) ## Replay Read the Docs' build of every language into docs/_build/rtd, then check its output.
	@$(BIN)/python tools/rtd_replay.py --work $(RTD) $(if $(RTD_PYTHON),--python $(RTD_PYTHON)) \
	  || { echo "Read the Docs' build fails: the logs are in $(RTD)/<lang>/logs/" >&2; exit 1; }
	@VKDOCS_RTD_DIR=$(RTD) $(BIN)/python -m pytest tests/site/test_rtd.py

# The static site as one zip, to host anywhere (any web server, or opened from
# a folder: file://). Everything is in it, the PDFs too, and nothing is fetched
# from another host (MAINTAINING.md "Privacy").
SITE_ZIP := $(BUILD)/vkdocs-site.zip

dist: html pdf ## Zip the built site (both languages and the PDFs) into docs/_build/vkdocs-site.zip.
	@$(MAKE) --no-print-directory site-zip

site-zip: $(BUILD)/html/index.html
	@rm -rf $(BUILD)/dist $(SITE_ZIP)
	@mkdir -p $(BUILD)/dist
	@cp -R $(BUILD)/html $(BUILD)/dist/vkdocs-site
	@find $(BUILD)/dist -name .buildinfo -delete
	@$(PYTHON) -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", sys.argv[2], "vkdocs-site")' \
	  $(basename $(SITE_ZIP)) $(BUILD)/dist
	@rm -rf $(BUILD)/dist
	@echo "Site: $(SITE_ZIP) (unzip it anywhere and open vkdocs-site/index.html, or serve the folder)"

clean: ## Remove built output (keeps .venv).
	rm -rf $(BUILD)
