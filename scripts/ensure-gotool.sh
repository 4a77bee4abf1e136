#!/usr/bin/env bash
# Prints the absolute path of a pinned Go-installable tool on stdout, and nothing else,
# building it with `go install MODULE/CMD@VERSION` into .tools/bin when it is missing:
#
#   scripts/ensure-gotool.sh opa          github.com/open-policy-agent/opa           (policy pack)
#   scripts/ensure-gotool.sh actionlint   github.com/rhysd/actionlint/cmd/actionlint (workflows)
#
# The version is part of the file name (.tools/bin/opa-v1.22.3), so changing a pin below
# builds the new one and an old binary is never mistaken for it. The first build takes
# a minute or two; Go's build cache makes a rebuild in a fresh clone take seconds.
# Progress goes to stderr so callers can write opa="$(bash scripts/ensure-gotool.sh opa)".
set -euo pipefail

OPA_VERSION="v1.22.3"
ACTIONLINT_VERSION="v1.7.12"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_bin="$root/.tools/bin"

log() { printf 'ensure-gotool: %s\n' "$*" >&2; }

case "${1:-}" in
opa)
	pkg="github.com/open-policy-agent/opa"
	version="$OPA_VERSION"
	;;
actionlint)
	pkg="github.com/rhysd/actionlint/cmd/actionlint"
	version="$ACTIONLINT_VERSION"
	;;
*)
	echo "usage: scripts/ensure-gotool.sh opa|actionlint" >&2
	exit 2
	;;
esac
name="$1"
bin="$tools_bin/$name-$version"

if [[ -x "$bin" ]]; then
	printf '%s\n' "$bin"
	exit 0
fi
if ! command -v go >/dev/null 2>&1; then
	log "no Go toolchain to build $pkg@$version"
	exit 1
fi
log "building $pkg@$version into $tools_bin (once)"
mkdir -p "$tools_bin"
start=$SECONDS
# Build outside the repository so its go.mod and any go.work play no part, and into a
# scratch GOBIN so a half-written binary never takes the final name.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/gotool.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
(cd "${TMPDIR:-/tmp}" && GOWORK=off GOBIN="$scratch" go install "$pkg@$version") >&2
mv "$scratch/$name" "$bin"
log "built $bin in $((SECONDS - start)) s"
printf '%s\n' "$bin"
