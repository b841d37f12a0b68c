#!/usr/bin/env bash
# Times plimsoll against its peers on the same parts of the corpus: wall time, CPU time
# (user+sys) and peak RSS under GNU time, the tools in alternation, median of RUNS runs.
#   sets: dockerfiles (plimsoll vs hadolint), kubernetes (k8s + helm-rendered: plimsoll vs
#   checkov vs trivy), all (the three folders: plimsoll vs checkov vs trivy); plimsoll also
#   runs with --no-rules (read and parse every file, run no rule) on each set.
#
#   usage: benches/compare.sh [--quick] [CORPUS_ROOT]
#     CORPUS_ROOT: ../shared/corpus (default) or a copy grown by ../shared/corpus/grow.sh
#     --quick: the dockerfiles set only, one run (unless SETS or RUNS say otherwise)
#   env: RUNS (3), SETS ("dockerfiles kubernetes all"), PEERS ("hadolint checkov trivy"; empty
#        for plimsoll alone), PEERS_DIR (target/peers), PEER_TIMEOUT (600 s: a peer run that
#        takes longer is killed and the peer skipped on that set), PEER_RUNS (RUNS: the peers
#        run in the first PEER_RUNS runs only, for slow peers), OUT_DIR (target/bench)
#   Prints the table and writes it as markdown to OUT_DIR/compare.md (raw runs in
#   OUT_DIR/compare-runs.tsv, each run's stderr in OUT_DIR/logs/).
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh

quick=0
if [ "${1:-}" = --quick ]; then quick=1; shift; fi
root=$(realpath "${1:-../shared/corpus}")
if [ "$quick" = 1 ]; then
  runs=${RUNS:-1} sets=${SETS:-dockerfiles}
else
  runs=${RUNS:-3} sets=${SETS:-dockerfiles kubernetes all}
fi
peers=${PEERS-hadolint checkov trivy}
peers_dir=$(realpath -m "${PEERS_DIR:-target/peers}")
peer_timeout=${PEER_TIMEOUT:-600}
peer_runs=${PEER_RUNS:-$runs}
out_dir=${OUT_DIR:-target/bench}
mkdir -p "$out_dir/logs"
runs_tsv=$out_dir/compare-runs.tsv
sets_tsv=$out_dir/compare-sets.tsv

ensure_gnu_time
[ -n "$peers" ] && install_peers "$peers_dir"
build_plimsoll
peer_bin=$peers_dir/venv/bin

# The peers each set is compared with (among PEERS).
set_peers() {
  local wanted p
  case "$1" in
    dockerfiles) wanted="hadolint" ;;
    *) wanted="checkov trivy" ;;
  esac
  for p in $wanted; do
    case " $peers " in *" $p "*) echo "$p" ;; esac
  done
}

# The folders under root that a set leaves out, as names relative to root (glob for trivy).
excluded_subdirs() {
  local sub
  for sub in dockerfiles k8s helm-rendered charts; do
    case " $(set_subdirs "$1") " in *" $sub "*) continue ;; esac
    if [ -d "$root/$sub" ]; then echo "$sub"; else echo "copy-*/$sub"; fi
  done
}

