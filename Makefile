# The two set-up commands of govmedia (see README.md) and a few helpers.
#   make run   install, build, create govmedia.db with demo data if missing, serve on :8080
#   make test  install, build with -Werror, run every test with CTest
BUILD    ?= build
DB       ?= govmedia.db
LISTEN   ?= 127.0.0.1:8080
# The credential vault's key for the demo (docs/OPERATIONS.md: production keeps it elsewhere).
VAULT_KEY ?= $(DB).vault.key
JOBS     ?= 2
MAKEFLAGS += --no-print-directory

.PHONY: all deps console build test run asan fuzz bench bench-api clean

all: build

deps:
	@bash scripts/install-deps.sh

# The web console (web/ -> web/dist): npm ci and vite build only when needed.
console: deps
	@bash scripts/build-console.sh

build: deps console
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGM_WERROR=ON >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

run: build
	@if [ -f $(DB) ]; then $(BUILD)/govmedia init --db $(DB); \
	 else $(BUILD)/govmedia init --db $(DB) --demo >/dev/null && echo "已创建 $(DB)(含演示数据)"; fi
	@[ -n "$$GOVMEDIA_VAULT_KEY" ] || [ -f $(VAULT_KEY) ] || \
	 (umask 077 && head -c 32 /dev/urandom > $(VAULT_KEY) && echo "已创建凭据保管密钥 $(VAULT_KEY)(仅供演示)")
	@GOVMEDIA_VAULT_KEY="$${GOVMEDIA_VAULT_KEY:-$(abspath $(VAULT_KEY))}" $(BUILD)/govmedia serve --db $(DB) --listen $(LISTEN)

asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGM_SANITIZE=ON -DGM_WERROR=ON >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j$(JOBS)

FUZZ_SECONDS ?= 60
fuzz: deps
	@CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DGM_FUZZ=ON -DGM_WERROR=ON >/dev/null
	@cmake --build build-fuzz -j$(JOBS)
	@bash tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

bench:
	@bash bench/check/run.sh
	@bash bench/report/run.sh $(BUILD)/govmedia

bench-api:
	@bash bench/api/run.sh

clean:
	rm -rf $(BUILD) build-asan build-fuzz
