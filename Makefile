# Two commands a new user needs: `make serve` and `make test`.
# Each creates .venv on first use and installs the pinned dependencies.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check bench clean

node_modules/.package-lock.json: package.json package-lock.json  ## axe-core for the accessibility tests
	npm ci --no-audit --no-fund

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)  ## preview the sample catalog: pages made when asked for, reloaded on save
	$(BIN)/tejido serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## write the site to site/
	$(BIN)/mkdocs build --strict --site-dir site

check: $(STAMP)  ## validate the content only
	$(BIN)/tejido check

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/mypy

test: $(STAMP) node_modules/.package-lock.json lint  ## the whole test suite
	$(BIN)/pytest -q

bench: $(STAMP)
	TEJIDO_PDF=false $(BIN)/python bench/build_time.py --organizations 1000
	$(BIN)/python bench/pdf_time.py

clean:
	rm -rf site .venv .cache .pytest_cache .mypy_cache .ruff_cache
