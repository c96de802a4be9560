# Chongqing Policy Lab. Two commands matter: `make lab` and `make test`. Each target is one line of intent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
SET    ?= 01
SUBMISSIONS ?= submissions

.PHONY: lab test site execute bench assign grade lint clean help

help:              ## list the targets
	@grep -E '^[a-z]+:.*##' Makefile | sed 's/:.*##/ -/'

$(READY): pyproject.toml  ## create .venv and install the course with its test and site tools
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,site]"
	touch $(READY)

# Front-end assets and tools from the npm registry (package.json), vendored into node_modules/.
NODE_READY := node_modules/.installed
$(NODE_READY): package.json
	npm install --no-audit --no-fund --loglevel=error && mkdir -p node_modules
	touch $(NODE_READY)

# Offline classroom: no news feed, no update check; --allow-root only when run as root (JupyterLab refuses otherwise).
LAB_FLAGS := --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
             $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(READY)      ## open the course in JupyterLab on the start page
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/00_start_here.ipynb

test: $(READY) $(NODE_READY)  ## run every test: units, data, lessons (nbval), exercises, browser
	$(BIN)/python -m pytest

site: $(READY) $(NODE_READY)  ## build the course website offline into _site/ (lessons as saved, glossary, datasets)
	$(BIN)/python site/build.py --out _site

execute: $(READY)  ## re-execute lessons in place (LESSONS=...; a lesson with uncommitted edits needs FORCE=1)
	$(BIN)/python scripts/execute_lessons.py $(if $(FORCE),--force,) $(LESSONS)

bench: $(READY)    ## measure speed and size; writes bench/REPORT.md
	$(BIN)/python bench/run.py

assign: $(READY)   ## regenerate student notebooks and autograders from the exercise masters
	$(BIN)/python scripts/assign_exercises.py

grade: $(READY)    ## grade a folder of submissions: make grade SET=01 SUBMISSIONS=path/to/folder
	$(BIN)/python scripts/grade_exercises.py $(SET) $(SUBMISSIONS)

lint: $(READY)     ## ruff over the package, tests and notebooks
	$(BIN)/python -m ruff check src tests scripts notebooks bench

clean:             ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache _site
