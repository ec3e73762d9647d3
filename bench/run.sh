#!/usr/bin/env bash
# The benchmark: one command, on this machine. Not part of CI nor of the test command.
#   bench/run.sh --quick    a few minutes
#   bench/run.sh            the full run (its report is committed under bench/results/)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "installing wrk (the HTTP load generator)"; apt-get install -y -q wrk >/dev/null 2>&1 || sudo apt-get install -y -q wrk; }
mvn -B -ntp -q -Pbench -DskipTests package
# The harness holds the 500k-event drain backlogs (events and their encoded bytes) next to the
# baselines' payloads: at 1 GiB it once ran out of heap while producing a backlog, and at 2 GiB,
# 1.9 GiB of it live, its collections paused it for 100-900 ms during the raw runs and the drains
# (both cores each time), so the load generator slowed what it measured. 4 GiB leaves it room.
exec java -Xms4g -Xmx4g -Djava.awt.headless=true \
  -Dlogback.configurationFile=local-stack/launcher/src/main/resources/logback-local-stack.xml \
  -cp "bench/harness/target/classes:$(cat bench/harness/target/harness.classpath)" \
  io.trackstream.bench.BenchMain "$@"
