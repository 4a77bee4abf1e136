# Sourced by the pipeline scripts (policy.sh, module-test.sh): builds the provider and
# cmd/fakeabm once, and starts fake ABM organizations on loopback with a CLI
# configuration whose dev_overrides point Terraform and OpenTofu at the provider just
# built. Nothing talks to Apple.
#
#   source scripts/fake-session.sh     # sets $session (a scratch directory) and an EXIT trap
#   fake_start -devices 0 -servers 0   # fakeabm flags; exports ABM_* and TF_CLI_CONFIG_FILE
#   fake_stop                          # before starting the next one
#
# scripts/demo.sh does the same for one example, with its own steps and output.

session="$(mktemp -d "${TMPDIR:-/tmp}/abm-session.XXXXXX")"
fake_pid=""

fake_stop() {
	if [[ -n "$fake_pid" ]]; then
		kill "$fake_pid" 2>/dev/null || true
		wait "$fake_pid" 2>/dev/null || true
		fake_pid=""
	fi
}
fake_cleanup() {
	fake_stop
	rm -rf "$session"
}
trap fake_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# fake_build compiles the provider and the fake into the session directory.
fake_build() {
	local root
	root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
	(cd "$root" && go build -o "$session/plugins/terraform-provider-abm" . &&
		go build -o "$session/fakeabm" ./cmd/fakeabm)
}

# fake_start FLAGS...: starts cmd/fakeabm with FLAGS, waits for its env.sh and exports
# the ABM_* variables a user would set, plus a CLI configuration with dev_overrides.
fake_start() {
	[[ -x "$session/fakeabm" ]] || fake_build || return 1
	fake_stop
	# Whatever ABM_* the caller has set must not mix with the fake's credentials.
	unset ABM_CLIENT_ID ABM_KEY_ID ABM_PRIVATE_KEY ABM_PRIVATE_KEY_FILE ABM_SCOPE \
		ABM_API_URL ABM_TOKEN_URL ABM_SERVER_TOKEN ABM_SERVER_TOKEN_FILE ABM_ADE_URL \
		ABM_MAX_RETRIES ABM_REQUESTS_PER_MINUTE ABM_TOKEN_CACHE ABM_CACHE_DIR ABM_READ_CACHE_MAX_AGE
	rm -rf "$session/fake"
	"$session/fakeabm" -listen 127.0.0.1:0 -out "$session/fake" "$@" >"$session/fakeabm.log" 2>&1 &
	fake_pid=$!
	local _
	for _ in $(seq 1 300); do
		[[ -s "$session/fake/env.sh" ]] && break
		if ! kill -0 "$fake_pid" 2>/dev/null; then
			echo "fakeabm exited early:" >&2
			cat "$session/fakeabm.log" >&2
			fake_pid=""
			return 1
		fi
		sleep 0.1
	done
	if [[ ! -s "$session/fake/env.sh" ]]; then
		echo "fakeabm did not write env.sh within 30 s:" >&2
		cat "$session/fakeabm.log" >&2
		return 1
	fi
	# shellcheck source=/dev/null
	source "$session/fake/env.sh"
	cat >"$session/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "abm-terraform/abm" = "$session/plugins"
  }
  direct {}
}
RC
	export TF_CLI_CONFIG_FILE="$session/terraformrc"
	export TF_IN_AUTOMATION=1
}
