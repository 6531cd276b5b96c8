# Everyday commands. Each one creates .venv and installs requirements.txt on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint fmt eval bench clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

run: $(STAMP)  ## start the app (embedded local S3 unless S3_BUCKET_NAME is set)
	$(BIN)/streamlit run app.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy resume_core

test: lint  ## lint, type-check, then the whole test suite
	$(BIN)/python -m pytest

eval: $(STAMP)  ## tailoring quality on the labelled cases
	$(BIN)/python -m bench.eval_tailoring

bench: $(STAMP)  ## speed: tailoring, PDF builds, history at 10,000 uploads
	$(BIN)/python -m bench
	$(BIN)/python -m bench.history 2>/dev/null

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
