#!/usr/bin/env bash
# Scaling run: plimsoll (all rules, and --no-rules) on the whole corpus at 1x, 10x and 100x
# (grown with ../shared/corpus/grow.sh --link into target/corpus-10x and target/corpus-100x,
# reused when already there): wall, CPU, peak RSS, MB of input, time per MB and files/s, the
# two modes in alternation, median of RUNS runs; then how linear time per MB is.
#
#   usage: benches/scale.sh [--peers]
#     --peers: also run benches/compare.sh on the 10x copy, one run per peer, each peer killed
#              and noted after PEER_TIMEOUT (600 s) as compare.sh does
#   env: RUNS (3), SIZES ("1 10 100"), SETS (for --peers: "dockerfiles kubernetes all"),
#        PEERS and PEERS_DIR (as compare.sh), OUT_DIR (target/bench)
#   Prints the table and writes it as markdown to OUT_DIR/scale.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh

with_peers=0
if [ "${1:-}" = --peers ]; then with_peers=1; shift; fi
runs=${RUNS:-3}
sizes=${SIZES:-1 10 100}
out_dir=${OUT_DIR:-target/bench}
corpus=$(realpath ../shared/corpus)
mkdir -p "$out_dir/logs"
runs_tsv=$out_dir/scale-runs.tsv
sizes_tsv=$out_dir/scale-sizes.tsv

ensure_gnu_time
build_plimsoll

# grown_corpus N: the root of the N-times corpus, grown unless a complete copy is there.
grown_corpus() {
  local n=$1 dir
  if [ "$n" = 1 ]; then echo "$corpus"; return; fi
  dir=$(realpath -m "target/corpus-${n}x")
  if [ "$(compgen -G "$dir/copy-*" | wc -l)" != "$n" ] || [ ! -f "$dir/SOURCES.md" ]; then
    echo "growing the corpus ${n}x into $dir" >&2
    GROW_FORCE=1 "$corpus/grow.sh" "$n" "$dir" --link >&2
  fi
  echo "$dir"
}

: > "$runs_tsv"
: > "$sizes_tsv"
for n in $sizes; do
  root=$(grown_corpus "$n")
  mapfile -t dirs < <(corpus_dirs "$root" all)
  files=$(plimsoll_file_count "${dirs[@]}")
  megabytes=$(input_megabytes "${dirs[@]}")
  label="${n}x"
  printf '%s\t%s\t%s\n' "$label" "$files" "$megabytes" >> "$sizes_tsv"
  echo "== $label: $root, $files files, $megabytes MB" >&2
  for run in $(seq "$runs"); do
    for mode in plimsoll plimsoll-parse; do
      rules=(--select all)
      [ "$mode" = plimsoll-parse ] && rules=(--no-rules)
      read -r wall user sys rss status < <(measure "$out_dir/logs/scale-$label-$mode-$run.err" 3600 \
        "$PLIMSOLL" check "${dirs[@]}" "${rules[@]}" --no-config --format json)
      printf '  run %s %-15s %8.2f s wall %8.2f s CPU %6.0f MB  %s\n' "$run" "$mode" "$wall" \
        "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$status" >&2
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$mode" "$run" "$wall" "$user" "$sys" "$rss" \
        "$status" >> "$runs_tsv"
    done
  done
done

python3 benches/tables.py scale "$runs_tsv" "$sizes_tsv" \
  --title "plimsoll on the whole corpus (dockerfiles, k8s, helm-rendered), median of $runs run(s), $(nproc) cores, plimsoll $(git rev-parse --short HEAD)" |
  tee "$out_dir/scale.md"
echo "markdown written to $out_dir/scale.md" >&2

if [ "$with_peers" = 1 ]; then
  echo "== peers on the 10x copy (one run each, PEER_TIMEOUT ${PEER_TIMEOUT:-600} s)" >&2
  RUNS=1 OUT_DIR="$out_dir/scale-peers-10x" benches/compare.sh "$(grown_corpus 10)"
fi
