#!/usr/bin/env bash
# Builds the server and migration images from server/Dockerfile with podman, without any registry:
# a Debian base from debootstrap, a Node.js 22 base on it (node-base.Containerfile), then the project's
# Dockerfile with that base as NODE_IMAGE. Needs root, podman, runc and debootstrap (.ci/run installs
# them). Prints the image names; RENDA_IMAGE_TAG (default "ci") tags them. With RENDA_CITUS_SOURCE (the
# vendored Citus tarball) it also builds overlays/citus's database image (postgres-citus.Containerfile).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tag="${RENDA_IMAGE_TAG:-ci}"
export CONTAINERS_CONF="$here/containers.conf"

debian=localhost/renda/debian:bookworm
node_base=localhost/renda/node:22
work=$(mktemp -d /var/tmp/renda-images.XXXXXX)
trap 'rm -rf "$work"' EXIT

if ! podman image exists "$debian"; then
  debootstrap --variant=minbase bookworm "$work/rootfs" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; exit 1; }
  # Package caches and lists, documentation and translations: nothing in the images reads them.
  rm -rf "$work"/rootfs/var/cache/apt/* "$work"/rootfs/var/lib/apt/lists/* \
    "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/locale/*
  tar -C "$work/rootfs" -c . | podman import --quiet - "$debian" >/dev/null
  rm -rf "$work/rootfs"
fi

if ! podman image exists "$node_base"; then
  ctx="$work/node-base"
  mkdir -p "$ctx"
  # The Node.js 22 binary running this build (.ci/run put it on PATH) and the npm it runs with.
  cp "$(node -p process.execPath)" "$ctx/node"
  (cd "$ctx" && npm pack --silent "npm@$(npm --version)" >/dev/null && tar xzf npm-*.tgz && mv package npm && rm npm-*.tgz)
  cp /etc/ssl/certs/ca-certificates.crt "$ctx/ca-certificates.crt"
  podman build --quiet --network host -f "$here/node-base.Containerfile" -t "$node_base" "$ctx" >/dev/null
fi

# The host's npm cache lends its packages to the builds' `npm ci` (CI has just filled it): the layers are
# the same, only faster. The cache is a build-time mount and never ends up in an image.
npm_cache="$(npm config get cache)"
mkdir -p "$npm_cache"
for target in server migrate; do
  podman build --quiet --network host --volume "$npm_cache:/root/.npm" \
    --build-arg "NODE_IMAGE=$node_base" --target "$target" \
    -f "$repo/server/Dockerfile" -t "localhost/renda/$target:$tag" "$repo" >/dev/null
  echo "localhost/renda/$target:$tag"
done

# overlays/citus's database image, when the Citus source is at hand (RENDA_CITUS_SOURCE: the vendored
# citus-12.1.12.tar.gz). Its tag names what it holds, as the overlay pins it.
if [ -n "${RENDA_CITUS_SOURCE:-}" ]; then
  ctx="$work/postgres-citus"
  mkdir -p "$ctx"
  cp "$RENDA_CITUS_SOURCE" "$ctx/citus-12.1.12.tar.gz"
  podman build --quiet --network host --build-arg "DEBIAN_IMAGE=$debian" \
    -f "$here/postgres-citus.Containerfile" -t localhost/renda/postgres-citus:ci "$ctx" >/dev/null
  version=$(podman run --rm localhost/renda/postgres-citus:ci postgres --version | awk '{print $3}')
  podman tag localhost/renda/postgres-citus:ci "localhost/renda/postgres-citus:$version-citus-12.1.12"
  echo "localhost/renda/postgres-citus:$version-citus-12.1.12"
fi
