# Two commands for a newcomer: `make run` and `make test`. Each sets up .venv on first use
# and reinstalls only when pyproject.toml changed (the stamp files record that).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.stamp-app
TEST_STAMP := $(VENV)/.stamp-test

.PHONY: run demo test bench screenshots check-content voice clean

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

# The import layers first (pyproject's [tool.importlinter]), then the types (mypy, strict),
# lint (ruff) and dead code (vulture), each configured in pyproject.toml and each at zero,
# then the suite on two workers a core: a Pilot test idles about half its time in Textual's
# waits for the app to settle (and the phone's tests on their websocket), so on this 2-core
# machine four workers took 176 s where three took 188 s (five: 168 s, but a busier machine).
# A single file still runs plainly: .venv/bin/python -m pytest tests/unit/test_store.py
WORKERS ?= $(shell $(PYTHON) -c 'import os; print(max(2, (os.cpu_count() or 1) * 2))')
test: $(TEST_STAMP)
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/ruff check gluteui tests tools
	$(BIN)/vulture
	$(BIN)/python -m pytest -q -n $(WORKERS) --dist worksteal

bench: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/bench -q -s -o python_files='bench_*.py'

screenshots: $(TEST_STAMP)
	$(BIN)/python -m tests.make_screenshots screenshots
	$(BIN)/python -m tests.remote.make_screenshots screenshots

check-content: $(APP_STAMP)
	$(BIN)/gluteui check-content

# content/voice/<key>.wav for every phrase and exercise name, spoken by flite (see
# content/voice/README.md); only the standard library besides flite itself.
voice: $(APP_STAMP)
	@command -v flite >/dev/null || { echo "make voice needs flite: apt-get install flite"; exit 1; }
	$(BIN)/python tools/render_voice.py content

clean:
	rm -rf $(VENV) build dist *.egg-info
