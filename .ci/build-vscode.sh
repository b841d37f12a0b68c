#!/usr/bin/env bash
# Builds the VS Code extension in editors/vscode from its lock file (npm registry only), runs
# its unit checks, packages it, and checks the .vsix: the manifest and the compiled client are
# in it, and the client loads with only the dependencies packed beside it.
#   usage: .ci/build-vscode.sh        (writes editors/vscode/plimsoll-<version>.vsix)
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"
for tool in node npm python3; do
  command -v "$tool" >/dev/null || { echo "build-vscode: $tool is not installed" >&2; exit 1; }
done
# No install scripts are needed to compile or package (only vsce's signing helper has one).
npm ci --ignore-scripts --no-audit --no-fund
npm run compile
npm test
version=$(node -p 'require("./package.json").version')
vsix="plimsoll-$version.vsix"
rm -f "$vsix"
npx vsce package --out "$vsix"
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
python3 - "$vsix" "$unpacked" <<'PY'
import sys, zipfile
vsix, into = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(vsix) as z:
    names = set(z.namelist())
    missing = [n for n in ("extension/package.json", "extension/out/extension.js") if n not in names]
    if missing:
        sys.exit(f"build-vscode: {vsix} lacks {', '.join(missing)}")
    stray = sorted(n for n in names if n.startswith(("extension/src/", "extension/test/")))
    if stray:
        sys.exit(f"build-vscode: {vsix} ships sources or tests: {', '.join(stray)}")
    z.extractall(into)
PY
node test/load-packaged.js "$unpacked/extension/out/extension.js"
echo "build-vscode: editors/vscode/$vsix ($(wc -c <"$vsix") bytes)"
