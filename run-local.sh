#!/usr/bin/env bash
# Runs the whole suite locally: builds it (tests skipped), then starts a real Kafka and Cassandra
# (from their Maven Central jars, as child JVMs), prepares topics and schema, and starts every
# built service of local-stack/services.conf. Ctrl-C stops everything, services first.
#   ./run-local.sh            keep data across runs in .trackstream/
#   ./run-local.sh --fresh    start from empty data
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q -DskipTests package
exec java -Xmx256m -Dlogback.configurationFile=local-stack/launcher/src/main/resources/logback-local-stack.xml \
  -cp "local-stack/launcher/target/classes:$(cat local-stack/launcher/target/launcher.classpath)" \
  io.trackstream.stack.LocalStackMain "$@"
