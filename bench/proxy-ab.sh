#!/bin/bash
# This build's proxy beside another build's, alone: both in front of one stub, each API's GET, interleaved rounds,
# requests per second and CPU time per request of each proxy (from /proc/PID/stat over wrk's count). Finer than the
# proxy benchmark's two rounds for telling two builds apart on a noisy machine.
#   bash bench/proxy-ab.sh BASELINE_JAR [rounds] [seconds]
# Needs wrk (Debian's package) and this build's jar (mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=${1:?usage: bench/proxy-ab.sh BASELINE_JAR [rounds] [seconds]}; rounds=${2:-3}; secs=${3:-5}
jar=hookstub-cli/target/hookstub.jar
declare -A MOUNT=([mijnklantportaal]=/mijnklantportaal/v1 [equalsmoney]=/equalsmoney/v2 [partoo]=/partoo/v2 [mollie]=/mollie)
declare -A PATHS=([mijnklantportaal]=/webhooks/wbh_abc12345def678 [equalsmoney]=/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c
                  [partoo]=/webhooks/1 [mollie]="/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true")
declare -A HEADER=([mijnklantportaal]="Authorization: Bearer mkp_test_key" [equalsmoney]="Authorization: equals_test_key"
                   [partoo]="x-APIKey: partoo_test_key" [mollie]="Authorization: Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM")
out=$(mktemp)
java @hookstub.args -jar $jar serve --port 9501 >/dev/null 2>&1 & upstream=$!
pids=()
trap 'kill $upstream "${pids[@]}" 2>/dev/null' EXIT
sleep 4
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
for api in mijnklantportaal equalsmoney partoo mollie; do
  url="http://127.0.0.1:9501${MOUNT[$api]}"
  java @hookstub.args -jar "$baseline" proxy --spec $api --upstream $url --port 9502 --journal-size 1000 >/dev/null 2>&1 & base=$!
  java @hookstub.args -jar $jar proxy --spec $api --upstream $url --port 9503 --journal-size 1000 >/dev/null 2>&1 & this=$!
  pids=($base $this); sleep 5
  for port in 9502 9503; do   # the JIT needs ~15 s of load
    wrk -t1 -c32 -d20s -H "${HEADER[$api]}" "http://127.0.0.1:$port${MOUNT[$api]}${PATHS[$api]}" >/dev/null
  done
  for round in $(seq "$rounds"); do
    for port in 9502 9503; do
      pid=$([ $port = 9502 ] && echo $base || echo $this); t0=$(ticks $pid)
      wrk -t1 -c32 -d${secs}s -H "${HEADER[$api]}" "http://127.0.0.1:$port${MOUNT[$api]}${PATHS[$api]}" > /tmp/proxy-ab.wrk
      n=$(awk '/requests in/{print $1}' /tmp/proxy-ab.wrk)
      echo "$api $port $(awk '/Requests\/sec/{print $2}' /tmp/proxy-ab.wrk) $(( ($(ticks $pid) - t0) * 10000000 / n ))" >> "$out"
    done
  done
  kill $base $this; wait $base $this 2>/dev/null || true; pids=()
done
python3 - "$out" <<'PY'
import collections, statistics, sys
rate = collections.defaultdict(list); cpu = collections.defaultdict(list)
for line in open(sys.argv[1]):
    api, port, rps, nanos = line.split()
    rate[(api, port)].append(float(rps)); cpu[(api, port)].append(float(nanos) / 1000)
print("| API | baseline req/s | this req/s | this ÷ baseline | baseline CPU µs/req | this CPU µs/req |")
print("|---|---:|---:|---:|---:|---:|")
for api in ["mijnklantportaal", "equalsmoney", "partoo", "mollie"]:
    b, t = statistics.median(rate[(api, "9502")]), statistics.median(rate[(api, "9503")])
    cb, ct = statistics.median(cpu[(api, "9502")]), statistics.median(cpu[(api, "9503")])
    print(f"| {api} | {b:.0f} | {t:.0f} | {t / b:.2f} | {cb:.1f} | {ct:.1f} |")
PY
