#!/usr/bin/env bash
# Writes a rationale-learning benchmark (one held-out setting) to disk in shards (8-bit images, labels,
# abstract values, distractor flags, a CSV of each sequence's rationale, manifest.json), then reads every
# shard back and checks each sequence with the verifier.
#   data-scripts/avr/write-benchmark.sh 3ds|raven|raven-distractors OUT_DIR [setting] [train] [validation] [test] [imageSize] [shardSize] [seed]
# Defaults are the thesis' sizes (100k / 10k / 50k) at 64x64. Small example:
#   data-scripts/avr/write-benchmark.sh 3ds /tmp/3ds 0 2000 200 500 16 1000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source environment/cpu-pins.sh
if [[ ! -f lib/target/classpath.txt || ! -d lib/target/classes/org/thesislab/avr ]]; then
  mvn -q -B -o -pl lib package -DskipTests
fi
java -cp "lib/target/classes:$(cat lib/target/classpath.txt)" org.thesislab.avr.AvrShards "$@"
