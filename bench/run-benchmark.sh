#!/usr/bin/env bash
# The benchmark (not a test): builds the stub if needed, installs wrk and nginx from Debian's packages if missing, fetches
# WireMock standalone from Maven Central, then runs bench/benchmark.py. Options: --duration S --rounds N --connections C,
# --only-journal, --only-stores (the stores also need PostgreSQL, which benchmark.py installs when missing);
# --only-memory (bench/memory.py); --only-main (the main table and start-up only); --baseline DIR (another checkout,
# its jar built, measured in the same interleaved rounds: before and after a change in one run).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null || ! { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; then
  echo "installing wrk and nginx ..."
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk nginx-light
fi
[ -f hookstub-cli/target/hookstub.jar ] || mvn -B -q -DskipTests package
mkdir -p target/bench
if [ ! -f target/bench/wiremock-standalone.jar ]; then
  mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/bench \
      -Dmdep.stripVersion=true
fi
# --only-memory: resident memory with many records and create p99 beside WireMock's (bench/memory.py, its options).
for arg in "$@"; do [ "$arg" = --only-memory ] && exec python3 bench/memory.py "$@"; done
exec python3 bench/benchmark.py "$@"
