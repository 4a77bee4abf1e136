#!/usr/bin/env bash
# Prints the absolute path of a usable Terraform CLI on stdout, and nothing else.
#
# Order of preference:
#   1. $TF_ACC_TERRAFORM_PATH, when set and executable (also how OpenTofu is selected);
#   2. `terraform` on PATH;
#   3. .tools/bin/terraform from an earlier run;
#   4. `go install github.com/hashicorp/terraform@v1.5.7` into .tools/bin.
# v1.5.7 is the newest Terraform whose module builds with `go install` (later releases
# carry `replace` directives), so a machine with only Go can still run the acceptance tests.
# Progress goes to stderr so callers can write tf="$(scripts/ensure-terraform.sh)".
#
# With --go-install, steps 1 and 2 are skipped and .tools/bin/terraform must report
# exactly $TERRAFORM_MODULE_VERSION (it is rebuilt otherwise): the compatibility matrix
# (scripts/matrix.sh) uses this to test the oldest supported Terraform even on a
# machine with a newer one on PATH.
set -euo pipefail

go_install_only=false
if [[ "${1:-}" == "--go-install" ]]; then
	go_install_only=true
fi

TERRAFORM_MODULE_VERSION="${TERRAFORM_MODULE_VERSION:-v1.5.7}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_bin="$root/.tools/bin"

log() { printf 'ensure-terraform: %s\n' "$*" >&2; }

# abspath turns a path that may be relative (a relative PATH entry, or a relative
# TF_ACC_TERRAFORM_PATH) into an absolute one, since callers may change directory.
abspath() {
	local p="$1"
	case "$p" in
	/*) printf '%s\n' "$p" ;;
	*) printf '%s/%s\n' "$(cd "$(dirname "$p")" && pwd)" "$(basename "$p")" ;;
	esac
}

# installed_version prints the version .tools/bin/terraform reports, or nothing. An
# empty CLI configuration keeps a TF_CLI_CONFIG_FILE naming a missing file quiet.
installed_version() {
	[[ -x "$tools_bin/terraform" ]] || return 0
	local rc
	rc="$(mktemp "${TMPDIR:-/tmp}/tfrc.XXXXXX")"
	TF_CLI_CONFIG_FILE="$rc" "$tools_bin/terraform" version -json 2>/dev/null |
		sed -n 's/^ *"terraform_version": *"\([^"]*\)".*/\1/p' || true
	rm -f "$rc"
}

if $go_install_only; then
	if [[ "$(installed_version)" == "${TERRAFORM_MODULE_VERSION#v}" ]]; then
		printf '%s\n' "$tools_bin/terraform"
		exit 0
	fi
	rm -f "$tools_bin/terraform"
elif [[ -n "${TF_ACC_TERRAFORM_PATH:-}" ]]; then
	if [[ -f "$TF_ACC_TERRAFORM_PATH" && -x "$TF_ACC_TERRAFORM_PATH" ]]; then
		abspath "$TF_ACC_TERRAFORM_PATH"
		exit 0
	fi
	log "TF_ACC_TERRAFORM_PATH=$TF_ACC_TERRAFORM_PATH is not an executable file; looking elsewhere"
fi

if ! $go_install_only && tf="$(command -v terraform 2>/dev/null)" && [[ -x "$tf" ]]; then
	abspath "$tf"
	exit 0
fi

if [[ -x "$tools_bin/terraform" ]]; then
	printf '%s\n' "$tools_bin/terraform"
	exit 0
fi

if ! command -v go >/dev/null 2>&1; then
	log "no terraform on PATH and no Go toolchain to build one; install Terraform >= 1.5.7 or set TF_ACC_TERRAFORM_PATH"
	exit 1
fi

if $go_install_only; then
	log "building github.com/hashicorp/terraform@$TERRAFORM_MODULE_VERSION into $tools_bin (a few minutes, once)"
else
	log "no terraform found; building github.com/hashicorp/terraform@$TERRAFORM_MODULE_VERSION into $tools_bin (a few minutes, once)"
fi
mkdir -p "$tools_bin"
# Build outside the repository so its go.mod and any go.work play no part.
(cd "${TMPDIR:-/tmp}" && GOWORK=off GOBIN="$tools_bin" go install "github.com/hashicorp/terraform@$TERRAFORM_MODULE_VERSION") >&2
if [[ ! -x "$tools_bin/terraform" ]]; then
	log "go install finished but $tools_bin/terraform is missing"
	exit 1
fi
log "installed $tools_bin/terraform"
printf '%s\n' "$tools_bin/terraform"
