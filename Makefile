# Quick start: `make run` builds output/ from examples/; `make test` runs the tests.
# Both create the virtual environment .venv and install kg into it on first use.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KG := $(VENV)/bin/kg
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

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
	rm -rf $(VENV) output/store .pytest_cache
