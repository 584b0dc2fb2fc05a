# Every target bootstraps what it needs: Debian packages (once), then the venv (when
# pyproject.toml changes). Already set up, both steps are silent no-ops.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
APT_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd ghostscript poppler-utils jbig2dec
export OMP_THREAD_LIMIT := 1

.PHONY: run test bench chaos lint bootstrap apt clean

run: bootstrap
	$(VENV)/bin/faxvault serve

test: bootstrap
	$(VENV)/bin/pytest -q

bench: bootstrap
	$(VENV)/bin/python benchmarks/ocr_throughput.py
	$(VENV)/bin/python benchmarks/ocr_quality.py
	$(VENV)/bin/python benchmarks/search_latency.py
	$(VENV)/bin/python benchmarks/webhook_ack.py
	$(VENV)/bin/python benchmarks/archive.py
	$(VENV)/bin/python benchmarks/export.py
	$(VENV)/bin/python benchmarks/spam_eval.py
	$(VENV)/bin/python benchmarks/load.py

# 20 SIGKILL cycles against a provider failing 30% of calls (the suite runs 3), then the S3
# store stopped for two minutes mid-run (the suite runs a short outage).
chaos: bootstrap
	$(VENV)/bin/python -m tests.chaos --cycles 20
	$(VENV)/bin/python -m tests.faults --outage 120

lint: bootstrap
	$(VENV)/bin/ruff check .

bootstrap: apt $(STAMP)

# Installs only the Debian packages that are missing; says what to run when it may not.
apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "faxvault needs Debian packages:$$missing" >&2; \
	     echo "apt needs root; run: sudo apt-get install -y$$missing" >&2; exit 1; fi; \
	echo "installing Debian packages:$$missing ..."; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null

$(STAMP): pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@echo "installing faxvault and its dev extras into $(VENV) ..."
	@$(VENV)/bin/pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
