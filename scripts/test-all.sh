#!/usr/bin/env bash
# `npm test`: build, typecheck, unit tests, grammar tests, the Neovim LSP check, the web extension host tests, the
# packaged .vsix (built, then checked) and the Node extension host tests of that .vsix (all offline).
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step_started=$SECONDS
step() {
  [ -z "${step_name:-}" ] || printf '==== %s: %d s ====\n' "$step_name" $((SECONDS - step_started))
  step_name=$*; step_started=$SECONDS
  printf '\n==== %s ====\n' "$*"
}

step "system packages (Debian chromium, neovim)"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "FAIL: missing Debian package(s): ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?'), nvim: $(nvim --version | head -1)"

step "build (npm run build)"
npm run build

step "typecheck (npm run typecheck)"
npm run typecheck

step "unit tests (npm run test:unit)"
npm run test:unit

step "grammar tests (npm run test:grammar)"
npm run test:grammar

step "Neovim LSP client (npm run test:nvim)"
npm run test:nvim

step "web extension host (npm run test:web)"
npm run test:web

step "package the .vsix (npm run package)"
npm run package

step "check the .vsix (npm run check:vsix)"
npm run check:vsix

step "Node extension host, packaged .vsix (npm run test:node-host: install if needed, then run)"
npm run test:node-host

step "all tests passed (total $SECONDS s)"
