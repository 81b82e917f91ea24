# Two commands do everything on a fresh machine with Python 3.11:
#   make run    install (locked) and run kabar on the bundled seeds
#   make test   install (locked) and run the test suite
PY ?= python3
# The uv that started us (`uv run` exports UV), else uv on PATH, else the interpreter's: inside
# the project's venv (a `uv run` child, an activated shell) `python3` has neither uv nor pip.
UV ?= $(shell command -v uv 2>/dev/null || echo $(PY) -m uv)

.PHONY: setup run test
# Bytecode is compiled once at install: every run then imports Prefect, GX and their
# dependencies from .pyc, also where PYTHONDONTWRITEBYTECODE is set (~10 s CPU a run).
setup:
	@$(UV) --version >/dev/null 2>&1 || $(PY) -m pip install --quiet --disable-pip-version-check uv
	@$(UV) sync --frozen --quiet --compile-bytecode

run: setup
	$(UV) run --frozen kabar run

test: setup
	$(UV) run --frozen pytest

# Operations (README, "Operations"): a Prefect server on 127.0.0.1, the `kabar` process
# pool, the deployments of prefect.yaml, and a worker, in one command; Ctrl-C or SIGTERM stops all.
PORT ?= 4200
.PHONY: serve nightly
serve: setup
	$(UV) run --frozen python -m flows.serve --port $(PORT)

# run the `nightly` deployment now, on the server `make serve` started, and wait for it
nightly: setup
	PREFECT_API_URL=http://127.0.0.1:$(PORT)/api $(UV) run --frozen prefect deployment run 'kabar/nightly' --watch
