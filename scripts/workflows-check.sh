#!/usr/bin/env bash
# `make workflows-check` / .ci/run: the GitHub workflows are valid and say what CI does.
#
#   1. actionlint (pinned, built by scripts/ensure-gotool.sh) on .github/workflows;
#   2. .github/workflows/test.yml runs exactly the make targets .ci/run runs, so the
#      two cannot drift apart. .ci/run's `make matrix` is the workflow's acceptance
#      job, which runs `make testacc` once per CLI version;
#   3. the versions the workflows pin match the ones the scripts pin: goreleaser
#      (scripts/release-check.sh) and OpenTofu (tools/opentofu/go.mod).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

status=0
problem() {
	echo "workflows-check: $*"
	status=1
}

actionlint="$(bash scripts/ensure-gotool.sh actionlint)"
echo "workflows-check: actionlint $("$actionlint" -version | head -n1) on .github/workflows"
if "$actionlint" -color=false; then
	echo "workflows-check: actionlint found nothing"
else
	problem "actionlint found problems (above)"
fi

# make targets, one a line, sorted and unique.
ci_targets="$(sed -nE 's/^phase .* make --no-print-directory ([a-z-]+)$/\1/p' .ci/run | sed 's/^matrix$/testacc/' | sort -u)"
wf_targets="$(sed -nE 's/^ *(- )?run: make ([a-z-]+)$/\2/p; s/^ *make ([a-z-]+)$/\1/p' .github/workflows/test.yml | sort -u)"
if [[ -z "$ci_targets" || -z "$wf_targets" ]]; then
	problem "found no make targets in .ci/run ('$ci_targets') or test.yml ('$wf_targets')"
elif [[ "$ci_targets" != "$wf_targets" ]]; then
	problem "test.yml and .ci/run run different make targets (< only .ci/run, > only test.yml):"
	diff <(echo "$ci_targets") <(echo "$wf_targets") | grep '^[<>]' || true
else
	echo "workflows-check: test.yml and .ci/run both run make $(echo "$ci_targets" | tr '\n' ' ')"
fi

pinned() { sed -nE "$2" "$1" | head -n1; }
want="$(pinned scripts/release-check.sh 's/^GORELEASER_VERSION="\$\{GORELEASER_VERSION:-(v[0-9.]+)\}"$/\1/p')"
got="$(pinned .github/workflows/release.yml 's/^ *version: (v[0-9.]+)$/\1/p')"
[[ -n "$want" && "$want" == "$got" ]] || problem "release.yml runs goreleaser '$got', scripts/release-check.sh pins '$want'"

want="$(awk '$1 == "require" && $2 == "github.com/opentofu/opentofu" { sub(/^v/, "", $3); print $3 }' tools/opentofu/go.mod)"
grep -qE "^ *version: ${want//./\\.}$" <(sed -n '/cli: tofu/,/host:/p' .github/workflows/test.yml) ||
	problem "test.yml's acceptance matrix does not test OpenTofu $want (tools/opentofu/go.mod)"

[[ "$status" -eq 0 ]] && echo "workflows-check: ok"
exit "$status"
