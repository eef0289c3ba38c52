# Task runner: every target installs what it needs first (Python 3.11-3.13 is all it assumes).
# PYTHON picks the interpreter; by default the first of these that runs (pyenv shims of
# versions that are not active do not run). Its real path is handed to uv.
PYTHON ?= $(firstword $(foreach p,python3.11 python3.12 python3.13 python3,\
	$(shell $(p) -c 'import sys; print(sys.executable)' 2>/dev/null)))
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export DAGSTER_DISABLE_TELEMETRY := 1

.PHONY: dataset test lint validate evaluate evaluate-peer benchmark dev install clean

dataset: install  ## Build every asset, run every check, publish datasets/<version>/ (LOG=DEBUG: every event)
	$(VENV)/bin/python -m pipelines.build --job build_dataset $(if $(LOG),--log-level $(LOG))

test: install  ## Run the test suite
	$(VENV)/bin/pytest

lint: install  ## Formatter, linter and type checker
	$(VENV)/bin/ruff check pipelines schemas client tests
	$(VENV)/bin/ruff format --check pipelines schemas client tests
	$(VENV)/bin/mypy pipelines schemas client/src

validate: install  ## CI validation: build and check everything, publish nothing; fails on any failure or a version that differs from the committed one
	$(VENV)/bin/python -m pipelines.build --job ci_validation $(if $(LOG),--log-level $(LOG))

evaluate: install  ## Extraction quality on the seeds, the dev corpus and (POLNEAR=path) PolNeAR
	$(VENV)/bin/python -m pipelines.evaluation.report $(if $(POLNEAR),--polnear $(POLNEAR))

evaluate-peer: install  ## Our quotations against textacy's on the dev corpus and (POLNEAR=path) PolNeAR
	$(UV) run --no-project --python $(VENV)/bin/python --with textacy==0.13.0 \
		python -m pipelines.evaluation.peer $(if $(POLNEAR),--polnear $(POLNEAR))

benchmark: install  ## Time every stage on 10,000 generated articles (about 15 minutes)
	$(VENV)/bin/python -m pipelines.bench.benchmark --articles 10000

dev: install  ## Dagster UI and daemon on http://127.0.0.1:3000
	$(VENV)/bin/python -m pipelines.dev --host 127.0.0.1 --port 3000

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	@test -n "$(PYTHON)" || { echo "no Python 3.11-3.13 found: install one, or set PYTHON=/path/to/python3"; exit 1; }
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

$(UV):
	@test -n "$(PYTHON)" || { echo "no Python 3.11-3.13 found: install one, or set PYTHON=/path/to/python3"; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

clean:
	rm -rf $(VENV) $(TOOLS) build .dagster_home/storage .dagster_home/history .dagster_home/logs
