# docgen — two commands on a fresh Debian 12 machine: `make demo` and `make test`.
# Every target that runs docgen first runs scripts/setup.sh (fast when already done).

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
DOCGEN := $(VENV)/bin/docgen
DEMO := fixtures/suzhou-2020-96.yaml
OUT := out
PYTEST_ARGS ?=

# The fonts.conf written by setup maps 仿宋_GB2312, 黑体, Times New Roman … to the free faces.
export FONTCONFIG_FILE := $(CURDIR)/.fonts/fonts.conf

.PHONY: help setup test demo bench clean distclean

help:
	@echo "docgen — GB/T 9704-2012 会议纪要: YAML → DOCX/PDF, and back"
	@echo
	@echo "  make demo       set up, then render $(DEMO) to $(OUT)/ (PDF, DOCX, HTML)"
	@echo "  make test       set up, then run the test suite (PYTEST_ARGS='-k …' to select)"
	@echo "  make setup      apt packages, Fandol fonts, .fonts/fonts.conf, .venv (idempotent)"
	@echo "  make bench      set up, then run the benchmarks"
	@echo "  make clean      remove $(OUT)/ and caches; 'make distclean' also .venv and .fonts"

setup:
	@bash scripts/setup.sh

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

# out/ is the demo's own folder: --force also replaces what an older docgen wrote there
# (DOCX files from before docgen marked its own in docProps/app.xml).
demo: setup
	@$(DOCGEN) render $(DEMO) -o $(OUT) --format docx,pdf,html --force >/dev/null
	@echo "Rendered $(DEMO) (GB/T 9704-2012) to $(CURDIR)/$(OUT)/:"
	@stem=$$(basename $(DEMO) .yaml); for ext in docx pdf html; do \
		printf '  %-5s %s\n' "$$ext" "$(CURDIR)/$(OUT)/$$stem.$$ext"; done
	@echo "Open the .html in a browser, or try: $(DOCGEN) preview $(DEMO) --port 0"

bench: setup
	$(VENV)/bin/pip install -q -e '.[bench]'
	$(PY) -m benchmarks

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis build
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .fonts
