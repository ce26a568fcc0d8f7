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
# The vendored source: beside the checkout (../shared/vendor), unless RENDA_CITUS_TARBALL names it.
tarball="${RENDA_CITUS_TARBALL:-$(cd .. && pwd)/shared/vendor/citus-$version.tar.gz}"

installed() { [ -x "$pg_config" ] && [ -f "$("$pg_config" --sharedir)/extension/citus.control" ]; }
if installed; then
  echo "citus: already installed in PostgreSQL $pg_major"
  exit 0
fi

# The build's packages, and PostgreSQL 15 itself; apt only for what is missing.
packages=(postgresql-$pg_major postgresql-server-dev-$pg_major build-essential liblz4-dev libzstd-dev libkrb5-dev
  libssl-dev libcurl4-openssl-dev)
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
cp -a "$cache/lib/." "$libdir/"
cp -a "$cache/extension/." "$sharedir/extension/"
installed
echo "citus: $version installed into PostgreSQL $pg_major from $cache"
