# Two commands do all set-up on a fresh machine:
#   make run   - create .venv, install the locked dependencies, migrate, seed, start the
#                webhook worker and serve on 127.0.0.1:8000
#   make test  - create .venv with the dev extras, run ruff and pytest
#   make bench - create .venv with the bench extras, install wrk, measure issue 12's goals
#                (make bench SCALES=10000,100000 BENCH_ARGS="--rounds 1"; README "Benchmarks")
# Any Python 3.11 or newer: the first of these commands that is one (or set PYTHON=...).
PYTHON_NAMES := python3 python3.14 python3.13 python3.12 python3.11 python
PYTHON ?= $(firstword $(foreach name,$(PYTHON_NAMES),$(shell $(name) -c \
	'import sys; print("$(name)" if sys.version_info >= (3, 11) else "")' 2>/dev/null)))
VENV := .venv
BIN := $(VENV)/bin
BROWSER := /usr/bin/chromium /usr/bin/chromedriver
WRK := /usr/bin/wrk
# Claims in each database `make bench` measures, and more options of bench/suite.py.
SCALES ?= 10000,100000,1000000
BENCH_ARGS ?=

.PHONY: run test lint lock serve clean bench

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed; none of" \
		"$(PYTHON_NAMES) is one. Install it, or name it: make PYTHON=/path/to/python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev-installed: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.run-installed

# The bench lock holds the dev extras too, so one .venv serves make test and make bench.
$(VENV)/.bench-installed: requirements-bench.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-bench.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.dev-installed $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/factcheck migrate
	$(BIN)/factcheck seed
	@# The worker runs beside gunicorn and stops with it, however gunicorn ends.
	$(BIN)/factcheck worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

test: $(VENV)/.dev-installed $(BROWSER)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# Debian's Chromium and its driver, for tests/test_browser.py: installed when missing (CI
# runs as root on a fresh machine), left alone when present.
$(BROWSER) &:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver

bench: $(VENV)/.bench-installed $(WRK)
	$(BIN)/python -m bench.suite --scales $(SCALES) $(BENCH_ARGS)

# Debian's wrk, the load generator of make bench: installed when missing, as Chromium is.
$(WRK):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y wrk

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the lock files after changing dependencies in pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra dev --output-file requirements-dev.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra dev --extra bench --output-file requirements-bench.lock pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
