#!/usr/bin/env bash
# `make demo`: build the provider and the fake ABM server, start the fake with a
# generated organization (its fixtures plus 300 devices, 4 MDM servers, 40 users and
# 40 managed devices, its audit trail ending now), and apply an example against it
# with the real Terraform CLI. Nothing talks to Apple; nothing is left behind.
#
#   scripts/demo.sh [EXAMPLE_DIR]     default examples/demo
#   make demo EXAMPLE=examples/policy-checks
#
# Variables of the example can be set as TF_VAR_name=value in the environment.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

example="${1:-examples/demo}"
example="${example%/}"
if [[ ! -d "$example" ]] || ! compgen -G "$example/*.tf" >/dev/null; then
	echo "demo: $example is not a directory with .tf files (try examples/demo, examples/policy-checks, examples/drift-report)" >&2
	exit 2
fi

step() { printf '\n==> %s\n' "$*"; }

tf="$(bash "$root/scripts/ensure-terraform.sh")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/abm-demo.XXXXXX")"
fake_pid=""
cleanup() {
	if [[ -n "$fake_pid" ]]; then
		kill "$fake_pid" 2>/dev/null || true
		wait "$fake_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "Building terraform-provider-abm and fakeabm"
go build -o "$tmp/plugins/terraform-provider-abm" .
go build -o "$tmp/fakeabm" ./cmd/fakeabm

step "Starting the fake ABM server (fixtures + 300 devices, 4 MDM servers, 40 users, 40 managed devices, seed 42)"
# Whatever ABM_* the caller has set must not mix with the fake's credentials.
unset ABM_CLIENT_ID ABM_KEY_ID ABM_PRIVATE_KEY ABM_PRIVATE_KEY_FILE ABM_SCOPE \
	ABM_API_URL ABM_TOKEN_URL ABM_SERVER_TOKEN ABM_SERVER_TOKEN_FILE ABM_ADE_URL \
	ABM_MAX_RETRIES ABM_REQUESTS_PER_MINUTE ABM_TOKEN_CACHE ABM_CACHE_DIR ABM_READ_CACHE_MAX_AGE
"$tmp/fakeabm" -devices 300 -servers 4 -users 40 -mdm-devices 40 -audit-anchor -seed 42 -listen 127.0.0.1:0 -out "$tmp/fake" \
	>"$tmp/fakeabm.log" 2>&1 &
fake_pid=$!

# The fake writes env.sh last, once it is listening and its keys are on disk.
for _ in $(seq 1 300); do
	[[ -s "$tmp/fake/env.sh" ]] && break
	if ! kill -0 "$fake_pid" 2>/dev/null; then
		echo "fakeabm exited early:" >&2
		cat "$tmp/fakeabm.log" >&2
		exit 1
	fi
	sleep 0.1
done
if [[ ! -s "$tmp/fake/env.sh" ]]; then
	echo "fakeabm did not write $tmp/fake/env.sh within 30 s:" >&2
	cat "$tmp/fakeabm.log" >&2
	exit 1
fi
grep -m1 'listening on' "$tmp/fakeabm.log" || true
# shellcheck source=/dev/null
source "$tmp/fake/env.sh"
echo "ABM_CLIENT_ID=${ABM_CLIENT_ID:-}"
echo "ABM_API_URL=${ABM_API_URL:-}"

# A throwaway CLI configuration: dev_overrides makes Terraform use the provider just
# built instead of downloading one. It also replaces any TF_CLI_CONFIG_FILE the caller
# had, which on some machines names a file that does not exist.
cat >"$tmp/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "abm-terraform/abm" = "$tmp/plugins"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$tmp/terraformrc"
export TF_IN_AUTOMATION=1
# Colour only on a terminal, so logs (CI, `make demo > file`) stay readable.
tf_color=()
[[ -t 1 ]] || tf_color=(-no-color)

mkdir -p "$tmp/work"
cp -R "$example/." "$tmp/work/"
rm -rf "$tmp/work/.terraform" "$tmp/work/.terraform.lock.hcl" "$tmp/work/"terraform.tfstate*
cd "$tmp/work"

# No `terraform init`: with dev_overrides it is not needed (the configuration uses only
# the abm provider) and it fails, because it still asks the registry for a provider
# that dev_overrides already supplies.
step "terraform apply ($example)"
# Left out so the demo fits on a screen: the dev_overrides warning (this script set
# them), each read announcing itself twice, and the outputs, in the plan and after the
# apply, which the next step prints. Other warnings (failed check blocks) and errors stay.
"$tf" apply -auto-approve -input=false "${tf_color[@]+"${tf_color[@]}"}" 2>&1 | awk '
	/Provider development overrides are in effect/ { skip = "releases." ; next }
	/Changes to Outputs:/ { skip = "without changing any real infrastructure." ; next }
	/^(\033\[[0-9;]*m)*Outputs:/ { skip = "never" ; next }
	skip != "" { if (index($0, skip)) skip = ""; next }
	/: Reading\.\.\./ { next }
	/^$/ { if (blank) next; blank = 1; print; next }
	{ blank = 0; print }
'

# An example with a job summary shows it, what a pipeline would publish, instead of
# its whole report (which at a few hundred devices fills screens).
if grep -qs '^output "summary_markdown"' ./*.tf; then
	step "terraform output -raw summary_markdown (the job summary; terraform output -json has the whole report)"
	"$tf" output -raw summary_markdown
else
	step "terraform output"
	"$tf" output "${tf_color[@]+"${tf_color[@]}"}"
fi

# The fake reports how many requests each route served when it stops: against Apple,
# the request count is what the rate limit charges.
step "Requests the fake ABM server answered"
kill -TERM "$fake_pid" 2>/dev/null || true
wait "$fake_pid" 2>/dev/null || true
fake_pid=""
if counts="$(grep -m1 '^fakeabm counts' "$tmp/fakeabm.log")"; then
	echo "$counts"
	# The sum of the per-route counts: every request, the token request included.
	echo "$(grep -o ':[0-9]*' <<<"$counts" | tr -d : | awk '{ n += $1 } END { print n }') requests in all"
else
	echo "(fakeabm printed no counts)"
fi

step "Done"
echo "The same configuration works against Apple: set ABM_CLIENT_ID, ABM_KEY_ID and"
echo "ABM_PRIVATE_KEY_FILE for your API account instead (see README.md)."
