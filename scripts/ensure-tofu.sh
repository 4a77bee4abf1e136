#!/usr/bin/env bash
# Prints the absolute path of an OpenTofu CLI on stdout, and nothing else, building it
# from the Go module proxy when needed: tools/opentofu/go.mod pins the version and
# repeats the one `replace` OpenTofu's own go.mod carries (for its HCL fork).
#
# The binary goes to .tools/bin/tofu. It is rebuilt only when missing or of another
# version; a rebuild takes about 4 minutes with a cold Go build cache and seconds with
# a warm one (`go build` keeps compiled packages in GOCACHE, which survives fresh
# clones on the same machine). Progress goes to stderr.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_bin="$root/.tools/bin"
tofu="$tools_bin/tofu"

log() { printf 'ensure-tofu: %s\n' "$*" >&2; }

version="$(awk '$1 == "require" && $2 == "github.com/opentofu/opentofu" { print $3 }' "$root/tools/opentofu/go.mod")"
if [[ -z "$version" ]]; then
	log "no 'require github.com/opentofu/opentofu vX.Y.Z' line in tools/opentofu/go.mod"
	exit 1
fi

# installed_version prints the version the binary reports, or nothing. An empty CLI
# configuration keeps a TF_CLI_CONFIG_FILE that names a missing file from adding a
# warning to the output.
installed_version() {
	[[ -x "$tofu" ]] || return 0
	local rc
	rc="$(mktemp "${TMPDIR:-/tmp}/tofurc.XXXXXX")"
	TF_CLI_CONFIG_FILE="$rc" "$tofu" version -json 2>/dev/null |
		sed -n 's/^ *"terraform_version": *"\([^"]*\)".*/\1/p' || true
	rm -f "$rc"
}

if [[ "$(installed_version)" == "${version#v}" ]]; then
	printf '%s\n' "$tofu"
	exit 0
fi

if ! command -v go >/dev/null 2>&1; then
	log "no Go toolchain to build OpenTofu $version"
	exit 1
fi
log "building OpenTofu $version into $tools_bin (about 4 minutes with a cold build cache)"
mkdir -p "$tools_bin"
start=$SECONDS
# version.dev=no makes it report "1.12.6" rather than "1.12.6-dev", as a release does.
(cd "$root/tools/opentofu" && GOWORK=off go build -trimpath \
	-ldflags "-X github.com/opentofu/opentofu/version.dev=no" \
	-o "$tofu" github.com/opentofu/opentofu/cmd/tofu) >&2
got="$(installed_version)"
if [[ "$got" != "${version#v}" ]]; then
	log "built $tofu but it reports version '${got}', want ${version#v}"
	exit 1
fi
log "built OpenTofu $got in $((SECONDS - start)) s"
printf '%s\n' "$tofu"
