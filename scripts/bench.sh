#!/usr/bin/env bash
# `make bench`: the Go benchmarks (client decode, state encoding, summary
# aggregation, whole reads through the protocol server), then the
# whole-process benchmark: cmd/fakeabm serving 1k, 10k and 100k devices,
# `terraform apply` on fixture configurations and on examples/drift-report
# (against a derived inventory CSV with a known drift, its outputs checked,
# next to the same report over the full device list), with the provider's
# and Terraform's CPU and peak RSS, requests and state size (medians of RUNS).
#
#   BENCH_SIZES=1000,10000,100000 BENCH_RUNS=3 BENCH_LATENCY=100ms make bench
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

tf="$(bash "$root/scripts/ensure-terraform.sh")"

echo "==> Go benchmarks"
go test -run '^$' -bench . -benchmem ./internal/client ./internal/provider ./internal/fakeabm

echo
echo "==> Whole process: terraform apply against cmd/fakeabm ($("$tf" version 2>/dev/null | sed -n 1p))"
go run ./internal/tools/benchapply \
	-terraform "$tf" \
	-sizes "${BENCH_SIZES:-1000,10000,100000}" \
	-runs "${BENCH_RUNS:-3}" \
	-latency "${BENCH_LATENCY:-100ms}" \
	${BENCH_JSON:+-json "$BENCH_JSON"}
