#!/usr/bin/env bash
# Lints a part of the shared corpus with every rule on, in release mode, and reports wall
# time, files/s and MB/s (median of RUNS runs, after one warm-up run).
#   usage: benches/corpus.sh [dockerfiles|kubernetes|all] [RUNS] [CORPUS_ROOT]
#   dockerfiles: CORPUS_ROOT/dockerfiles; kubernetes: CORPUS_ROOT/k8s and CORPUS_ROOT/helm-rendered
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:-dockerfiles}
runs=${2:-7}
root=${3:-../shared/corpus}
case "$set_name" in
  dockerfiles) dirs=("$root/dockerfiles") ;;
  kubernetes) dirs=("$root/k8s" "$root/helm-rendered") ;;
  all) dirs=("$root/dockerfiles" "$root/k8s" "$root/helm-rendered") ;;
  *) echo "unknown set: $set_name (dockerfiles, kubernetes or all)" >&2; exit 2 ;;
esac
for d in "${dirs[@]}"; do [ -d "$d" ] || { echo "corpus not found: $d" >&2; exit 2; }; done
cargo build --release --quiet
bin=target/release/plimsoll
lint() { "$bin" check "${dirs[@]}" --select all --no-config "$@"; }
summary=$({ lint --format json 2>/dev/null || true; } | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["files"], s["skipped"])')
read -r files skipped <<<"$summary"
# Bytes of the files plimsoll reads: Dockerfiles by name, YAML and JSON by extension.
bytes=$(find "${dirs[@]}" -type f ! -iname 'LICENSE*' ! -iname 'COPYING*' \
  \( -path "$root/dockerfiles/*" -o -iname '*.yaml' -o -iname '*.yml' -o -iname '*.json' \) \
  -exec cat {} + | wc -c)
lint --format concise -q > /dev/null 2>&1 || true
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  lint --format concise -q > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'corpus:   %s (%d files linted, %d skipped, %.1f MB read)\n' "${dirs[*]}" "$files" "$skipped" "$(echo "$bytes / 1000000" | bc -l)"
printf 'threads:  %s cores\n' "$(nproc)"
printf 'runs:     %s\n' "$(printf '%.3f ' "${times[@]}")"
printf 'median:   %.3f s wall\n' "$median"
printf 'speed:    %.0f files/s, %.1f MB/s\n' "$(echo "($files + $skipped) / $median" | bc -l)" "$(echo "$bytes / 1000000 / $median" | bc -l)"
