# Sourced by provision.sh. Runs npm as if typed in a fresh shell, even when provisioning was started from an
# npm script (`npm test`, `npm start`, `npm run …`): the outer npm exports its configuration as npm_config_*
# variables (and npm_*, NODE, INIT_CWD, node_modules/.bin on PATH), a nested npm takes them as its own, and
# code-server's postinstall reads the Node major from npm_config_user_agent.

# The names of the exported variables an outer npm may have set, one per line.
npm_env_names() {
  local name
  while IFS= read -r name; do
    case "$name" in
      [nN][pP][mM]_*|NODE|INIT_CWD) printf '%s\n' "$name" ;;
    esac
  done < <(compgen -e)
}

# PATH without the folders an outer npm script prepends (node_modules/.bin, npm's node-gyp-bin).
path_without_npm_script_dirs() {
  local dir kept=() IFS=:
  for dir in $PATH; do
    case "$dir" in
      */node_modules/.bin|*/node-gyp-bin|'') ;;
      *) kept+=("$dir") ;;
    esac
  done
  printf '%s' "${kept[*]}"
}

# without_npm_env BIN_DIR COMMAND [ARGS...]: runs COMMAND with none of those variables, BIN_DIR first on PATH.
without_npm_env() {
  local bin_dir="$1" name unset_args=()
  shift
  while IFS= read -r name; do unset_args+=(-u "$name"); done < <(npm_env_names)
  env "${unset_args[@]}" PATH="$bin_dir:$(path_without_npm_script_dirs)" "$@"
}
