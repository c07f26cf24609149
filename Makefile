# Two commands for a newcomer: `make run` and `make test`. Each sets up .venv on first use
# and reinstalls only when pyproject.toml changed (the stamp files record that).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.stamp-app
TEST_STAMP := $(VENV)/.stamp-test

.PHONY: run demo test bench screenshots check-content clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(APP_STAMP)

run: $(APP_STAMP)
	$(BIN)/gluteui $(ARGS)

demo: $(APP_STAMP)
	$(BIN)/gluteui --demo

# The import layers first (pyproject's [tool.importlinter]), then the suite on every core;
# a single file still runs plainly: .venv/bin/python -m pytest tests/unit/test_store.py
test: $(TEST_STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -n auto

bench: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/bench -q -s -o python_files='bench_*.py'

screenshots: $(TEST_STAMP)
	$(BIN)/python -m tests.make_screenshots screenshots

check-content: $(APP_STAMP)
	$(BIN)/gluteui check-content

clean:
	rm -rf $(VENV) build dist *.egg-info
