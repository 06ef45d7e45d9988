# Two commands do everything on a fresh machine with Python 3.11 or newer:
#   make run    create .venv if needed, install ReformKit, open the app
#   make test   the same set-up, then every check: ruff, mypy, import-linter, pytest
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help run test test-one-font lint typecheck layers pytest bench clean dist

help:
	@echo "make run    open ReformKit (creates .venv and installs on first use)"
	@echo "make test   run every test and check"
	@echo "make test-one-font  the desktop tests again with a single font installed"
	@echo "make bench  print the benchmark figures"
	@echo "make dist   build the laptop app in dist/reformkit (check it: .venv/bin/python build_scripts/smoke_test.py)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ReformKit needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/reformkit

test: $(STAMP) lint typecheck layers pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

# The desktop tests again on a machine with one font (Liberation Sans, package fonts-liberation),
# to prove none depends on the fonts installed. CI runs it after make test.
ONE_FONT := $(CURDIR)/tests/fontconfig/one-font.conf
test-one-font: $(STAMP)
	@fonts=$$(FONTCONFIG_FILE=$(ONE_FONT) fc-list); echo "One font: $$fonts"; \
	  test "$$(echo "$$fonts" | grep -c .)" = 1 || { echo "expected exactly one font"; exit 1; }
	QT_QPA_PLATFORM=offscreen FONTCONFIG_FILE=$(ONE_FONT) $(BIN)/pytest -q tests/desktop

bench: $(STAMP)
	@for script in benchmarks/*.py; do \
	  case $$script in */generated_plan.py) continue;; esac; \
	  echo "== $$script"; $(BIN)/python $$script || exit 1; \
	done

dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/python build_scripts/build.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
