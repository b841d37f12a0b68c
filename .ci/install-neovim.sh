#!/usr/bin/env bash
# Installs Neovim for the headless editor test (lsp/tests/neovim.rs) from Debian's packages
# (no other network). Debian 12 ships 0.7.2, which the test is written for. Does nothing when
# `nvim` is already on PATH.
#   usage: .ci/install-neovim.sh
set -euo pipefail
if command -v nvim >/dev/null; then
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet: update only when the install cannot find it.
if ! "${sudo[@]}" apt-get install -y --no-install-recommends neovim >/dev/null 2>&1; then
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y --no-install-recommends neovim >/dev/null
fi
nvim --version | head -n 1
