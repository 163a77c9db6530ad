# ICS Portal: `make run` serves the portal with demo data; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3.13
VENV := .venv
BIN := $(VENV)/bin
GOVUK := node_modules/govuk-frontend/dist/govuk
HOST ?= 127.0.0.1:8000

.PHONY: run test test-fast lint install assets migrate demo clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.13 is needed (see README)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed assets

# GOV.UK Frontend's precompiled dist, without the GDS Transport font (not a GOV.UK domain)
# and without the source map comments (the maps are not shipped, and collectstatic's
# manifest storage refuses a reference to a missing file).
static/govuk/.version: package-lock.json Makefile
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/govuk && mkdir -p static/govuk
	cp -r $(GOVUK)/assets static/govuk/
	rm -rf static/govuk/assets/fonts
	sed -E 's/@font-face\{[^}]*\}//g; s/GDS Transport,//g; s|/\*# sourceMappingURL=[^*]*\*/||' \
		$(GOVUK)/govuk-frontend.min.css > static/govuk/govuk-frontend.min.css
	sed -E 's|//# sourceMappingURL=.*$$||' $(GOVUK)/govuk-frontend.min.js \
		> static/govuk/govuk-frontend.min.js
	node -p 'require("./package-lock.json").packages["node_modules/govuk-frontend"].version' > $@

assets: static/govuk/.version

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	SECRET_KEY=makemigrations-check DEBUG=0 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules static/govuk staticfiles
