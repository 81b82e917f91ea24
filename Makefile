# Two commands do everything on a fresh machine with Python 3.11:
#   make run    install (locked) and run kabar on the bundled seeds
#   make test   install (locked) and run the test suite
PY ?= python3
UV := $(PY) -m uv

.PHONY: setup run test
setup:
	@$(UV) --version >/dev/null 2>&1 || $(PY) -m pip install --quiet --disable-pip-version-check uv
	@$(UV) sync --frozen --quiet

run: setup
	$(UV) run --frozen kabar run

test: setup
	$(UV) run --frozen pytest
