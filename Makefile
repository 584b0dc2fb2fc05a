# Every target bootstraps what it needs: Debian packages (once), then the venv (when
# pyproject.toml or the lock changes). Already set up, both steps are silent no-ops.
# The venv gets exactly the releases pinned, with their SHA-256s, in requirements-dev.lock
# (requirements.lock is the runtime part, for deployments); `make lock` regenerates both.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
# What faxvault runs on, then what only the tests need (one line each: tests make TIFFs with
# other writers' tags, start their own PostgreSQL with initdb + pg_ctl, their own IMAP server,
# and drive Debian's Chromium for the web inbox: Playwright downloads no browser of its own).
APT_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd tesseract-ocr-script-latn ghostscript poppler-utils
APT_PACKAGES += jbig2dec
APT_PACKAGES += netpbm libtiff-tools
APT_PACKAGES += postgresql
APT_PACKAGES += dovecot-imapd
APT_PACKAGES += chromium
export OMP_THREAD_LIMIT := 1

.PHONY: run test bench chaos lint bootstrap apt lock clean fax-model

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
	$(VENV)/bin/python benchmarks/spam_feedback.py
	$(VENV)/bin/python benchmarks/load.py
	$(VENV)/bin/python benchmarks/queue_backends.py
	$(VENV)/bin/python benchmarks/inbox.py
	$(VENV)/bin/python benchmarks/pdf_pages.py
	$(VENV)/bin/python benchmarks/tiff_tags.py
	$(VENV)/bin/python benchmarks/long_fax.py
	$(VENV)/bin/python benchmarks/scaleout_throughput.py
	$(VENV)/bin/python benchmarks/assembly_memory.py

# 20 SIGKILL cycles against a provider failing 30% of calls (the suite runs 3), then the S3
# store stopped for two minutes mid-run (the suite runs a short outage); then 10 cycles on two
# nodes sharing PostgreSQL, SeaweedFS and one hot folder, a random node killed each cycle.
chaos: bootstrap
	$(VENV)/bin/python -m tests.chaos --cycles 20
	$(VENV)/bin/python -m tests.faults --outage 120
	$(VENV)/bin/python -m tests.chaos --nodes 2 --cycles 10

lint: bootstrap
	$(VENV)/bin/ruff check .

# Trains ocr/models/eng-fax.lstm again from the installed English model (contrib/fax-model).
fax-model: bootstrap
	contrib/fax-model/train.sh

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

$(STAMP): pyproject.toml requirements-dev.lock
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@echo "installing the locked dependencies and faxvault into $(VENV) ..."
	@$(VENV)/bin/pip install -q --disable-pip-version-check --require-hashes \
	  -r requirements-dev.lock
	@out=$$($(VENV)/bin/pip install -q --disable-pip-version-check --no-deps -e . 2>&1) \
	  || { echo "$$out" >&2; exit 1; }
	@$(VENV)/bin/pip check -q >/dev/null 2>&1 || { $(VENV)/bin/pip check; \
	  echo "if pyproject.toml names a package the lock lacks, run make lock; otherwise" \
	       "start the venv afresh (make clean)" >&2; exit 1; }
	@touch $(STAMP)

# Resolved against PyPI alone (this machine's pip or uv settings, local indexes and
# constraints play no part), for every platform and Python >= 3.11, with the hash of every
# file of each release. Pins already in the files are kept unless pyproject.toml needs
# otherwise; `make lock UPGRADE=1` moves everything to the newest releases.
LOCK_COMPILE = env -u UV_INDEX -u UV_INDEX_URL -u UV_DEFAULT_INDEX -u UV_EXTRA_INDEX_URL \
	-u UV_FIND_LINKS -u UV_CONSTRAINT -u UV_OVERRIDE -u UV_NO_BINARY -u UV_EXCLUDE_NEWER \
	$(VENV)/bin/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 \
	--generate-hashes --no-config \
	--custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade)

lock:
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@test -x $(VENV)/bin/uv || $(VENV)/bin/pip install -q --disable-pip-version-check 'uv>=0.5'
	$(LOCK_COMPILE) --all-extras --output-file requirements-dev.lock
	$(LOCK_COMPILE) --constraint requirements-dev.lock --output-file requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
