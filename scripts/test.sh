#!/usr/bin/env bash
# The project's test command (`make test`, `make testacc`, .ci/run): unit and acceptance
# tests together, offline, against the in-process fake ABM server.
#
# Extra arguments go to `go test`, e.g. scripts/test.sh -run TestAcc ./internal/provider/...
# The package pattern defaults to ./... when no argument looks like a package path.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

tf="$(bash "$root/scripts/ensure-terraform.sh")"

# TF_CLI_CONFIG_FILE may name a file that does not exist (it does on these machines);
# Terraform then warns and OpenTofu's warning breaks the test harness's version parsing.
# A user's own ~/.terraformrc (dev_overrides, plugin cache) should not leak into tests
# either, so point it at an empty file of ours.
mkdir -p "$root/.tools"
: >"$root/.tools/test.terraformrc"
export TF_CLI_CONFIG_FILE="$root/.tools/test.terraformrc"

export TF_ACC=1
export TF_ACC_TERRAFORM_PATH="$tf"
# Acceptance tests read credentials from the fake, never from the caller's environment.
unset ABM_CLIENT_ID ABM_KEY_ID ABM_PRIVATE_KEY ABM_PRIVATE_KEY_FILE ABM_SCOPE \
	ABM_API_URL ABM_TOKEN_URL ABM_SERVER_TOKEN ABM_SERVER_TOKEN_FILE ABM_ADE_URL \
	ABM_MAX_RETRIES ABM_REQUESTS_PER_MINUTE ABM_TOKEN_CACHE ABM_CACHE_DIR ABM_READ_CACHE_MAX_AGE

go version
echo "terraform: $tf"
"$tf" version 2>&1 | sed -n 1p

args=("$@")
have_pkg=false
for a in "${args[@]+"${args[@]}"}"; do
	case "$a" in ./* | github.com/*) have_pkg=true ;; esac
done
if ! $have_pkg; then
	args+=(./...)
fi

# go test's event stream (-json) is read by internal/tools/testreport, which prints
# each package's result, every failure with its output, the skipped tests and one
# closing line, "tests: N passed, N failed, N skipped", counting every test and
# subtest, so a run in which the acceptance tests skipped (TF_ACC unset, no
# terraform) cannot pass unnoticed; a package that does not build counts as a
# failure. .ci/run and scripts/matrix.sh add up that line.
mkdir -p "$root/.tools/bin"
report="$root/.tools/bin/testreport"
go build -o "$report" ./internal/tools/testreport

set +e
# Acceptance tests run in parallel (newTestEnv); each spends much of its time
# waiting on Terraform processes, so more of them than cores keeps the cores busy.
go test -count=1 -timeout 30m -parallel "${TEST_PARALLEL:-4}" -json "${args[@]}" 2>&1 | "$report"
statuses=("${PIPESTATUS[@]}")
set -e
status=${statuses[0]}
if [[ "$status" -eq 0 ]]; then
	status=${statuses[1]}
fi
exit "$status"
