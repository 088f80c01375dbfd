#!/usr/bin/env bash
# Installs what the offline end-to-end tests need: Debian packages (Chromium, ripgrep, build tools, Neovim) and
# code-server (VS Code's own server, from the npm registry), cached outside the repository.
#
# Why not plain `npm install code-server`: its postinstall reinstalls VS Code's dependencies with scripts on and
# downloads ripgrep from GitHub, both of which fail without internet. So we install with --ignore-scripts and redo
# the postinstall steps ourselves (links, native add-on builds against the local Node headers, the system rg).
#
# Idempotent: a finished install carries a stamp file and is reused; an interrupted one lives in a *.partial dir
# and is never taken for finished. Prints the install directory on its last line.
# Environment: HML_E2E_CACHE overrides the cache root; HML_E2E_SKIP_APT=1 skips the Debian package step.
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
readonly APT_PACKAGES=(build-essential python3 libkrb5-dev ripgrep chromium neovim)
readonly NATIVE_ADDONS=(kerberos @vscode/spdlog native-watchdog node-pty)

die() { echo "install-code-server: $*" >&2; exit 1; }

command -v node >/dev/null || die "node is not on PATH (Node 20 is required)"
command -v npm >/dev/null || die "npm is not on PATH"
node_major=$(node -p 'process.versions.node.split(".")[0]')
# code-server 4.100.x ships VS Code 1.100 whose server runs on Node 20; newer code-server needs Node 22.
[ "$node_major" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20, found $(node -v)"

install_apt_packages() {
  [ "${HML_E2E_SKIP_APT:-}" = 1 ] && return 0
  command -v dpkg >/dev/null || { echo "install-code-server: no dpkg; make sure these are installed: ${APT_PACKAGES[*]}" >&2; return 0; }
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    die "missing Debian packages. Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_apt_packages

cache_root="${HML_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/http-method-lint-e2e}"
# Native add-ons are built for one Node ABI, so the cache is keyed on the Node major version.
dest="$cache_root/code-server-$CODE_SERVER_VERSION-node$node_major"
if [ -f "$dest/.complete" ]; then
  echo "code-server $CODE_SERVER_VERSION already installed"
  echo "$dest"
  exit 0
fi

command -v rg >/dev/null || die "ripgrep (rg) is not on PATH"
node_dir=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$node_dir/include/node/node.h" ] || die "Node headers not found under $node_dir/include/node (needed to build native add-ons offline)"
node_gyp=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js
[ -f "$node_gyp" ] || die "node-gyp not found next to npm ($node_gyp)"
# Point every build at the local headers so node-gyp never tries to download them.
export npm_config_nodedir="$node_dir" npm_config_build_from_source=true

mkdir -p "$cache_root"
rm -rf "$dest" "$dest".partial.*
work="$dest.partial.$$"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '{"private":true}' > package.json

npm_install() { npm install --ignore-scripts --omit=dev --no-audit --no-fund --loglevel=error "$@"; }

echo "installing code-server $CODE_SERVER_VERSION into $dest"
npm_install "code-server@$CODE_SERVER_VERSION"
vscode_dir="$work/node_modules/code-server/lib/vscode"
(cd "$vscode_dir" && npm_install)
(cd "$vscode_dir/extensions" && npm_install)

# The links code-server's postinstall.sh would have made.
ln -sfn node_modules "$vscode_dir/node_modules.asar"
ln -sfn code-linux.sh "$vscode_dir/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$vscode_dir/bin/helpers/browser.sh"
mkdir -p "$vscode_dir/node_modules/@vscode/ripgrep/bin"
ln -sfn "$(command -v rg)" "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"

# node-gyp is run directly: node-pty's own install script shells out to `npx node-gyp`, which fails offline.
for addon in "${NATIVE_ADDONS[@]}"; do
  echo "building $addon"
  (cd "$vscode_dir/node_modules/$addon" && node "$node_gyp" rebuild -j max --loglevel=error --nodedir="$node_dir" >/dev/null)
done
# argon2 is loaded at start-up even with `--auth none`.
echo "building argon2"
npm rebuild argon2 --loglevel=error 2>&1 | grep -v 'Unknown env config' || true

(cd "$vscode_dir" && node -e 'for (const m of process.argv.slice(1)) require(m)' "${NATIVE_ADDONS[@]}") \
  || die "a native add-on does not load"
node -e 'require("argon2")' || die "argon2 does not load"

touch .complete
cd "$cache_root"
mv "$work" "$dest"
trap - EXIT
echo "code-server $CODE_SERVER_VERSION installed"
echo "$dest"
