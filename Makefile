# Chongqing Policy Lab. Two commands matter: `make lab` and `make test`. Each target is one line of intent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
SET    ?= 01
SUBMISSIONS ?= submissions
LESSON ?= 01
PRESENT_READY := $(VENV)/.present-installed

# jsonschema (pulled in by jupyter-events and nbformat) imports rfc3987-syntax when it is installed, and that
# package compiles 38 lark grammars at import: about 1.1 CPU-seconds in every Jupyter server start, every
# nbformat/otter process (each graded submission) and every hub student's server, for the "iri" string format
# that no Jupyter or course schema uses (python-jsonschema/jsonschema#1428, jupyter-server/jupyter_server#1559).
# Without it jsonschema skips only that format. pip brings it back with every install, so each install step
# below removes it again (lark is used by nothing else here; tests/test_environment_sync.py checks both).
UNUSED_SLOW := rfc3987-syntax lark
TRIM = -m pip uninstall --quiet --yes $(UNUSED_SLOW)

.PHONY: lab update test present site execute bench assign grade edition lint clean help hub links collect

help:              ## list the targets
	@grep -E '^[a-z]+:.*##' Makefile | sed 's/:.*##/ -/'

$(READY): pyproject.toml  ## create .venv and install the course with its test tools
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python $(TRIM)
	touch $(READY)

# The website builder (Sphinx, MyST-NB, the book theme): make site and make test; make lab never installs it.
SITE_READY := $(VENV)/.site-installed
$(SITE_READY): $(READY) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[site]"
	$(BIN)/python $(TRIM)
	touch $(SITE_READY)

# The hub's tests and load test drive it from .venv (its client libraries); make lab never installs this.
HUBTOOLS_READY := $(VENV)/.hub-installed
$(HUBTOOLS_READY): $(READY) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[hub]"
	$(BIN)/python $(TRIM)
	touch $(HUBTOOLS_READY)

$(PRESENT_READY): $(READY) pyproject.toml  ## add the presentation extra (Voilà) to .venv
	$(BIN)/python -m pip install --quiet -e ".[present]"
	$(BIN)/python $(TRIM)
	touch $(PRESENT_READY)

# Front-end assets and tools from the npm registry (package.json), vendored into node_modules/.
NODE_READY := node_modules/.installed
$(NODE_READY): package.json
	npm install --no-audit --no-fund --loglevel=error && mkdir -p node_modules
	touch $(NODE_READY)

# The class hub's environment: the course + the hub extra, from a Python every student account can run
# (a venv made from a Python under /root would not be); the hub and every student's server run from it.
HUB_PYTHON ?= /usr/bin/python3
HUB_READY  := hub/.venv/.installed
$(HUB_READY): pyproject.toml
	$(HUB_PYTHON) -m venv hub/.venv
	hub/.venv/bin/python -m pip install --quiet --upgrade pip
	hub/.venv/bin/python -m pip install --quiet -e ".[hub]"
	hub/.venv/bin/python $(TRIM)
	touch $(HUB_READY)

lab: $(READY)      ## open the course in JupyterLab on lesson 00 (LANGUAGE=zh for Chinese; serves the whole course folder)
	$(if $(LANGUAGE),CQLAB_LANGUAGE=$(LANGUAGE) ,)$(BIN)/python -m cqlab lab

test: $(READY) $(PRESENT_READY) $(SITE_READY) $(HUBTOOLS_READY) $(NODE_READY) $(HUB_READY)  ## run every test: units, data, lessons (nbval), exercises, browser, hub, presentation
	$(BIN)/python -m pytest

update: $(READY)   ## get the course's updates without losing your work (python -m cqlab update)
	$(BIN)/python -m cqlab update

present: $(PRESENT_READY) $(NODE_READY)  ## show a lesson as an app for a projector: make present LESSON=01
	$(BIN)/python -m cqlab present $(LESSON)

site: $(SITE_READY) $(NODE_READY)  ## build the course website offline into _site/ (lessons as saved, glossary, datasets)
	$(BIN)/python site/build.py --out _site

execute: $(READY)  ## re-execute lessons in place (LESSONS=...; a lesson with uncommitted edits needs FORCE=1)
	$(BIN)/python scripts/execute_lessons.py $(if $(FORCE),--force,) $(LESSONS)

bench: $(READY) $(PRESENT_READY) $(HUBTOOLS_READY) $(HUB_READY) $(NODE_READY)  ## measure speed and size; writes bench/REPORT.md
	$(BIN)/python bench/run.py

assign: $(READY)   ## regenerate student notebooks and autograders from the exercise masters
	$(BIN)/python scripts/assign_exercises.py

grade: $(READY)    ## grade submissions in the sandbox: make grade SET=01 SUBMISSIONS=folder-or-file [STUDENT=name]
	$(BIN)/python scripts/grade_exercises.py $(SET) $(SUBMISSIONS) $(if $(STUDENT),--student "$(STUDENT)",)

edition: $(READY)  ## write the student edition (no solutions) as a git repository: make edition DEST=path
	$(BIN)/python scripts/student_edition.py $(DEST)

hub: $(HUB_READY) $(NODE_READY)  ## start the class hub here, as root (CQLAB_HUB_IP=0.0.0.0 for a class; see hub/README.md)
	hub/.venv/bin/jupyterhub -f hub/jupyterhub_config.py

links:             ## nbgitpuller links, one per lesson and exercise set: make links HUB=https://hub.example.edu REPO=edition-git-url
	$(PYTHON) hub/links.py --hub "$(HUB)" --repo "$(REPO)" $(if $(BRANCH),--branch $(BRANCH),)

collect:           ## copy set SET from every student's home for make grade: make collect SET=01 DEST=dir [DEADLINE=2026-12-09T23:59+08:00]
	$(PYTHON) hub/collect.py $(SET) "$(DEST)" $(if $(DEADLINE),--deadline "$(DEADLINE)",)

# The linter (ruff): make lint only; make lab and make test never install it.
LINT_READY := $(VENV)/.lint-installed
$(LINT_READY): $(READY) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[lint]"
	$(BIN)/python $(TRIM)
	touch $(LINT_READY)

lint: $(LINT_READY)  ## ruff over the package, tests, scripts, lessons and benches
	$(BIN)/python -m ruff check src tests scripts notebooks bench

clean:             ## remove the virtual environment and caches
	rm -rf $(VENV) hub/.venv .pytest_cache .ruff_cache _site
