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

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

bench: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/bench -q -s -o python_files='bench_*.py'

screenshots: $(TEST_STAMP)
	$(BIN)/python -m tests.make_screenshots screenshots

check-content: $(APP_STAMP)
	$(BIN)/gluteui check-content

clean:
	rm -rf $(VENV) build dist *.egg-info
