#!/usr/bin/env bash
# Backwise: install whatever the build and the tests need, and nothing that is
# already there. Idempotent: on a ready machine it only prints one line per check.
#
#   ./scripts/setup.sh          # run it
#   source scripts/setup.sh     # run it and keep the exported PATH
#
# Needs: rustup + cargo (the machine's Rust toolchain), node + npm, and either
# root or sudo for apt-get. Reaches only crates.io, the npm registry and Debian's
# package archive.
#
# What it ensures (each pinned; a wrong version is replaced, or fails loudly):
#   - the nightly in rust-toolchain.toml, with rust-src, rustfmt and clippy
#   - the stable toolchain $BACKWISE_STABLE_TOOLCHAIN with the wasm32 target,
#     for the plain stable release build that CI also checks
#   - the crates std depends on (build-std compiles std for wasm32; Trunk runs
#     cargo offline, so they must be in cargo's cache)
#   - trunk 0.21.14                     (cargo install --locked)
#   - wasm-bindgen-cli == the wasm-bindgen version in Cargo.lock, and the same
#     version pinned for Trunk in Trunk.toml
#   - node_modules via `npm ci`         (esbuild, binaryen's wasm-opt, playwright-core, axe-core,
#                                        lighthouse and chrome-launcher for the benchmark);
#     Trunk.toml pins the same wasm-opt version as package-lock.json
#   - Debian chromium, chromium-driver, brotli, zip (reproducible release zips),
#     and the fonts fonts-liberation and fonts-dejavu-core
#   - PATH with $HOME/.cargo/bin and node_modules/.bin (so Trunk finds wasm-opt)

BACKWISE_STABLE_TOOLCHAIN="1.95.0"
export BACKWISE_STABLE_TOOLCHAIN

backwise_setup() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1

  local TRUNK_VERSION="0.21.14"

  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
  case ":$PATH:" in *":$root/node_modules/.bin:"*) ;; *) PATH="$root/node_modules/.bin:$PATH" ;; esac
  export PATH

  _bw_say() { printf 'setup: %-28s %s\n' "$1" "$2"; }
  _bw_fail() { printf 'setup: ERROR: %s\n' "$*" >&2; return 1; }

  local s
  for s in cargo rustup node npm; do
    command -v "$s" >/dev/null 2>&1 || { _bw_fail "'$s' not found on PATH"; return 1; }
  done

  # Serialise concurrent runs (e.g. serve and test started together) so that two
  # `cargo install` of the same tool never race.
  local lockfile="$HOME/.cargo/.backwise-setup.lock"
  mkdir -p "$HOME/.cargo"
  if command -v flock >/dev/null 2>&1; then
    exec {_bw_lock_fd}>"$lockfile"
    flock "$_bw_lock_fd"
  fi

  local rc=0
  _backwise_setup_steps "$root" "$TRUNK_VERSION" || rc=$?

  if [ -n "${_bw_lock_fd:-}" ]; then
    exec {_bw_lock_fd}>&-
    unset _bw_lock_fd
  fi
  return "$rc"
}

