#!/usr/bin/env bash
# `make module-test` / .ci/run: the `terraform test` suites of the reusable modules
# under examples/modules/ (each module's tests/*.tftest.hcl), run against the fake ABM
# server with the default Terraform (scripts/ensure-terraform.sh) and with OpenTofu
# (scripts/ensure-tofu.sh, `tofu test`). Terraform before 1.6 has no `terraform test`:
# such a CLI is skipped with a message, and counted as skipped.
#
# CLIS="terraform tofu" (space-separated) runs a subset. Ends with one line
# `tests: N passed, N failed, N skipped` counting test runs (run blocks).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/fake-session.sh
source scripts/fake-session.sh

clis="${CLIS:-terraform tofu}"
modules=()
for dir in examples/modules/*/; do
	compgen -G "$dir/tests/*.tftest.hcl" >/dev/null && modules+=("${dir%/}")
done
if [[ ${#modules[@]} -eq 0 ]]; then
	echo "module-test: no module under examples/modules has tests/*.tftest.hcl" >&2
	exit 1
fi

# The suites assert the fake's fixture organization only: no generated devices or servers.
fake_start -devices 0 -servers 0

cli_version() {
	"$1" version -json 2>/dev/null | sed -nE 's/.*"terraform_version": *"([^"]+)".*/\1/p'
}

passed=0
failed=0
skipped=0
status=0
for name in $clis; do
	case "$name" in
	terraform) cli="$(bash scripts/ensure-terraform.sh)" ;;
	tofu) cli="$(bash scripts/ensure-tofu.sh)" ;;
	*)
		echo "module-test: unknown CLI '$name' (known: terraform tofu)" >&2
		exit 2
		;;
	esac
	version="$(cli_version "$cli")"
	if [[ -z "$version" ]]; then
		echo "module-test: $cli reports no version" >&2
		exit 1
	fi
	for module in "${modules[@]}"; do
		runs="$(cat "$module"/tests/*.tftest.hcl | grep -cE '^run "')"
		if [[ "$name" == terraform && "$(printf '%s\n' "$version" 1.6.0 | sort -V | head -n1)" != 1.6.0 ]]; then
			echo "module-test: $module with Terraform $version: SKIPPED, \`terraform test\` needs Terraform 1.6 or later ($runs runs)"
			skipped=$((skipped + runs))
			continue
		fi
		echo "module-test: $module: $name test ($version)"
		out="$session/test.out"
		set +e
		(cd "$module" && "$cli" test -no-color) 2>&1 | tee "$out"
		rc=${PIPESTATUS[0]}
		set -e
		# Both CLIs close with "Success! N passed, 0 failed." or "Failure! N passed, M failed[, K skipped]."
		line="$(grep -E '^(Success|Failure)! [0-9]+ passed, [0-9]+ failed' "$out" | tail -n1 || true)"
		if [[ -z "$line" ]]; then
			echo "module-test: $name test printed no result line"
			failed=$((failed + runs))
			status=1
			continue
		fi
		read -r p f s < <(sed -E 's/^[A-Za-z]+! ([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?\..*/\1 \2 \4/' <<<"$line")
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + ${s:-0}))
		if [[ "$rc" -ne 0 || "$f" -ne 0 || "$p" -ne "$runs" ]]; then
			echo "module-test: $module with $name: exit $rc, $p of $runs runs passed"
			status=1
		fi
	done
done
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
