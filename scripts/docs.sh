#!/usr/bin/env bash
# Generates docs/ with tfplugindocs (the version pinned in tools/go.mod) from the
# provider schema, templates/ and examples/.
#
#   scripts/docs.sh            regenerate docs/ in place (`make generate` runs this)
#   scripts/docs.sh check      regenerate into a scratch copy of the tree and fail if
#                              docs/ differs from it (CI runs this; the tree is untouched)
#
# tfplugindocs builds the provider and asks a Terraform CLI for its schema. It takes
# `terraform` from PATH and downloads one only when there is none, so this script puts
# the CLI scripts/ensure-terraform.sh finds (PATH, or a go-installed v1.5.7) first on
# PATH under the name `terraform`: generation never downloads anything.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-generate}"
case "$mode" in
generate | check) ;;
*)
	echo "usage: $0 [generate|check]" >&2
	exit 2
	;;
esac

log() { printf 'docs: %s\n' "$*" >&2; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/abm-docs.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# The schema is the same whichever CLI reads it, so always use a Terraform here, even
# when TF_ACC_TERRAFORM_PATH selects OpenTofu for the tests.
tf="$(env -u TF_ACC_TERRAFORM_PATH bash "$root/scripts/ensure-terraform.sh")"
mkdir -p "$scratch/bin"
ln -s "$tf" "$scratch/bin/terraform"
export PATH="$scratch/bin:$PATH"
# An empty CLI configuration: no ~/.terraformrc overrides, and no warning when
# TF_CLI_CONFIG_FILE names a missing file (as it does on some machines).
: >"$scratch/terraformrc"
export TF_CLI_CONFIG_FILE="$scratch/terraformrc"
export CHECKPOINT_DISABLE=1

# Build tfplugindocs from the tools module once; `go build` reuses the build cache.
tfplugindocs="$scratch/bin/tfplugindocs"
(cd "$root/tools" && GOWORK=off go build -o "$tfplugindocs" github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs)

generate() { # generate DIR
	"$tfplugindocs" generate \
		--provider-dir "$1" \
		--provider-name abm \
		--rendered-provider-name "Apple Business Manager" \
		--rendered-website-dir docs \
		--examples-dir examples \
		--website-source-dir templates \
		--website-temp-dir "$scratch/website"
}

start=$SECONDS
if [[ "$mode" == generate ]]; then
	log "generating docs/ with $("$tf" version 2>/dev/null | sed -n 1p)"
	generate "$root"
	log "done in $((SECONDS - start)) s"
	exit 0
fi

# check: generate in a copy of the files git knows about (committed or not, ignored
# files left out), then compare. Comparing against the working tree rather than HEAD
# lets a developer run the check before committing; CI's clone is clean, so there it
# compares against what is committed.
log "regenerating docs/ in a scratch copy of the tree"
mkdir -p "$scratch/tree"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done |
	xargs -0 cp --parents -t "$scratch/tree")
# Only what tfplugindocs writes is regenerated; hand-written pages such as
# docs/performance.md stay as committed.
rm -rf "$scratch/tree/docs/index.md" "$scratch/tree/docs/data-sources"
generate "$scratch/tree" >"$scratch/generate.log" 2>&1 || {
	cat "$scratch/generate.log" >&2
	log "tfplugindocs failed"
	exit 1
}
if ! diff -ruN "$root/docs" "$scratch/tree/docs" >"$scratch/docs.diff"; then
	cat "$scratch/docs.diff"
	echo
	echo "docs/ is out of date with the schema, templates/ or examples/ (diff above: - committed, + generated)."
	echo "Run \`make generate\` and commit the result."
	exit 1
fi
# The registry's own rules: file layout, front matter, one page per data source.
"$tfplugindocs" validate --provider-dir "$root" --provider-name abm >"$scratch/validate.log" 2>&1 || {
	cat "$scratch/validate.log" >&2
	echo "tfplugindocs validate rejected docs/ (above)."
	exit 1
}
log "docs/ is up to date and valid ($((SECONDS - start)) s)"
