#!/usr/bin/env bash
# Runs a command with nothing of a calling npm in its environment:
#   clean-npm-env.sh [--path-first DIR] [NAME=VALUE...] CMD [ARGS...]
# `npm run` and `npm test` export their own settings to every child (npm_config_user_agent names npm's node,
# npm_lifecycle_*, npm_package_*, npm_execpath, INIT_CWD, NODE, node_modules/.bin on PATH...). An npm started
# below them under another node reads those as its own settings: code-server's postinstall then sees
# "node/v20" in the user agent and refuses to install under node 24. This drops every npm_* variable (any
# case) except the few that say how to reach the registry (registry, proxies, certificates, cache, config
# files), drops INIT_CWD, NODE and COLOR, and removes npm's additions from PATH, then execs CMD.
set -euo pipefail
keep_network() {
  case "$1" in
    npm_config_registry | npm_config_cafile | npm_config_ca | npm_config_proxy | npm_config_https_proxy | \
      npm_config_noproxy | npm_config_strict_ssl | npm_config_cache | npm_config_userconfig | \
      npm_config_globalconfig) return 0 ;;
  esac
  return 1
}
while IFS= read -r name; do
  lower=${name,,}
  case "$lower" in
    npm_*) keep_network "$lower" || unset "$name" ;;
    init_cwd | node | color) unset "$name" ;;
  esac
done < <(compgen -e)
# PATH without the entries npm run prepends (every node_modules/.bin above the package, npm's node-gyp-bin).
clean_path=()
IFS=: read -r -a parts <<<"${PATH:-}"
for p in "${parts[@]}"; do
  case "$p" in
    */node_modules/.bin | */@npmcli/run-script/lib/node-gyp-bin | "") ;;
    *) clean_path+=("$p") ;;
  esac
done
PATH=$(IFS=:; echo "${clean_path[*]}")
# Then what the caller sets for the command: a folder first on PATH (node 24's bin) and NAME=VALUE pairs.
while [ $# -gt 0 ]; do
  case "$1" in
    --path-first) PATH="$2:$PATH"; shift 2 ;;
    [A-Za-z_]*=*) export "${1?}"; shift ;;
    *) break ;;
  esac
done
export PATH
[ $# -gt 0 ] || { echo "usage: clean-npm-env.sh [--path-first DIR] [NAME=VALUE...] CMD [ARGS...]" >&2; exit 2; }
exec "$@"
