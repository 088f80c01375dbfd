#!/usr/bin/env bash
# Headless Neovim as a second LSP client: starts `node dist/server.js --stdio`, opens a request file, and checks the
# diagnostics and a hover it receives (test/nvim/init.lua, test/nvim/check.mjs). Needs Neovim >= 0.7 and dist/ built.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  echo "nvim-smoke: $*" >&2
  [ -n "${TEST_COUNTS_FILE:-}" ] && echo '{"passed":0,"failed":1}' > "$TEST_COUNTS_FILE"
  exit 1
}

command -v nvim >/dev/null || fail "nvim not found; install it: sudo apt-get install -y neovim (or run npm run e2e:install as root)"
[ -f "$root/dist/server.js" ] || fail "dist/server.js is missing: run npm run bundle first"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hml-nvim-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$root/test/nvim/requests.http" "$tmp/requests.http"

# Own XDG dirs: no user config, shada, swap or LSP log from this run lands in $HOME.
XDG_CONFIG_HOME="$tmp/xdg" XDG_CACHE_HOME="$tmp/xdg" XDG_STATE_HOME="$tmp/xdg" XDG_DATA_HOME="$tmp/xdg" \
LSP_SERVER="$root/dist/server.js" LSP_FILE="$tmp/requests.http" LSP_OUT="$tmp/out.json" \
  timeout 60 nvim --headless -n -i NONE -u "$root/test/nvim/init.lua" </dev/null
status=$?
[ $status -eq 124 ] && echo "nvim-smoke: Neovim did not finish within 60 s" >&2

node "$root/test/nvim/check.mjs" "$tmp/out.json" "$tmp/requests.http" "$status"
