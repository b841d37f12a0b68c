#!/usr/bin/env bash
# Fills benches/fuzz/corpus/<target>/ (git-ignored) with seed inputs: every Dockerfile or
# YAML/JSON file under testdata/, the kept regressions (testdata/fuzz-regressions/), and
# every Nth file (default 20) of ../shared/corpus.
# Files over 64 KiB are left out: libFuzzer runs slowly on them and mutates them poorly.
# Usage: benches/fuzz/seed.sh [N]
set -euo pipefail
cd "$(dirname "$0")"
repo=../..
shared=$repo/../shared/corpus
every=${1:-20}

# Copies the files named on stdin (NUL-separated) into corpus/$1/, named by content hash.
seed() {
    local dir=corpus/$1
    mkdir -p "$dir"
    while IFS= read -r -d '' file; do
        [ "$(stat -c %s "$file")" -le 65536 ] || continue
        cp "$file" "$dir/$(sha1sum < "$file" | cut -c1-40)"
    done
}

# Every Nth of the NUL-separated, sorted names on stdin.
sample() {
    sort -z | awk -v RS='\0' -v ORS='\0' -v n="$every" 'NR % n == 1'
}

regressions=$repo/testdata/fuzz-regressions

dockerfiles() {
    find "$repo/testdata" -type f \( -name 'Dockerfile*' -o -name '*.Dockerfile' \) -print0
    find "$regressions" -type f \( -name 'dockerfile_*' -o -name 'lint_dockerfile-*' \) -print0
    if [ -d "$shared" ]; then find "$shared/dockerfiles" -type f -print0 | sample; fi
}

manifests() {
    find "$repo/testdata" -path "$repo/testdata/schemas" -prune -o -type f \
        \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -print0
    find "$regressions" -type f \( -name 'yaml_*' -o -name 'lint_kubernetes-*' \) -print0
    if [ -d "$shared" ]; then
        find "$shared/k8s" "$shared/helm-rendered" -type f \
            \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -print0 | sample
    fi
}

[ -d "$shared" ] || echo "seed.sh: $shared not found; seeding from testdata/ only" >&2
for target in dockerfile_parse lint_dockerfile; do dockerfiles | seed "$target"; done
for target in yaml_load lint_kubernetes; do manifests | seed "$target"; done
for target in dockerfile_parse lint_dockerfile yaml_load lint_kubernetes; do
    echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) files"
done
