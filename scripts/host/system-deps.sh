#!/usr/bin/env bash
# Installs the Debian packages the VS Code test host needs, only those missing, once per machine.
#   system-deps.sh host     what code-server's native modules build with (libkrb5-dev, python3, make, g++)
#   system-deps.sh browser  Chromium (e2e tests, sandbox screenshots) and a font for readable pictures
#   system-deps.sh          both, plus git (CI)
# As root it runs apt-get; otherwise `sudo -n` when that works without a password; else it names the
# packages and exits 1, so the caller's error says exactly what to install.
set -euo pipefail
case "${1:-all}" in
  host) pkgs=(libkrb5-dev python3 make g++) ;;
  browser) pkgs=(chromium fonts-dejavu-core) ;;
  all) pkgs=(chromium libkrb5-dev python3 make g++ fonts-dejavu-core git) ;;
  *) echo "usage: system-deps.sh [host|browser|all]" >&2; exit 2 ;;
esac
command -v dpkg-query >/dev/null 2>&1 || exit 0 # not Debian: nothing to check; the build says what is missing
need=()
for pkg in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
((${#need[@]})) || exit 0
if [ "$(id -u)" = 0 ]; then sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n)
else
  echo "[system-deps] missing Debian packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
echo "[system-deps] installing: ${need[*]}" >&2
"${sudo[@]}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
