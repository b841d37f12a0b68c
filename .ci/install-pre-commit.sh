#!/usr/bin/env bash
# Installs pre-commit for the pre-commit hook tests, from PyPI (no other network), into a
# virtual environment: target/tools/pre-commit/bin/pre-commit, which the tests find on their
# own (or set PLIMSOLL_TEST_PRE_COMMIT).
#   usage: .ci/install-pre-commit.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/tools/pre-commit
version=4.7.0
if [ -x "$dir/bin/pre-commit" ] && [ "$("$dir/bin/pre-commit" --version)" = "pre-commit $version" ]; then
  exit 0
fi
rm -rf "$dir"
python3 -m venv "$dir"
"$dir/bin/python" -m pip install --quiet "pre-commit==$version"
"$dir/bin/pre-commit" --version
