#!/usr/bin/env bash
# `make release-check` / .ci/run: proves .goreleaser.yml produces what the Terraform
# Registry needs, without publishing anything.
#
#   1. `goreleaser check` (goreleaser's own validation of the configuration);
#   2. `goreleaser release --snapshot` for linux/amd64 only, signed with a throwaway
#      GPG key made for this run (so the `signs` section is exercised too);
#   3. the layout: the zip holds terraform-provider-abm_v<version>, SHA256SUMS lists
#      the zip and the manifest and matches them, the signature verifies, and the
#      manifest says protocol 6.0.
#
# goreleaser is pinned ($GORELEASER_VERSION) and installed with `go install` into
# .tools/bin on first use. Output goes to a scratch directory; the tree is untouched.
set -euo pipefail

# v2.14.3, not v2.15.x: 2.15.0 and 2.15.1 add the signature's own checksum to
# SHA256SUMS after signing it, so the signature no longer verifies (step 3 catches
# that). Move the pin only to a release that passes this script.
GORELEASER_VERSION="${GORELEASER_VERSION:-v2.14.3}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools_bin="$root/.tools/bin"
goreleaser="$tools_bin/goreleaser-$GORELEASER_VERSION"

log() { printf 'release-check: %s\n' "$*" >&2; }
fail() {
	printf 'release-check: FAIL: %s\n' "$*" >&2
	exit 1
}

if [[ ! -x "$goreleaser" ]]; then
	log "installing goreleaser $GORELEASER_VERSION into $tools_bin (a few minutes, once)"
	mkdir -p "$tools_bin"
	gobin="$(mktemp -d "${TMPDIR:-/tmp}/goreleaser-bin.XXXXXX")"
	(cd "${TMPDIR:-/tmp}" && GOWORK=off GOBIN="$gobin" go install "github.com/goreleaser/goreleaser/v2@$GORELEASER_VERSION")
	mv "$gobin/goreleaser" "$goreleaser"
	rmdir "$gobin"
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/abm-release.XXXXXX")"
cleanup() {
	# gpg-agent was started for the throwaway keyring; stop it with the keyring.
	if [[ -d "$scratch/gnupg" ]]; then
		GNUPGHOME="$scratch/gnupg" gpgconf --kill gpg-agent 2>/dev/null || true
	fi
	rm -rf "$scratch"
}
trap cleanup EXIT

log "goreleaser check"
"$goreleaser" check

# One platform: the same configuration with the target lists narrowed. The two lines
# are one-liners in .goreleaser.yml for this reason.
sed -E 's/^([[:space:]]*goos:)[[:space:]]*\[.*\]$/\1 [linux]/; s/^([[:space:]]*goarch:)[[:space:]]*\[.*\]$/\1 [amd64]/' \
	.goreleaser.yml >"$scratch/goreleaser.yml"
grep -qE '^[[:space:]]*goos: \[linux\]$' "$scratch/goreleaser.yml" || fail "could not narrow goos in .goreleaser.yml"
grep -qE '^[[:space:]]*goarch: \[amd64\]$' "$scratch/goreleaser.yml" || fail "could not narrow goarch in .goreleaser.yml"
# Write into the scratch directory, not ./dist.
printf '\ndist: %s\n' "$scratch/dist" >>"$scratch/goreleaser.yml"

skip=before,publish,validate
if command -v gpg >/dev/null 2>&1; then
	export GNUPGHOME="$scratch/gnupg"
	mkdir -m 700 "$GNUPGHOME"
	gpg --batch --quiet --no-tty --passphrase '' --quick-gen-key "abm release check <release-check@invalid>" rsa2048 sign 1d >/dev/null 2>&1
	GPG_FINGERPRINT="$(gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }')"
	export GPG_FINGERPRINT
	log "signing with a throwaway key $GPG_FINGERPRINT"
else
	log "gpg not found: skipping the signature (install gnupg to check it)"
	skip="$skip,sign"
fi

log "goreleaser release --snapshot (linux/amd64)"
# `before` (go mod tidy) is skipped: a check must not rewrite go.mod.
"$goreleaser" release --snapshot --clean --skip="$skip" --config "$scratch/goreleaser.yml"

dist="$scratch/dist"
sums="$(find "$dist" -maxdepth 1 -name 'terraform-provider-abm_*_SHA256SUMS')"
[[ -n "$sums" && -f "$sums" ]] || fail "no terraform-provider-abm_<version>_SHA256SUMS in dist/"
version="$(basename "$sums")"
version="${version#terraform-provider-abm_}"
version="${version%_SHA256SUMS}"
prefix="terraform-provider-abm_${version}"
zip="${prefix}_linux_amd64.zip"
manifest="${prefix}_manifest.json"

[[ -f "$dist/$zip" ]] || fail "missing $zip"
if command -v unzip >/dev/null 2>&1; then
	unzip -Z1 "$dist/$zip" | grep -qx "terraform-provider-abm_v${version}" ||
		fail "$zip does not hold terraform-provider-abm_v${version}: $(unzip -Z1 "$dist/$zip" | tr '\n' ' ')"
fi
# SHA256SUMS lists the zip and the manifest. The manifest is uploaded by the release
# step (release.extra_files), which a snapshot skips, so its line is checked against
# terraform-registry-manifest.json itself.
sum_of() { awk -v f="$1" '$2 == f { print $1 }' "$sums"; }
[[ "$(sum_of "$zip")" == "$(sha256sum "$dist/$zip" | cut -d' ' -f1)" ]] || fail "SHA256SUMS does not list $zip with its checksum"
[[ "$(sum_of "$manifest")" == "$(sha256sum terraform-registry-manifest.json | cut -d' ' -f1)" ]] ||
	fail "SHA256SUMS does not list $manifest with the checksum of terraform-registry-manifest.json"
tr -d ' \n' <terraform-registry-manifest.json | grep -q '"protocol_versions":\["6.0"\]' ||
	fail "terraform-registry-manifest.json does not declare protocol 6.0"
if [[ "$skip" != *sign* ]]; then
	[[ -f "$sums.sig" ]] || fail "no detached signature $(basename "$sums").sig"
	if ! gpg --batch --verify "$sums.sig" "$sums" >"$scratch/verify.log" 2>&1; then
		cat "$scratch/verify.log" >&2
		fail "the signature of SHA256SUMS does not verify"
	fi
fi

log "OK: $(cd "$dist" && ls -1 "${prefix}"_* | tr '\n' ' ')+ $manifest (listed in SHA256SUMS)"
