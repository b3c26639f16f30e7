# KönnyűSzámla — the two commands of the README:
#   make run    install what is missing, build, start the GUI
#   make test   install what is missing, then gofmt, go vet, go test -race, GUI smoke test
SHELL := /bin/bash
BIN   := konnyuszamla
DATA  ?=
# The race detector and the real keyring need cgo.
export CGO_ENABLED := 1

.PHONY: run build debug deps deps-test test unit gui-smoke bench clean

run: deps build
	./$(BIN) $(if $(DATA),--data $(DATA))

build:
	go build -o $(BIN) .

# A build whose Fyne thread checks stay on (no FyneApp.toml migration read):
# a widget touched outside fyne.Do logs "*** Error in Fyne call thread ***".
debug: deps
	go build -tags no_metadata -o $(BIN)-debug .

deps:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

test: deps-test
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	scripts/with-keyring.sh env KONNYUSZAMLA_REAL_KEYRING=1 KONNYUSZAMLA_REQUIRE_TOOLS=1 go test -race -count=1 ./...
	go build -o $(BIN) .
	scripts/gui-smoke.sh ./$(BIN) $${SMOKE_SCREENSHOT:-}

# Benchmarks of the targets in docs/BENCHMARKS.md.
bench: deps-test
	go test -run '^$$' -bench . -benchtime 20x ./storage/ ./domain/ ./ui/ ./ui/pdf/ .
	go test -count=1 -run TestSyncRequestBudget1000 -v ./crm/
	scripts/bench-startup.sh

clean:
	rm -f $(BIN) $(BIN)-debug

# Release builds (slow; not part of make test). See "Installing" in README.md.
#   make release         build dist/ (Linux .tar.xz, Windows .exe, SHA256SUMS), then release-check
#   make release-build   only the build: scripts/release.sh
#   make release-check   only the check of what dist/ holds: install and start both programs
#                        (Linux in a temporary prefix, Windows under Wine), screenshots in dist/check/
#   make release-deps    install the Debian packages both need (MinGW-w64, Wine, Xvfb, ...)
# VERSION=x.y.z overrides FyneApp.toml's version; RELEASE_REF=worktree builds uncommitted
# changes (the default is the committed HEAD); RELEASE_CHECK_GUI=0 skips both GUI starts.
.PHONY: release release-build release-check release-deps

release: release-build
	scripts/release-check.sh

release-build:
	scripts/release.sh

release-check:
	scripts/release-check.sh

release-deps:
	scripts/release-deps.sh check
