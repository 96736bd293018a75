#!/bin/bash
# Where a proxied request's CPU goes, on one API's GET: CPU time per request of the load generator (wrk), the
# upstream stub and the proxy, from /proc/PID/stat over wrk's request count, going straight and through the proxy.
# It shows why the proxy's throughput is the share of direct it is on a machine whose cores all three share.
#   bash bench/proxy-cpu.sh [mijnklantportaal|equalsmoney|partoo|mollie] [seconds]
# Needs wrk (Debian's package) and the built jar (mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
api=${1:-mijnklantportaal}; secs=${2:-10}
case $api in
  mijnklantportaal) mount=/mijnklantportaal/v1; path=/webhooks/wbh_abc12345def678; header="Authorization: Bearer mkp_test_key";;
  equalsmoney) mount=/equalsmoney/v2; path=/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c; header="Authorization: equals_test_key";;
  partoo) mount=/partoo/v2; path=/webhooks/1; header="x-APIKey: partoo_test_key";;
  mollie) mount=/mollie; path="/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true"; header="Authorization: Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";;
  *) echo "unknown API $api" >&2; exit 2;;
esac
jar=hookstub-cli/target/hookstub.jar
java @hookstub.args -jar $jar serve --port 9401 >/dev/null 2>&1 & upstream=$!
java @hookstub.args -jar $jar proxy --spec $api --upstream http://127.0.0.1:9401$mount --port 9402 \
    --journal-size 1000 >/dev/null 2>&1 & proxy=$!
trap 'kill $upstream $proxy 2>/dev/null' EXIT
sleep 5
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
measure() {  # label port pids...
  local label=$1 port=$2; shift 2
  wrk -t1 -c32 -d20s -H "$header" "http://127.0.0.1:$port$mount$path" >/dev/null   # warm-up: the JIT needs ~15 s
  declare -A before; for pid in "$@"; do before[$pid]=$(ticks $pid); done
  wrk -t1 -c32 -d${secs}s -H "$header" "http://127.0.0.1:$port$mount$path" > /tmp/proxy-cpu.wrk & local load=$!
  sleep 0.3; local generator; generator=$(pgrep -n -x wrk); local g0; g0=$(ticks "$generator")
  sleep $((secs - 1)); local g1; g1=$(ticks "$generator"); wait $load
  local n; n=$(awk '/requests in/{print $1}' /tmp/proxy-cpu.wrk)
  local line="$label: $(awk '/Requests\/sec/{print $2}' /tmp/proxy-cpu.wrk) req/s; CPU per request: wrk ~$(( (g1 - g0) * 10000 * secs / (secs - 1) / n )) µs"
  local names=(upstream proxy); local i=0
  for pid in "$@"; do line="$line, ${names[$i]} $(( ($(ticks $pid) - ${before[$pid]}) * 10000 / n )) µs"; i=$((i + 1)); done
  echo "$line"
}
measure "direct" 9401 $upstream
measure "through the proxy" 9402 $upstream $proxy
