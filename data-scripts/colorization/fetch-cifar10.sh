#!/usr/bin/env bash
# Fetches CIFAR-10 (binary version) for the colorization chapter and prints the folder to use as
# THESISLAB_CIFAR10. Needs internet (the build machine has none: the chapter's default data are the
# procedural scenes). Usage:
#   data-scripts/colorization/fetch-cifar10.sh [DEST]                 download (data-scripts/fetch), verify MD5, extract
#   data-scripts/colorization/fetch-cifar10.sh --from-archive FILE [DEST]  extract a local copy
set -euo pipefail

MD5="c32a1d4ab5d03f1284b67883e8d87530"   # published on https://www.cs.toronto.edu/~kriz/cifar.html

archive=""
if [ "${1:-}" = "--from-archive" ]; then
  archive="${2:?--from-archive needs a file}"
  shift 2
fi
dest="${1:-${HOME}/.thesislab/data/cifar10}"
mkdir -p "$dest"

if [ -z "$archive" ]; then
  # resumable, SHA-256 pinned on first download, extracted without path escapes
  "$(dirname "${BASH_SOURCE[0]}")/../fetch" cifar10 "$dest" >&2 || { echo "error: download failed (no internet?)" >&2; exit 1; }
  archive="$dest/cifar-10-binary.tar.gz"
  got=$(md5sum "$archive" | cut -d' ' -f1)
  if [ "$got" != "$MD5" ]; then
    echo "error: $archive has MD5 $got, expected $MD5; delete $dest and run again" >&2
    exit 1
  fi
else
  [ -f "$archive" ] || { echo "error: no archive at $archive" >&2; exit 1; }
  tar -xzf "$archive" -C "$dest"
fi
dir="$dest/cifar-10-batches-bin"
for f in data_batch_1.bin test_batch.bin; do
  [ -f "$dir/$f" ] || { echo "error: $dir/$f missing after extraction: not the CIFAR-10 binary archive?" >&2; exit 1; }
done
echo "$dir"
