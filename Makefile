# Two commands a new user needs: `make serve` and `make test`.
# Each creates .venv on first use and installs the pinned dependencies.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-$(shell cat requirements.lock requirements-properdocs.lock pyproject.toml | cksum | cut -d' ' -f1)
# The tests that build sites: with TEJIDO_ENGINE=properdocs, ProperDocs builds them.
BUILD_TESTS := tests/test_build.py tests/test_settings.py tests/test_search.py \
	tests/test_browser.py tests/test_accessibility.py \
	tests/test_cli_and_sample.py tests/test_pdf.py

.PHONY: serve build test lint check bench clean test-properdocs

node_modules/.package-lock.json: package.json package-lock.json  ## axe-core (accessibility tests), ESLint
	npm ci --no-audit --no-fund

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

# ProperDocs (the maintained fork of MkDocs 1.6) in its own venv, so it never shadows MkDocs.
$(PD_STAMP): requirements.lock requirements-properdocs.lock pyproject.toml
	test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/pip install --quiet -r requirements.lock -r requirements-properdocs.lock
	$(PD_VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(PD_VENV)/.installed-*
	touch $@

serve: $(STAMP)  ## preview the sample catalog: pages made when asked for, reloaded on save
	$(BIN)/tejido serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## write the site to site/
	$(BIN)/mkdocs build --strict --site-dir site

check: $(STAMP)  ## validate the content only
	$(BIN)/tejido check

lint: $(STAMP) node_modules/.package-lock.json
	$(BIN)/ruff check plugins tests bench
	$(BIN)/mypy
	npx --no-install eslint plugins/tejido/theme/assets/javascripts

test: $(STAMP) node_modules/.package-lock.json lint  ## the whole test suite
	$(BIN)/pytest -q

test-properdocs: $(PD_STAMP) node_modules/.package-lock.json  ## the sample and the build tests, built by ProperDocs
	NO_MKDOCS_2_WARNING=1 $(PD_VENV)/bin/properdocs build --strict -f mkdocs.yml --site-dir site-properdocs
	TEJIDO_ENGINE=properdocs $(PD_VENV)/bin/pytest -q $(BUILD_TESTS)

bench: $(STAMP)
	TEJIDO_PDF=false $(BIN)/python bench/build_time.py --organizations 1000
	$(BIN)/python bench/pdf_time.py

clean:
	rm -rf site site-properdocs .venv $(PD_VENV) .cache .pytest_cache .mypy_cache .ruff_cache
