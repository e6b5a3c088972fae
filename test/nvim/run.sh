#!/usr/bin/env bash
# Neovim's LSP client against the Node server (`--stdio`): the diagnostics it gets for a report must be
# exactly the ones the CLI (`dist/cli.js check --format json`) reports. Needs `npm run build` first.
# env: FILE (default examples/mistakes.gknb.md), NVIM (default nvim), VERBOSE=1 prints every diagnostic.
set -euo pipefail
cd "$(dirname "$0")/../.."

FILE=${FILE:-examples/mistakes.gknb.md}
NVIM=${NVIM:-nvim}
SERVER=dist/server/node.js

if ! command -v "$NVIM" >/dev/null 2>&1; then
  echo "FAIL: neovim not found; install Debian's package: apt-get install -y neovim" >&2
  exit 1
fi
for f in "$SERVER" dist/cli.js "$FILE"; do
  [ -f "$f" ] || { echo "FAIL: $f is missing (run \`npm run build\`; examples come from the repository)" >&2; exit 1; }
done

# The CLI exits 1 when the report has errors, which the example is meant to have; 2+ means it broke.
set +e
json=$(node dist/cli.js check --format json "$FILE")
rc=$?
set -e
if [ "$rc" -gt 1 ]; then
  echo "FAIL: \`node dist/cli.js check --format json $FILE\` exited with $rc" >&2
  exit 1
fi
if ! expectations=$(printf '%s' "$json" | node test/nvim/expected.js); then
  echo "FAIL: could not read the CLI's JSON output (exit code $rc):" >&2
  printf '%s\n' "$json" | head -c 2000 >&2
  exit 1
fi
eval "$expectations"
if [ "$EXPECT" -eq 0 ]; then
  echo "FAIL: the CLI reports no diagnostics for $FILE; the check needs a report with mistakes" >&2
  exit 1
fi
echo "nvim: $FILE, expecting $EXPECT diagnostics ($EXPECT_CODES)"

FILE="$FILE" SERVER="$SERVER" EXPECT="$EXPECT" EXPECT_CODES="$EXPECT_CODES" EXPECT_KEYS="$EXPECT_KEYS" \
  timeout 120 "$NVIM" --headless --clean -u NONE -c 'luafile test/nvim/check.lua' </dev/null
