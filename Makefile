# khuyencong: `make test` and `make demo` set up and run everything on a fresh Debian
# machine with the Swift toolchain (SPEC §8).
SWIFT ?= swift
BIN = .build/debug/khuyencong

.PHONY: all setup build test demo bench lint clean

all: build

# System packages the build needs: libxml2's, SQLite's and zlib's headers, and pkg-config.
# Installed only where missing, so a developer machine is not touched.
setup:
	@missing=""; \
	for p in libxml2-dev pkg-config libsqlite3-dev zlib1g-dev; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends $$missing; \
	fi

build: setup
	$(SWIFT) build

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --disable-xctest

# The main job on samples/: how each file was read and what validation says, then the
# consolidated 2017 plan (with the 2016 files feeding five-year progress) in out/.
SAMPLES = $(sort $(filter-out samples/README.md,$(wildcard samples/*)))
demo: build
	@for f in $(SAMPLES); do \
	  echo "=== $$f"; $(BIN) inspect --summary "$$f" || true; \
	done
	@echo; echo "=== khuyencong validate samples/*"
	@$(BIN) validate --lang vi $(SAMPLES) || true
	@echo; echo "=== khuyencong consolidate --year 2017 --out out samples/*"
	@$(BIN) consolidate --year 2017 --out out --lang vi $(SAMPLES) || true
	@echo; echo "Open out/plan-2017.html in a browser, out/plan-2017.xml in Excel or LibreOffice."

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	rm -rf .build .build-release out

# Opens out/plan-2017.{html,xml} in headless Chromium and LibreOffice (installed from Debian
# when missing) and checks what they show (issue 4); pictures land in .build/render-check/.
.PHONY: render-check
render-check: build
	tools/render-check/render-check.sh

# Speed and memory (SPEC §8, issue 7): khuyencong beside frictionless, pandas, xmllint and
# openpyxl on the same generated plans, one table, out/bench.md; installs the peers into
# .build-bench/venv (PyPI) and xmllint/valgrind from Debian where missing. See
# tools/bench/README.md. `bench-readers`: the readers alone, per command, as before.
.PHONY: bench-readers
bench: setup
	bash tools/bench/compare.sh

bench-readers: setup
	bash tools/bench/bench.sh

# libFuzzer targets for the CSV, XML Spreadsheet and xlsx readers and the whole pipeline
# (issue 9), each run FUZZ_SECONDS (default 60) with time and memory ceilings; not in CI.
# See README, "Fuzzing".
.PHONY: fuzz
fuzz: setup
	bash fuzz/run.sh

# The district portal (issue 10). browser-test: `serve` on a free loopback port with a
# temporary store, driven by Debian's headless Chromium through chromedriver (installed when
# missing); screenshots in docs/screenshots/. load-test: 50 clients for 30 s with wrk on
# loopback; figures in out/load-test.md. install: one release binary (Swift standard
# library linked statically), the schemas and the commit, under $(PREFIX).
# deploy-verify: systemd-analyze verify on deploy/*.service, *.timer (where systemd is).
.PHONY: browser-test load-test install deploy-verify
browser-test: build
	bash tools/browser-test/browser-test.sh

load-test: setup
	bash tools/load-test/load-test.sh

PREFIX ?= /usr/local
install: setup
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-install
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/khuyencong/schemas
	install -s -m 0755 .build-install/release/khuyencong $(DESTDIR)$(PREFIX)/bin/khuyencong
	install -m 0644 schemas/* $(DESTDIR)$(PREFIX)/share/khuyencong/schemas/
	if git rev-parse HEAD >/dev/null 2>&1; then \
	  git rev-parse HEAD > $(DESTDIR)$(PREFIX)/share/khuyencong/COMMIT; fi
	@echo "installed $(DESTDIR)$(PREFIX)/bin/khuyencong; shared libraries it needs:"
	@ldd $(DESTDIR)$(PREFIX)/bin/khuyencong | awk '{print "  " $$1}'

deploy-verify:
	bash deploy/verify.sh
