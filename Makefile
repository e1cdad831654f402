# connect_lake — two commands: `make run` (set up, simulate, build on DuckDB, docs) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# dbt-bouncer needs duckdb < 2: its own environment, so the project's pins stay as they are
BOUNCER_VENV := .venv-bouncer
BOUNCER_STAMP := $(BOUNCER_VENV)/.installed

# make passes dbt only what you set yourself: the defaults (data/raw, data/warehouse/connect_lake.duckdb) live
# in profiles.yml and dbt_project.yml, so `make build` and a plain `dbt build` parse alike and dbt's partial
# parsing survives switching between them
RAW_PATH := $(or $(CONNECT_LAKE_RAW_PATH),data/raw)
WAREHOUSE_PATH := $(or $(CONNECT_LAKE_DUCKDB_PATH),data/warehouse/connect_lake.duckdb)
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1

DAYS ?= 3
SEED ?= 42
DAILY_CONTACTS ?= 2500
TRUTH_PATH := $(abspath $(RAW_PATH)/../truth)
DBT_TARGET := $(or $(DBT_TARGET_PATH),target)
DBT := $(BIN)/dbt

.PHONY: help run test venv simulate stage build docs freshness dashboard figures screenshot browser lint clean athena-check trino-check trino-start trino-stop bench

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "connect_lake needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(STAMP)

venv: $(STAMP)  ## create .venv with the pinned toolchain

$(BOUNCER_STAMP): requirements-bouncer.txt
	$(PYTHON) -m venv $(BOUNCER_VENV)
	$(BOUNCER_VENV)/bin/pip install --quiet --upgrade pip
	$(BOUNCER_VENV)/bin/pip install --quiet -r requirements-bouncer.txt
	@touch $(BOUNCER_STAMP)

simulate: $(STAMP)  ## simulate DAYS days of an Amazon Connect instance into CONNECT_LAKE_RAW_PATH (data/raw)
	$(BIN)/connect-lake simulate --days $(DAYS) --seed $(SEED) --daily-contacts $(DAILY_CONTACTS) \
		--out $(RAW_PATH) --truth-out $(TRUTH_PATH) --malformed-line-rate 0.0005 --corrupt-object-rate 0.002 --overwrite

stage: $(STAMP)  ## create the raw relations over the landing folder (dbt run-operation stage_raw_sources)
	$(DBT) run-operation stage_raw_sources

build: $(STAMP)  ## dbt build on DuckDB (seeds, models, unit and data tests), the landing reads first, one at a time
	$(BIN)/connect-lake build

docs: $(STAMP)  ## dbt docs generate
	$(DBT) docs generate

freshness: $(STAMP)  ## dbt source freshness: how old each feed's newest landing hour is (the simulated days are in the past: stale)
	@$(DBT) source freshness || echo "source freshness: stale or failing feeds above (a simulated lake's days are in the past)"

dashboard: $(STAMP)  ## write the KPI dashboard, one self-contained HTML file, to target/dashboard/index.html
	$(BIN)/connect-lake dashboard --warehouse $(WAREHOUSE_PATH) --semantic-manifest $(DBT_TARGET)/semantic_manifest.json \
		--out $(DBT_TARGET)/dashboard/index.html

figures: $(STAMP)  ## print the run's figures the README quotes (make test holds the README's copy to a fresh run)
	@$(BIN)/connect-lake figures --warehouse $(WAREHOUSE_PATH) --semantic-manifest $(DBT_TARGET)/semantic_manifest.json \
		--truth $(TRUTH_PATH)

screenshot: dashboard browser  ## the README's dashboard screenshot (docs/images/dashboard.png) from the dashboard
	$(BIN)/python -m connect_lake.dashboard.screenshot $(DBT_TARGET)/dashboard/index.html docs/images/dashboard.png

# the browser tests drive Debian's Chromium; installed once when missing (apt-get, as root or through sudo)
browser:  ## install Debian's chromium and chromedriver for the browser tests, if missing
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -q && $$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver; }

run: $(STAMP)  ## set up, simulate, stage, build, document and chart on DuckDB — the main job
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory simulate stage build docs freshness dashboard && \
	echo "" && $(MAKE) --no-print-directory figures && echo "" && \
	echo "connect_lake is built ($$(( $$(date +%s) - start )) s)." && \
	echo "  warehouse: $(abspath $(WAREHOUSE_PATH))" && \
	echo "  raw data:  $(abspath $(RAW_PATH))" && \
	echo "  truth:     $(TRUTH_PATH)" && \
	echo "  docs:      $(CURDIR)/target/index.html  (serve with: $(DBT) docs serve)" && \
	echo "  dashboard: $(CURDIR)/target/dashboard/index.html  (open it in a browser; no network needed)" && \
	echo "  metrics:   $(BIN)/mf query --saved-query daily_queue_kpis  (README, \"Query the warehouse\")"

test: $(STAMP) $(BOUNCER_STAMP) browser  ## run every test (simulator, dbt on DuckDB, metrics, dashboard and docs in Chromium, lint, naming rules, Athena offline checks, the build on Trino)
	$(BIN)/pytest

athena-check: $(STAMP)  ## the offline Athena gates: compile every model and the raw DDL, parse as Athena SQL
	$(BIN)/pytest pytests/athena

trino-check: $(STAMP)  ## start a local Trino 476, build and test every model on it, parity with DuckDB, stop it
	$(BIN)/pytest pytests/trino

trino-start: $(STAMP)  ## start the local Trino server (data/trino, 127.0.0.1:18080) for --target trino by hand
	$(BIN)/connect-lake trino start --state data/trino

trino-stop: $(STAMP)  ## stop the local Trino server started by trino-start
	$(BIN)/connect-lake trino stop --state data/trino

bench: $(STAMP)  ## the scale benchmarks (not tests): incremental cost vs full build vs raw floor at two history lengths
	$(BIN)/python benchmarks/incremental_cost.py $(BENCH_ARGS)

lint: $(STAMP)  ## ruff and sqlfluff
	$(BIN)/ruff check src pytests
	$(BIN)/sqlfluff lint models analyses tests/singular --processes 2

clean:  ## remove generated data, warehouses and dbt artefacts (keeps .venv)
	rm -rf data target target_athena target_athena_parity target_trino logs
