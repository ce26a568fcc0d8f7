#!/usr/bin/env bash
# Makes Citus 12.1.12 available to Debian's PostgreSQL 15 for the Citus test suite (`npm run test:citus -w
# server`). Nothing to do when citus.control is already in PostgreSQL 15's extension folder. Otherwise: the
# Debian packages the build needs (only those missing), then the vendored source built once and its files
# cached in ~/.cache/renda-citus, so a later run on a fresh PostgreSQL only copies them.
# Citus 13 does not build against PostgreSQL 15.20 and Citus main needs 16+, which Debian 12 lacks: 12.1.12.
set -euo pipefail
cd "$(dirname "$0")/.."

version=12.1.12
pg_major=15
pg_config="/usr/lib/postgresql/$pg_major/bin/pg_config"
cache="${RENDA_CITUS_CACHE:-$HOME/.cache/renda-citus}/$version-pg$pg_major"
# The vendored source, unless RENDA_CITUS_TARBALL names it: ../shared/vendor beside the checkout, beside
# the main checkout when this is a git worktree elsewhere, or beside a folder further up (a CI clone made
# inside another folder, e.g. ci/renda next to shared/).
tarball="${RENDA_CITUS_TARBALL:-}"
if [ -z "$tarball" ]; then
  main_checkout=$(cd "$(git rev-parse --git-common-dir 2>/dev/null || echo .git)/.." 2>/dev/null && pwd || pwd)
  dirs=("$(cd .. && pwd)" "$(dirname "$main_checkout")")
  up=$(cd .. && pwd)
  while [ "$up" != / ]; do
    up=$(dirname "$up")
    dirs+=("$up")
  done
  for dir in "${dirs[@]}"; do
    tarball="$dir/shared/vendor/citus-$version.tar.gz"
    [ -f "$tarball" ] && break
  done
fi

installed() { [ -x "$pg_config" ] && [ -f "$("$pg_config" --sharedir)/extension/citus.control" ]; }
# RENDA_CITUS_REBUILD=1: build again and refresh the cache and the installed files (another tarball).
if [ "${RENDA_CITUS_REBUILD:-}" = 1 ]; then
  rm -rf "$cache"
elif installed; then
  echo "citus: already installed in PostgreSQL $pg_major"
  exit 0
fi

# The build's packages, and PostgreSQL 15 itself; apt only for what is missing. No libcurl: Citus is
# configured without it (it only sends anonymous usage statistics).
packages=(postgresql-$pg_major postgresql-server-dev-$pg_major build-essential liblz4-dev libzstd-dev libkrb5-dev
  libssl-dev)
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
fi

libdir=$("$pg_config" --pkglibdir)
sharedir=$("$pg_config" --sharedir)
if [ ! -f "$cache/.complete" ]; then
  [ -f "$tarball" ] || {
    echo "citus: source $tarball not found (set RENDA_CITUS_TARBALL)" >&2
    exit 1
  }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  tar xzf "$tarball" -C "$work"
  (
    cd "$work/citus-$version"
    ./configure --without-libcurl PG_CONFIG="$pg_config" >/dev/null
    make -j"$(nproc)" >/dev/null
    # Installed into a staging root first: that tree is what the cache keeps.
    make install DESTDIR="$work/stage" >/dev/null
  )
  rm -rf "$cache.partial" && mkdir -p "$cache.partial"
  cp -a "$work/stage$libdir" "$cache.partial/lib"
  cp -a "$work/stage$sharedir/extension" "$cache.partial/extension"
  touch "$cache.partial/.complete"
  rm -rf "$cache" && mv "$cache.partial" "$cache"
fi
# Each file copied beside its place and renamed over it: a PostgreSQL running with the old citus.so keeps
# its mapping of the old file instead of reading one half-overwritten.
place() {
  (cd "$1" && find . -type f) | while read -r f; do
    mkdir -p "$2/$(dirname "$f")"
    cp -a "$1/$f" "$2/$f.renda-new" && mv -f "$2/$f.renda-new" "$2/$f"
  done
}
place "$cache/lib" "$libdir"
place "$cache/extension" "$sharedir/extension"
installed
echo "citus: $version installed into PostgreSQL $pg_major from $cache"
