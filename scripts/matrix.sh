#!/usr/bin/env bash
# `make matrix` / .ci/run: the acceptance suite (`make testacc`) against every
# supported CLI besides the one `make test` already used:
#
#   terraform-1.5.7   the oldest supported Terraform, built with `go install`
#                     (scripts/ensure-terraform.sh --go-install)
#   tofu              OpenTofu, built from the Go module proxy (scripts/ensure-tofu.sh;
#                     version pinned in tools/opentofu/go.mod)
#
# MATRIX="tofu" (space-separated names) runs a subset. An entry whose CLI is the same
# version as the default one (`make test`'s) is skipped as already tested. Prints the
# time each entry took and, last, one line with the totals.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

entries="${MATRIX:-terraform-1.5.7 tofu}"

log() { printf '\nmatrix: %s\n' "$*"; }

# cli_version prints what `<cli> version -json` reports, with an empty CLI configuration.
rc_file="$(mktemp "${TMPDIR:-/tmp}/matrix.terraformrc.XXXXXX")"
trap 'rm -f "$rc_file"' EXIT
cli_version() {
	TF_CLI_CONFIG_FILE="$rc_file" "$1" version -json 2>/dev/null |
		sed -n 's/^ *"terraform_version": *"\([^"]*\)".*/\1/p'
}

default_cli="$(env -u TF_ACC_TERRAFORM_PATH bash scripts/ensure-terraform.sh)"
default_version="$(cli_version "$default_cli")"
log "default CLI (make test): $default_cli, Terraform $default_version"

summary=()
total_passed=0
total_failed=0
total_skipped=0
status=0
for entry in $entries; do
	host=registry.terraform.io
	start=$SECONDS
	case "$entry" in
	terraform-1.5.7)
		cli="$(TERRAFORM_MODULE_VERSION=v1.5.7 bash scripts/ensure-terraform.sh --go-install)"
		;;
	tofu)
		cli="$(bash scripts/ensure-tofu.sh)"
		host=registry.opentofu.org
		;;
	*)
		echo "matrix: unknown entry '$entry' (known: terraform-1.5.7 tofu)" >&2
		exit 2
		;;
	esac
	version="$(cli_version "$cli")"
	prepare=$((SECONDS - start))
	if [[ "$entry" != tofu && "$version" == "$default_version" ]]; then
		log "$entry: $cli is Terraform $version, the default CLI; already tested by make test"
		summary+=("$(printf '%-16s %-10s %s' "$entry" "$version" "skipped (same as default)")")
		continue
	fi

	log "$entry: make testacc with $cli ($version), TF_ACC_PROVIDER_HOST=$host"
	out="$(mktemp "${TMPDIR:-/tmp}/matrix-$entry.XXXXXX")"
	start=$SECONDS
	set +e
	TF_ACC_TERRAFORM_PATH="$cli" TF_ACC_PROVIDER_HOST="$host" make --no-print-directory testacc 2>&1 | tee "$out"
	rc=${PIPESTATUS[0]}
	set -e
	took=$((SECONDS - start))
	counts="$(grep -E '^tests: [0-9]+ passed, [0-9]+ failed' "$out" | tail -n1 || true)"
	rm -f "$out"
	if [[ -n "$counts" ]]; then
		read -r p f s < <(sed -E 's/^tests: ([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/' <<<"$counts")
		total_passed=$((total_passed + p))
		total_failed=$((total_failed + f))
		total_skipped=$((total_skipped + ${s:-0}))
	fi
	result="ok"
	if [[ "$rc" -ne 0 ]]; then
		result="FAILED (exit $rc)"
		status=1
		[[ -n "$counts" ]] || total_failed=$((total_failed + 1))
	fi
	summary+=("$(printf '%-16s %-10s %-22s prepare %4ds, tests %4ds  %s' "$entry" "$version" "$result" "$prepare" "$took" "${counts#tests: }")")
done

log "summary"
printf '  %s\n' "${summary[@]}"
echo "matrix: ${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
exit "$status"
