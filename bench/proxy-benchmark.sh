#!/usr/bin/env bash
# The proxy's benchmark (not a test): what `hookstub proxy` adds on loopback to the four APIs' GETs against going
# straight to the upstream (a stub), side by side with nginx as a plain reverse proxy (the reference: what forwarding
# alone reaches here) and Stoplight Prism 5.16's proxy (`prism proxy SPEC UPSTREAM`) in
# front of the same stub, in one run. Builds the jar if missing, installs wrk and nginx from Debian's packages and Prism from
# the npm registry (into target/bench/proxy) on the first run, then runs bench/proxy_benchmark.py.
# Options: --duration S (per wrk run, default 10), --rounds N (default 3), --connections C (throughput, default 32),
# --warm-up S (load on each target before its rounds, default 20: the proxy's JVM compiles for about 15 s),
# --baseline-jar JAR (another build of hookstub.jar as one more proxy in the same run: before and after a change).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null || ! { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; then
  echo "installing wrk and nginx ..."
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk nginx-light
fi
[ -f hookstub-cli/target/hookstub.jar ] || mvn -B -q -DskipTests package
folder=target/bench/proxy
mkdir -p "$folder"
if [ ! -x "$folder/node_modules/.bin/prism" ]; then
  echo "installing @stoplight/prism-cli@5.16.0 into $folder ..."
  (cd "$folder" && { [ -f package.json ] || echo '{"private": true}' > package.json; } \
     && npm install --no-audit --no-fund --silent @stoplight/prism-cli@5.16.0)
fi
exec python3 bench/proxy_benchmark.py --prism "$folder/node_modules/.bin/prism" "$@"
