# Two commands on a fresh machine with Python 3.11: `make generate` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: generate test check lint bench install clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "need python3.11 on PATH (or make PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

generate: $(STAMP)
	$(BIN)/platygen generate --quiet

check: $(STAMP)
	$(BIN)/platygen generate --check --quiet

lint: $(STAMP)
	$(BIN)/platygen lint

test: $(STAMP)
	$(BIN)/python -m pytest

# Not a test: minutes of measurements (BENCH_ARGS="--large" adds 25,000 files).
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .platygen-cache
