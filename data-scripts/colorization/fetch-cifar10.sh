#!/usr/bin/env bash
# Fetches CIFAR-10 (binary version) for the colorization chapter and prints the folder to use as
# THESISLAB_CIFAR10. Needs internet (the build machine has none: the chapter's default data are the
# procedural scenes). Usage:
#   data-scripts/colorization/fetch-cifar10.sh [DEST]                 download, verify MD5, extract
#   data-scripts/colorization/fetch-cifar10.sh --from-archive FILE [DEST]  extract a local copy
set -euo pipefail

URL="https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
MD5="c32a1d4ab5d03f1284b67883e8d87530"   # published on https://www.cs.toronto.edu/~kriz/cifar.html

archive=""
if [ "${1:-}" = "--from-archive" ]; then
  archive="${2:?--from-archive needs a file}"
  shift 2
fi
dest="${1:-${HOME}/.thesislab/data/cifar10}"
mkdir -p "$dest"

if [ -z "$archive" ]; then
  archive="$dest/cifar-10-binary.tar.gz"
  if [ ! -f "$archive" ]; then
    echo "downloading $URL" >&2
    curl -fL --retry 3 -o "$archive.part" "$URL" || { echo "error: download failed (no internet?)" >&2; exit 1; }
    mv "$archive.part" "$archive"
  fi
  got=$(md5sum "$archive" | cut -d' ' -f1)
  if [ "$got" != "$MD5" ]; then
    echo "error: $archive has MD5 $got, expected $MD5; delete it and run again" >&2
    exit 1
  fi
fi

[ -f "$archive" ] || { echo "error: no archive at $archive" >&2; exit 1; }
tar -xzf "$archive" -C "$dest"
dir="$dest/cifar-10-batches-bin"
for f in data_batch_1.bin test_batch.bin; do
  [ -f "$dir/$f" ] || { echo "error: $dir/$f missing after extraction: not the CIFAR-10 binary archive?" >&2; exit 1; }
done
echo "$dir"
