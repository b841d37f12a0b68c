#!/usr/bin/env bash
# Lints the whole shared Dockerfile corpus with every rule on, in release mode, and reports wall
# time, files/s and MB/s (median of RUNS runs, after one warm-up run).
#   usage: benches/corpus.sh [CORPUS_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/dockerfiles}
runs=${2:-7}
[ -d "$corpus" ] || { echo "corpus not found: $corpus" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/plimsoll
files=$({ "$bin" check "$corpus" --select all --no-config --format json || true; } | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["files"])')
bytes=$(find "$corpus" -type f ! -iname 'LICENSE*' ! -iname 'COPYING*' -exec cat {} + | wc -c)
"$bin" check "$corpus" --select all --no-config --format concise -q > /dev/null || true
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$bin" check "$corpus" --select all --no-config --format concise -q > /dev/null || true
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'corpus:   %s (%d Dockerfiles, %.1f MB)\n' "$corpus" "$files" "$(echo "$bytes / 1000000" | bc -l)"
printf 'threads:  %s cores\n' "$(nproc)"
printf 'runs:     %s\n' "$(printf '%.3f ' "${times[@]}")"
printf 'median:   %.3f s wall\n' "$median"
printf 'speed:    %.0f files/s, %.1f MB/s\n' "$(echo "$files / $median" | bc -l)" "$(echo "$bytes / 1000000 / $median" | bc -l)"
