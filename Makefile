# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: install demo test test-fast bench lint clean

# Re-installs only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,browser]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	@echo "building the demo database from data/sample, then serving http://localhost:$(PORT)"
	$(BIN)/regwatch demo --db data/demo.db --port $(PORT)

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow and not browser"

bench: install
	$(BIN)/python bench/run_all.py

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache data/demo.db data/demo.db-wal data/demo.db-shm
