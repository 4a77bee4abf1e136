#!/usr/bin/env bash
# `make policy` / .ci/run: the OPA policy pack of examples/policy-checks/opa.
#
#   1. opa fmt, opa check --strict and `opa test` (the unit tests, *_test.rego);
#   2. end to end, as a pipeline runs it, against the fake ABM server:
#      terraform plan -out, terraform show -json, then the gate
#      `opa eval --fail-defined -d opa -i plan.json 'msg := data.abm.fleet.deny[_]'`:
#        clean      the fixture organization with settings it meets: no deny, exit 0;
#        violating  the same organization with Apple Configurator reported INACTIVE,
#                   two idle generated servers sharing one name and settings it breaks:
#                   exit 1 and exactly the six expected deny messages.
#
# opa is built from the Go module proxy at a pinned version (scripts/ensure-gotool.sh).
# Ends with one line `tests: N passed, N failed, N skipped` (unit tests + end-to-end cases).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/fake-session.sh
source scripts/fake-session.sh

pack="examples/policy-checks/opa"
production="1F97349736CF4614A94F624E705841AD"
configurator="2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B"

opa="$(bash scripts/ensure-gotool.sh opa)"
tf="$(bash scripts/ensure-terraform.sh)"

passed=0
failed=0
skipped=0
status=0
pass() {
	echo "policy: PASS $*"
	passed=$((passed + 1))
}
fail() {
	echo "policy: FAIL $*"
	failed=$((failed + 1))
	status=1
}

echo "policy: $("$opa" version | head -n1) ($opa)"
if ! "$opa" fmt --list --fail "$pack" >/dev/null; then
	echo "policy: not opa fmt-clean (run \`$opa fmt -w $pack\`): $("$opa" fmt --list "$pack" | tr '\n' ' ')"
	status=1
fi
"$opa" check --strict "$pack" || status=1

# 1. Unit tests. opa test closes with "PASS: n/N" and, when any failed or were
# skipped (todo_ tests), "FAIL: n/N" / "SKIPPED: n/N".
set +e
"$opa" test "$pack" 2>&1 | tee "$session/opa-test.out"
rc=${PIPESTATUS[0]}
set -e
count_of() { sed -nE "s/^$1: ([0-9]+)\/[0-9]+$/\1/p" "$session/opa-test.out" | tail -n1; }
unit_passed="$(count_of PASS)"
unit_failed="$(count_of FAIL)"
unit_skipped="$(count_of SKIPPED)"
passed=$((passed + ${unit_passed:-0}))
failed=$((failed + ${unit_failed:-0}))
skipped=$((skipped + ${unit_skipped:-0}))
if [[ "$rc" -ne 0 || -z "$unit_passed" ]]; then
	echo "policy: opa test exited $rc"
	status=1
	[[ -n "$unit_failed" ]] || failed=$((failed + 1))
fi

# plan_json DIR VAR_ARGS...: terraform plan -out, then terraform show -json, in a copy
# of examples/policy-checks; prints the path of plan.json.
plan_json() {
	local work="$session/$1"
	shift
	rm -rf "$work"
	mkdir -p "$work"
	cp examples/policy-checks/*.tf "$work/"
	(cd "$work" && "$tf" plan -input=false -no-color -out=plan.out "$@" >plan.log 2>&1 &&
		"$tf" show -json plan.out >plan.json) || {
		cat "$work/plan.log" >&2
		return 1
	}
	printf '%s\n' "$work/plan.json"
}

# gate PLAN_JSON: the command a pipeline runs; exit 1 when any policy denies.
gate() {
	"$opa" eval --fail-defined --format pretty -d "$pack" -i "$1" 'msg := data.abm.fleet.deny[_]'
}

# deny_lines PLAN_JSON: the deny messages, one a line, sorted.
deny_lines() {
	"$opa" eval --format raw -d "$pack" -i "$1" 'concat("\n", sort(data.abm.fleet.deny))'
}

# 2a. Clean: the fixture organization, with the unassigned iMac exempt (a spare),
# families on the servers they are on, AppleCare read for devices without coverage.
echo
echo "policy: end to end, clean organization"
fake_start -devices 0 -servers 0
if plan="$(plan_json clean \
	-var 'exempt_serials=["XABC123X0ABC123X0"]' \
	-var "expected_server_by_family={\"iPhone\":\"$production\",\"AppleTV\":\"$configurator\"}" \
	-var 'applecare_serials=["XARRAYMAC0001","XAPPLETV0001"]')"; then
	set +e
	gate "$plan"
	rc=$?
	set -e
	got="$(deny_lines "$plan")"
	if [[ "$rc" -eq 0 && -z "$got" ]]; then
		pass "clean: the gate lets the plan through, no deny"
	else
		fail "clean: gate exit $rc (want 0), deny: ${got:-none}"
	fi
else
	fail "clean: terraform plan failed"
fi

# 2b. Violating: every rule broken once.
echo
echo "policy: end to end, violating organization"
fake_start -seed 1 -devices 0 -servers 2 -shared-server-name "Jamf Pro" -inactive-server "$configurator"
id='[0-9A-F]{32}'
want=(
	"^purchased devices not assigned to an MDM server: XABC123X0ABC123X0$"
	"^devices assigned to an INACTIVE MDM server: XAPPLETV0001 \(Apple Configurator\)$"
	"^devices not on their product family's MDM server: XAPPLETV0001 \(AppleTV: $configurator, expected $production\)$"
	"^ACTIVE MDM servers without devices: Jamf Pro \($id\), Jamf Pro \($id\)$"
	"^MDM servers sharing a name: \"Jamf Pro\" \($id, $id\)$"
	"^AppleCare coverage ending within 36500 days: XABC123X0ABC123X0 H2WVKX7Q9N \(2028-04-29T00:00:00Z\)$"
)
if plan="$(plan_json violating \
	-var "expected_server_by_family={\"AppleTV\":\"$production\"}" \
	-var 'applecare_serials=["XABC123X0ABC123X0"]' \
	-var 'applecare_window_days=36500')"; then
	set +e
	gate "$plan"
	rc=$?
	set -e
	got="$(deny_lines "$plan")"
	problems=()
	[[ "$rc" -eq 1 ]] || problems+=("gate exit $rc, want 1")
	n="$(grep -c . <<<"$got" || true)"
	[[ "$n" -eq ${#want[@]} ]] || problems+=("$n deny messages, want ${#want[@]}")
	for re in "${want[@]}"; do
		[[ "$(grep -cE "$re" <<<"$got" || true)" -eq 1 ]] || problems+=("no deny message matches $re")
	done
	if [[ ${#problems[@]} -eq 0 ]]; then
		pass "violating: the gate fails the plan with the six expected messages"
	else
		fail "violating: $(printf '%s; ' "${problems[@]}")"
		printf 'deny messages:\n%s\n' "$got"
	fi
else
	fail "violating: terraform plan failed"
fi

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
