# Quick start: `make run` builds output/ from examples/; `make test` runs the tests.
# Both create the virtual environment .venv and install kg into it on first use.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KG := $(VENV)/bin/kg
STAMP := $(VENV)/.installed-stamp
# The query page and graph view's browser libraries: npm packages pinned in package-lock.json,
# copied into the kg package so the pages work offline (see kg/assets).
ASSETS := kg/assets/vendor/NOTICE.txt

.PHONY: setup run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

$(ASSETS): package.json package-lock.json $(STAMP)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	$(PY) -m kg.assets node_modules

setup: $(STAMP) $(ASSETS)

run: setup
	$(KG) build examples/ --output output/
	$(KG) validate --output output/
	$(KG) export --format graphml --to output/graph.graphml --output output/
	$(KG) query officials-and-posts --output output/

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) -m bench.speed

clean:
	rm -rf $(VENV) output/store .pytest_cache node_modules kg/assets/vendor
