# khuyencong: `make test` and `make demo` set up and run everything on a fresh Debian
# machine with the Swift toolchain (SPEC §8).
SWIFT ?= swift
BIN = .build/debug/khuyencong

.PHONY: all setup build test demo bench lint clean

all: build

# System packages the build needs: libxml2's headers and pkg-config. Installed only where
# missing, so a developer machine is not touched.
setup:
	@missing=""; \
	for p in libxml2-dev pkg-config; do \
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

demo: build
	@for f in samples/*; do \
	  [ -f "$$f" ] || continue; \
	  echo "== $$f"; $(BIN) inspect --summary "$$f" || true; \
	done

clean:
	rm -rf .build out

# Speed and memory on large generated plans (SPEC §8): builds -c release into .build-release
# once, writes the table to out/bench.md. See tools/bench/README.md.
bench: setup
	bash tools/bench/bench.sh
