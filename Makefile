# Cascade: the two commands of the README are `make demo` and `make test`.
# Everything installs from this repository's own files into ./.venv.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: install demo test test-fast bench bench-m bench-l clean lint

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test]'
	touch $@

## demo: install, ingest the sample corpus into the embedded graph and serve the API + lineage pages
demo: install
	$(VENV)/bin/cascade demo

## test: the whole suite (installs Chromium from Debian for the browser test when missing and run as root)
test: install
	bash .ci/ensure-debian
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not browser and not slow"

## lint: the house-style checks (docstrings, regexes only in ingest/patterns.py); also part of `make test`
lint: install
	$(PY) -m pytest -q tests/test_house_style.py

## bench: the S-size benchmarks (numbers printed and written to bench/results.json)
bench: install
	$(PY) -m bench.run --size S

bench-m: install
	$(PY) -m bench.run --size M

bench-l: install
	$(PY) -m bench.run --size L

clean:
	-$(VENV)/bin/cascade db stop
	rm -rf .cascade .pytest_cache .hypothesis bench/out
