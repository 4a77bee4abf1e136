#!/usr/bin/env bash
# `make fuzz`: run every Go fuzz target in the module for FUZZTIME each (default 30s).
# Go fuzzes one target of one package at a time, so list them first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fuzztime="${FUZZTIME:-30s}"
found=0
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep -E '^Fuzz' || true); do
		found=$((found + 1))
		echo "==> $pkg $target ($fuzztime)"
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
	done
done
if [[ "$found" -eq 0 ]]; then
	echo "no fuzz targets yet"
fi
