# mailbot: `make demo` shows the bot booking a consultation; `make test` runs every test.
# `make bench` prints the benchmark figures (QUICK=1: small sizes).
# Both install what they need first (Debian packages via scripts/install-deps.sh, the venv).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.mailbot-installed

.PHONY: deps venv test demo desk-demo bench clean
.NOTPARALLEL:

deps:
	@scripts/install-deps.sh

venv: deps $(STAMP)

# Re-install only when the package list or the pins change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	@touch $@

test: venv
	$(VENV)/bin/pytest -q

demo: venv
	$(PY) -m mailbot.demo

# every staff desk command against the sandbox (the README's "For staff" screens)
desk-demo: venv
	$(PY) -m mailbot.demo.desk

bench: venv
	$(PY) bench/run.py $(if $(QUICK),--quick)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache demo-run
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
