# make run   set up .venv and build the timeline of seeds/ (table here, timelines/seeds.yaml)
# make test  set up .venv with the test tools and run the tests
# make lint  ruff check, ruff format --check, mypy --strict
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint timelines bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $@ $(VENV)/.run

timelines: $(VENV)/.run
	$(BIN)/syriatl build seeds --format yaml --output timelines/seeds.yaml

run: timelines
	$(BIN)/syriatl build seeds --format table

test: $(VENV)/.test
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check syriatl tests benchmarks
	$(BIN)/ruff format --check syriatl tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.test
	$(BIN)/python benchmarks/te3.py --docs ../shared/eval/te3/docs.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