_backwise_setup_steps() {
  local root="$1" trunk_version="$2"

  # 1. the pinned nightly (rust-toolchain.toml) and its components
  local nightly
  nightly="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$root/rust-toolchain.toml")"
  [ -n "$nightly" ] || { _bw_fail "no channel in $root/rust-toolchain.toml"; return 1; }
  local comps
  comps="$(rustup component list --installed --toolchain "$nightly" 2>/dev/null)"
  if printf '%s\n' "$comps" | grep -q '^rust-src$' \
     && printf '%s\n' "$comps" | grep -q '^rustfmt' \
     && printf '%s\n' "$comps" | grep -q '^clippy'; then
    _bw_say "toolchain $nightly" "ok"
  else
    _bw_say "toolchain $nightly" "installing"
    rustup toolchain install "$nightly" --profile minimal --component rust-src,rustfmt,clippy \
      || { _bw_fail "rustup toolchain install $nightly failed"; return 1; }
  fi

  # 1b. the stable toolchain and its wasm32 target, for the plain stable build
  if rustup target list --installed --toolchain "$BACKWISE_STABLE_TOOLCHAIN" 2>/dev/null \
       | grep -qx 'wasm32-unknown-unknown'; then
    _bw_say "toolchain $BACKWISE_STABLE_TOOLCHAIN" "ok"
  else
    _bw_say "toolchain $BACKWISE_STABLE_TOOLCHAIN" "installing"
    rustup toolchain install "$BACKWISE_STABLE_TOOLCHAIN" --profile minimal --target wasm32-unknown-unknown \
      || { _bw_fail "rustup toolchain install $BACKWISE_STABLE_TOOLCHAIN failed"; return 1; }
  fi

  # 1c. the crates that std itself depends on, for build-std
  local std_manifest
  std_manifest="$(cd "$root" && rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  if (cd "$root" && cargo fetch --offline --locked --manifest-path "$std_manifest" >/dev/null 2>&1); then
    _bw_say "std's crates (build-std)" "ok"
  else
    _bw_say "std's crates (build-std)" "fetching"
    (cd "$root" && cargo fetch --locked --manifest-path "$std_manifest") \
      || { _bw_fail "cargo fetch of std's dependencies failed"; return 1; }
  fi

  # 2. trunk
  local have
  have="$(trunk --version 2>/dev/null | awk '{print $2}')"
  if [ "$have" = "$trunk_version" ]; then
    _bw_say "trunk" "ok ($have)"
  else
    _bw_say "trunk" "installing $trunk_version (found: ${have:-none}; takes ~8 min)"
    cargo install --locked trunk --version "$trunk_version" \
      || { _bw_fail "cargo install trunk failed"; return 1; }
  fi

  # 3. wasm-bindgen-cli, same version as the wasm-bindgen crate in Cargo.lock
  local want_wb
  want_wb="$(awk '
      /^\[\[package\]\]/ { inpkg = 1; name = ""; next }
      inpkg && /^name = / { name = $3; gsub(/"/, "", name); next }
      inpkg && /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
    ' "$root/Cargo.lock" 2>/dev/null)"
  if [ -z "$want_wb" ]; then
    _bw_fail "no wasm-bindgen package in $root/Cargo.lock (run 'cargo generate-lockfile' first)"
    return 1
  fi
  local trunk_wb
  trunk_wb="$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' "$root/Trunk.toml")"
  if [ "$trunk_wb" != "$want_wb" ]; then
    _bw_fail "Trunk.toml pins wasm_bindgen = \"$trunk_wb\" but Cargo.lock has wasm-bindgen $want_wb: make them agree"
    return 1
  fi
  local have_wb have_wbr
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  have_wbr="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')"
  if [ "$have_wb" = "$want_wb" ] && [ "$have_wbr" = "$want_wb" ]; then
    _bw_say "wasm-bindgen-cli" "ok ($have_wb)"
  else
    _bw_say "wasm-bindgen-cli" "installing $want_wb (found: ${have_wb:-none})"
    # Not --locked: wasm-bindgen-cli's own lockfile pins crates that no longer build.
    cargo install --force wasm-bindgen-cli --version "$want_wb" \
      || { _bw_fail "cargo install wasm-bindgen-cli failed"; return 1; }
  fi

  # 4. npm packages (wasm-opt, playwright-core, axe-core)
  if [ ! -d "$root/node_modules" ] \
     || [ ! -f "$root/node_modules/.package-lock.json" ] \
     || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    _bw_say "node_modules" "npm ci"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) \
      || { _bw_fail "npm ci failed"; return 1; }
  else
    _bw_say "node_modules" "ok"
  fi
  local want_opt have_opt
  want_opt="$(sed -n 's/^wasm_opt *= *"\(.*\)"/\1/p' "$root/Trunk.toml")"
  have_opt="$(wasm-opt --version 2>/dev/null | awk '{print "version_" $3}')"
  if [ "$have_opt" != "$want_opt" ]; then
    _bw_fail "wasm-opt on PATH is '${have_opt:-missing}', Trunk.toml pins '$want_opt' (npm binaryen in package.json)"
    return 1
  fi

  # 5. Debian packages: browser, driver, brotli
  local missing=0 f
  for f in /usr/bin/chromium /usr/bin/chromedriver /usr/bin/brotli /usr/bin/zip; do
    [ -x "$f" ] || missing=1
  done
  # The fonts the sheet's page-count test lays out with.
  dpkg -s fonts-liberation fonts-dejavu-core >/dev/null 2>&1 || missing=1
  if [ "$missing" = 0 ]; then
    _bw_say "chromium/driver/brotli/zip" "ok"
  else
    _bw_say "chromium/driver/brotli/zip" "installing with apt-get"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null 2>&1 || { _bw_fail "not root and no sudo: install chromium chromium-driver brotli zip"; return 1; }
      sudo="sudo"
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
           chromium chromium-driver brotli zip fonts-liberation fonts-dejavu-core \
      || { _bw_fail "apt-get install failed"; return 1; }
    for f in /usr/bin/chromium /usr/bin/chromedriver /usr/bin/brotli /usr/bin/zip; do
      [ -x "$f" ] || { _bw_fail "$f still missing after apt-get install"; return 1; }
    done
  fi
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  backwise_setup || exit 1
else
  backwise_setup
fi