# tool_command TOOL SET: sets the array cmd to the command that runs TOOL on SET.
tool_command() {
  local tool=$1 set_name=$2 skip
  case "$tool" in
    plimsoll) cmd=("$PLIMSOLL" check "${dirs[@]}" --select all --no-config --format json) ;;
    plimsoll-parse) cmd=("$PLIMSOLL" check "${dirs[@]}" --no-rules --no-config --format json) ;;
    hadolint)
      cmd=(bash -c 'ulimit -s "$1" && exec xargs -0 -s "$2" -a "$3" "$4" --no-fail -f json'
        hadolint "$HADOLINT_STACK_KB" "$hadolint_chars" "$dockerfile_list" "$peer_bin/hadolint")
      ;;
    checkov)
      local frameworks=(kubernetes) pattern
      [ "$set_name" = all ] && frameworks+=(dockerfile)
      # checkov matches --skip-path against ROOT/RELATIVE/PATH as a regular expression.
      pattern="^$(python3 -c 'import re, sys; print(re.escape(sys.argv[1]))' "$root")/(copy-[0-9]+/)?($(excluded_subdirs "$set_name" | sed 's|^copy-\*/||' | paste -sd '|'))\$"
      cmd=("$peer_bin/checkov" -d "$root" --skip-path "$pattern" --framework "${frameworks[@]}"
        --skip-download --quiet --compact -o json --soft-fail)
      ;;
    trivy)
      local scanners=kubernetes
      [ "$set_name" = all ] && scanners=kubernetes,dockerfile
      cmd=("$peer_bin/trivy" config --skip-check-update --skip-version-check --disable-telemetry
        --cache-dir "$peers_dir/trivy-cache" --timeout "$((peer_timeout + 60))s"
        --misconfig-scanners "$scanners" -f json -q)
      while read -r skip; do cmd+=(--skip-dirs "$skip"); done < <(excluded_subdirs "$set_name")
      cmd+=("$root")
      ;;
  esac
}

: > "$runs_tsv"
: > "$sets_tsv"
echo "corpus: $root; sets: $sets; runs: $runs (peers: $peer_runs); peer timeout: ${peer_timeout}s" >&2
for set_name in $sets; do
  mapfile -t dirs < <(corpus_dirs "$root" "$set_name")
  files=$(plimsoll_file_count "${dirs[@]}")
  megabytes=$(input_megabytes "${dirs[@]}")
  note=""
  tools=(plimsoll plimsoll-parse)
  mapfile -t -O 2 tools < <(set_peers "$set_name")
  if [[ " ${tools[*]} " == *" hadolint "* ]]; then
    dockerfile_list=$out_dir/dockerfiles-$set_name.list
    input_files "${dirs[@]}" > "$dockerfile_list"
    hadolint_chars=$(hadolint_max_chars)
    batches=$(hadolint_batches "$dockerfile_list" "$hadolint_chars")
    hadolint_files=$(tr -cd '\0' < "$dockerfile_list" | wc -c)
    note="hadolint: $hadolint_files files in $batches process(es)"
  fi
  printf '%s\t%s\t%s\t%s\n' "$set_name" "$files" "$megabytes" "$note" >> "$sets_tsv"
  echo "== $set_name: $files files, $megabytes MB; ${tools[*]}${note:+; $note}" >&2
  "$PLIMSOLL" check "${dirs[@]}" --no-rules --no-config --format json > /dev/null 2>&1 || true # warm the page cache
  declare -A given_up=()
  for run in $(seq "$runs"); do
    for tool in "${tools[@]}"; do
      [ -n "${given_up[$tool]:-}" ] && continue
      limit=3600
      if [[ $tool != plimsoll* ]]; then
        [ "$run" -gt "$peer_runs" ] && continue
        limit=$peer_timeout
      fi
      tool_command "$tool" "$set_name"
      read -r wall user sys rss status < <(measure "$out_dir/logs/$set_name-$tool-$run.err" "$limit" "${cmd[@]}")
      printf '  run %s %-15s %7.2f s wall %7.2f s CPU %7.0f MB  %s\n' "$run" "$tool" "$wall" \
        "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$status" >&2
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$set_name" "$tool" "$run" "$wall" "$user" "$sys" \
        "$rss" "$status" >> "$runs_tsv"
      if [ "$status" != ok ]; then
        given_up[$tool]=1
        echo "  $tool gave up on $set_name ($status); its stderr: $out_dir/logs/$set_name-$tool-$run.err" >&2
      fi
    done
  done
  unset given_up
done

versions=""
[ -n "$peers" ] && versions=$(peer_versions "$peers_dir")
python3 benches/tables.py compare "$runs_tsv" "$sets_tsv" \
  --title "corpus $root, median of $runs run(s) (peers: $peer_runs), $(nproc) cores, plimsoll $(git rev-parse --short HEAD)" \
  --peers "$versions" --timeout "$peer_timeout" | tee "$out_dir/compare.md"
echo "markdown written to $out_dir/compare.md" >&2
