#!/usr/bin/env bash
# Writes the 3DS rationale-learning benchmark (one held-out setting) to disk in shards, then reads it back
# and checks every sequence with the verifier.
#   data-scripts/avr/write-3ds.sh OUT_DIR [setting] [train] [validation] [test] [imageSize] [shardSize] [seed]
# Defaults are the thesis' sizes (100k / 10k / 50k, 64x64). Example, small: write-3ds.sh /tmp/3ds 0 2000 200 500 16 1000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f lib/target/classpath.txt ]]; then
  mvn -q -B -o -pl lib package -DskipTests
fi
cp="lib/target/classes:$(cat lib/target/classpath.txt)"
java -cp "$cp" org.thesislab.avr.AvrShards "$@"
