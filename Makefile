# xling: two commands do all the set-up on a fresh machine.
#   make demo   installs xling into .venv and runs the main job on the bundled article
#   make test   installs xling (with the test and ray extras) into .venv, the browser and OmegaT
#               for the browser/CAT-tool tests where it can (root + apt-get), then runs ruff,
#               mypy and the test suite
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
# argostranslate -> stanza -> torch. On PyPI the plain Linux torch wheel is a multi-GB CUDA
# build; on the project's machines `torch==2.13.0` resolves to a CPU wheel kept on local disk.
# Elsewhere, point pip at PyTorch's CPU wheels, e.g.
#   make TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cpu" test
TORCH_SPEC     ?= torch==2.13.0
TORCH_PIP_ARGS ?=

.PHONY: install install-test system-deps demo test lint bench clean

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q $(TORCH_PIP_ARGS) "$(TORCH_SPEC)"
	$(BIN)/python -m pip install -q -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed pyproject.toml
	$(BIN)/python -m pip install -q -e ".[test,bench,ray]"
	touch $@

install: $(BIN)/.installed

install-test: $(BIN)/.installed-test

# Debian's chromium + chromium-driver (the report's browser test) and omegat (the CAT-tool
# round-trip tests). Installed only as root with apt-get; elsewhere those tests skip and say why.
system-deps:
	@sh .ci/system-deps.sh

demo: install
	$(BIN)/python -m xling.demo examples/putin-sharaa-2025-10-15.fa.txt --out-dir out

test: install-test system-deps lint
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check xling tests bench
	$(BIN)/ruff format --check xling tests bench
	$(BIN)/mypy xling

bench: install-test
	for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) out *.egg-info
