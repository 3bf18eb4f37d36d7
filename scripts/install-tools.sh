#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently: each step is skipped when the
# tool is already there at the pinned version. Only the package registries are reachable, so two
# cargo tools are built from their published source with one dependency pinned back
# (see ../shared/TOOLCHAIN.md for why).
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
CARGO_LEPTOS_VERSION=0.3.11
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# Builds a crate from its registry source with one dependency pinned to an older release.
install_patched() {
  local crate=$1 version=$2 dep=$3 dep_version=$4
  shift 4
  local reg_src tmp
  cargo info "$crate@$version" >/dev/null
  reg_src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"$crate-$version" | head -1)
  tmp=$(mktemp -d)
  cp -r "$reg_src" "$tmp/src"
  (
    cd "$tmp/src"
    cargo update -q -p "$dep" --precise "$dep_version"
    CARGO_TARGET_DIR="$tmp/target" CARGO_PROFILE_RELEASE_LTO=false \
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install -q --path . --locked "$@"
  )
  rm -rf "$tmp"
}

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  install_patched wasm-bindgen-cli "$WASM_BINDGEN_VERSION" webpki-roots 1.0.10
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  log "building cargo-leptos $CARGO_LEPTOS_VERSION (about 11 minutes, once)"
  install_patched cargo-leptos "$CARGO_LEPTOS_VERSION" cargo-util-schemas 0.14.1 --features no_downloads
fi

# Debian's wasm-opt 108 builds a wasm that never hydrates; cargo-leptos must use binaryen from npm.
if dpkg -s binaryen >/dev/null 2>&1; then
  log "removing Debian's binaryen (its wasm-opt breaks hydration)"
  as_root apt-get remove -y -qq binaryen >/dev/null
fi

npm_ci() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in ${dir#$root/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci "$root"
npm_ci "$root/end2end"

if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium for the browser tests"
  apt_install chromium
fi

log "tools ready"
