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
	scripts/with-keyring.sh env KONNYUSZAMLA_REAL_KEYRING=1 go test -race -count=1 ./...
	go build -o $(BIN) .
	scripts/gui-smoke.sh ./$(BIN) $${SMOKE_SCREENSHOT:-}

# Benchmarks of the targets in docs/BENCHMARKS.md.
bench: deps-test
	go test -run '^$$' -bench . -benchtime 20x ./storage/ ./domain/
	scripts/bench-startup.sh

clean:
	rm -f $(BIN) $(BIN)-debug
