#!/usr/bin/env python3
"""hookstub memory benchmark: the stub's resident memory with many records, and its create p99 beside WireMock's.

The stub is started exactly as the README's Run command starts it (the command is read from README.md, section
"Run"), on a free port. Three scenarios, each on a fresh stub:
  (a) a burst of --small creates (MijnKlantportaal, over --connections keep-alive connections from two client
      processes, every answer accounted for), then a read of every created record: resident memory (VmRSS) and its
      peak (VmHWM) after each;
  (b) --large creates: resident memory and peak after;
  (c) create p99 of the stub and of WireMock's static stub, interleaved rounds as bench/benchmark.py runs them.
Each checks that the stub stores exactly one record per 201 it answered (the records alive in its heap, from
`jcmd GC.class_histogram`, less the fixture;
in (a) also a 200 for every id a 201 gave; in (c) wrk's count of 2xx answers).

Usage: bench/run-benchmark.sh --only-memory [--small 100000] [--large 1000000] [--scenarios abc] [--jvm "FLAGS"]
--jvm adds JVM flags to the README's command, to compare candidates; the report names them. Writes
target/bench/memory.md and target/bench/memory.json. Not a test: it prints figures.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchmark as bm  # noqa: E402  (the same servers, ports, wrk runs and WireMock mappings)

README = os.path.join(bm.ROOT, "README.md")
FIXTURE_RECORDS = 1  # MijnKlantportaal starts with its spec's example record


def readme_run_command():
    """The java command of the README's Run section, as a list (bench/benchmark.py reads it)."""
    return bm.readme_run_command()


def stub(jvm_flags, nmt=False):
    command = readme_run_command()
    flags = list(jvm_flags) + (["-XX:NativeMemoryTracking=summary"] if nmt else [])
    command = command[:1] + flags + command[1:] + ["--port", str(bm.PORTS["stub"])]
    return bm.Server("stub", command, bm.GETS["GET mijnklantportaal"])


def memory(server):
    """VmRSS and VmHWM of the server's process, in MB."""
    with open("/proc/%d/status" % server.process.pid) as f:
        status = f.read()
    kb = lambda key: int(re.search(r"^%s:\s+(\d+) kB" % key, status, re.M).group(1))
    return {"rss_mb": kb("VmRSS") / 1024, "hwm_mb": kb("VmHWM") / 1024}


def jcmd(server, *command):
    tool = shutil.which("jcmd") or os.path.join(os.path.dirname(os.path.realpath(shutil.which("java"))), "jcmd")
    return subprocess.run([tool, str(server.process.pid)] + list(command), capture_output=True, text=True).stdout


def heap(server):
    """Committed and used heap now, then used after a full GC (the live data), in MB; any collector's layout."""
    def sizes():
        generations = re.findall(r"total (\d+)K, used (\d+)K", jcmd(server, "GC.heap_info"))
        return [sum(int(g[i]) for g in generations) / 1024 for i in (0, 1)]
    committed, used = sizes()
    jcmd(server, "GC.run")
    return {"heap_committed_mb": committed, "heap_used_mb": used, "heap_live_mb": sizes()[1]}


def stored_records(server):
    """MijnKlantportaal records alive in the stub's heap after a full GC: exactly what its in-memory store holds.
    (Not the admin API's list: an answer of a million records is cut off before its end, measured 2026-12-01.)"""
    histogram = jcmd(server, "GC.class_histogram")
    match = re.search(r"^\s*\d+:\s+(\d+)\s+\d+\s+dev\.hookstub\.server\.mijnklantportaal\.MijnklantportaalWebhookRecord\b",
                      histogram, re.M)
    return int(match.group(1)) if match else 0


def _client_share(job):
    """One client process's share of a scenario: threads over keep-alive connections, every answer accounted."""
    port, method, paths, body, headers, threads = job
    lock, answers, cursor = threading.Lock(), {"ok": 0, "refused": 0, "unknown": 0, "ids": []}, iter(paths)

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                path = next(cursor, None)
            if path is None:
                break
            try:
                connection.request(method, path, body, dict(headers, Host=bm.HOST))
                response = connection.getresponse()
                data = response.read()
                status = response.status
            except OSError:
                # Sent, but no answer: whether the server kept it is unknown, and reported as such.
                status, data = None, b""
                connection.close()
            with lock:
                if status in (200, 201):
                    answers["ok"] += 1
                    if status == 201:
                        answers["ids"].append(json.loads(data)["id"])
                else:
                    answers["refused" if status else "unknown"] += 1

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return answers


def clients(server, method, paths, body, headers, connections):
    """Sends one request per path over CONNECTIONS keep-alive connections, from two client processes."""
    processes = 2
    shares = [(server.port, method, paths[i::processes], body, headers, connections // processes)
              for i in range(processes)]
    started = time.monotonic()
    with multiprocessing.Pool(processes) as pool:
        answers = pool.map(_client_share, shares)
    seconds = time.monotonic() - started
    total = {k: sum(a[k] for a in answers) for k in ("ok", "refused", "unknown")}
    total["ids"] = [i for a in answers for i in a["ids"]]
    return total, seconds


def create_burst(server, count, connections):
    answers, seconds = clients(server, "POST", [bm.CREATE[0]] * count, bm.CREATE_BODY.encode(), bm.CREATE[1],
                               connections)
    distinct = len(set(answers["ids"]))
    bm.log("  %d creates in %.1f s (%.0f/s): %d answered 201 (%d distinct ids), %d refused, %d unanswered" % (
        count, seconds, count / seconds, answers["ok"], distinct, answers["refused"], answers["unknown"]))
    return {"creates": count, "created": answers["ok"], "distinct_ids": distinct, "refused": answers["refused"],
            "unanswered": answers["unknown"], "seconds": seconds}, answers["ids"]


def read_every(server, ids, connections):
    answers, seconds = clients(server, "GET", [bm.CREATE[0] + "/" + i for i in ids], None,
                               {"Authorization": bm.MKP_AUTH}, connections)
    bm.log("  read every created record in %.1f s: %d found, %d not" % (
        seconds, answers["ok"], answers["refused"] + answers["unknown"]))
    return {"found": answers["ok"], "missing": answers["refused"] + answers["unknown"], "seconds": seconds}


def checked(server, result):
    """The store holds exactly the records answered with a 201, plus the fixture."""
    stored = stored_records(server) - FIXTURE_RECORDS
    result["stored"] = stored
    result["every_201_stored"] = stored == result["created"] == result["distinct_ids"] and not result.get("unanswered")
    if "reads" in result:
        result["every_201_stored"] &= result["reads"]["found"] == result["created"]
    bm.log("  records stored: %d, 201s: %d: %s" % (stored, result["created"],
                                                   "equal" if result["every_201_stored"] else "NOT EQUAL"))
    return result


def scenario_burst(args, count, read):
    server = stub(args.jvm, args.nmt)
    try:
        server.start()
        result = {"startup_ms": server.startup_ms, "at_start": memory(server)}
        burst, ids = create_burst(server, count, args.connections)
        result.update(burst)
        result["after_creates"] = memory(server)
        bm.log("  after the creates: %(rss_mb).0f MB resident, peak %(hwm_mb).0f MB" % result["after_creates"])
        if read:
            result["reads"] = read_every(server, ids, args.connections)
            result["after_reads"] = memory(server)
            bm.log("  after the reads: %(rss_mb).0f MB resident, peak %(hwm_mb).0f MB" % result["after_reads"])
        if args.nmt:
            result["native_memory"] = jcmd(server, "VM.native_memory", "summary")
        result.update(heap(server))
        checked(server, result)
    finally:
        server.stop()
    return result


def scenario_p99(args, workdir):
    """The benchmark's create scenario: warm-up, then interleaved rounds, stub and WireMock on their own ports."""
    wiremock_root = bm.capture(workdir)[0]
    script = bm.write_scripts(workdir)["POST create"]
    servers = []
    answered = 0
    try:
        for server in (stub(args.jvm), bm.wiremock_server(wiremock_root)):
            servers.append(server)
            server.start()
        runs = {s.name: [] for s in servers}
        for server in servers:
            warm = bm.wrk(server.port, bm.CREATE[0], {}, max(2, args.duration // 2), args.connections, script)
            answered += warm["answered"] if server.name == "stub" else 0
        for _ in range(args.rounds):
            for server in servers:
                run = bm.wrk(server.port, bm.CREATE[0], {}, args.duration, args.connections, script)
                runs[server.name].append(run)
                answered += run["answered"] if server.name == "stub" else 0
        result = {name: {m: bm.median(r, m) for m in ("rps", "p50", "p99", "errors")} for name, r in runs.items()}
        result["stub"]["after"] = memory(servers[0])
        # A timed wrk run ends with up to one request per connection in flight: answered, and kept, after wrk
        # stopped counting. So the store may hold that many more than wrk saw, never fewer.
        stub_result = result["stub"]
        stub_result["created"], stub_result["runs"] = answered, 1 + args.rounds
        stub_result["stored"] = stored_records(servers[0]) - FIXTURE_RECORDS
        in_flight = stub_result["stored"] - answered
        stub_result["every_201_stored"] = 0 <= in_flight <= args.connections * stub_result["runs"]
        bm.log("  records stored: %d, 201s counted by wrk: %d (%d answered after wrk stopped counting)" % (
            stub_result["stored"], answered, in_flight))
    finally:
        for server in servers:
            server.stop()
    bm.log("  create p99: stub %.2f ms, WireMock %.2f ms" % (result["stub"]["p99"], result["wiremock"]["p99"]))
    return result


def render(results, args):
    mb = lambda m: "%.0f / %.0f" % (m["rss_mb"], m["hwm_mb"])
    command = " ".join(readme_run_command()[:1] + args.jvm + readme_run_command()[1:])
    lines = ["# hookstub memory", "", "%s, loopback, %d connections; the stub started as `%s`." % (
        time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), args.connections, command), ""]
    for key, label in (("a", "burst of %d creates, then a read of each" % args.small),
                       ("b", "%d creates" % args.large)):
        r = results.get(key)
        if not r:
            continue
        lines += ["## (%s) %s" % (key, label), "", "| measure | value |", "|---|---:|",
                  "| start-up to the first answer (ms) | %.0f |" % r["startup_ms"],
                  "| resident / peak at start (MB) | %s |" % mb(r["at_start"]),
                  "| creates per second | %.0f |" % (r["creates"] / r["seconds"]),
                  "| resident / peak after the creates (MB) | %s |" % mb(r["after_creates"])]
        if "after_reads" in r:
            lines.append("| resident / peak after reading each record (MB) | %s |" % mb(r["after_reads"]))
        lines += ["| heap committed / used / live after a full GC (MB) | %.0f / %.0f / %.0f |" % (
                      r["heap_committed_mb"], r["heap_used_mb"], r["heap_live_mb"] or -1),
                  "| live heap per record (bytes) | %.0f |" % ((r["heap_live_mb"] or 0) * 1048576 / max(1, r["stored"])),
                  "| 201s / records stored / refused | %d / %d / %d |" % (r["created"], r["stored"], r["refused"]),
                  "| every 201 stored | %s |" % ("yes" if r["every_201_stored"] else "**NO**"), ""]
        if "native_memory" in r:
            lines += ["```", r["native_memory"].strip(), "```", ""]
    p = results.get("c")
    if p:
        s, w = p["stub"], p["wiremock"]
        lines += ["## (c) create, wrk -d%ds, median of %d interleaved rounds" % (args.duration, args.rounds), "",
                  "| server | req/s | p50 (ms) | p99 (ms) | errors |", "|---|---:|---:|---:|---:|"]
        lines += ["| %s | %.0f | %.2f | %.2f | %d |" % (n, x["rps"], x["p50"], x["p99"], x["errors"])
                  for n, x in (("stub", s), ("WireMock", w))]
        lines += ["", "Stub p99 ÷ WireMock p99: %.2f. After the rounds the stub holds %d records, resident %s MB "
                      "(now / peak); wrk counted %d 201s, the rest (%d, at most one per connection and run) were "
                      "answered after it stopped counting; every 201 stored: %s." % (
                      s["p99"] / w["p99"], s["stored"], mb(s["after"]), s["created"], s["stored"] - s["created"],
                      "yes" if s["every_201_stored"] else "**NO**"), ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only-memory", action="store_true", help=argparse.SUPPRESS)  # the wrapper's flag
    parser.add_argument("--small", type=int, default=100_000, help="creates of scenario (a)")
    parser.add_argument("--large", type=int, default=1_000_000, help="creates of scenario (b)")
    parser.add_argument("--scenarios", default="abc", help="which of a, b, c to run (default abc)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk round of (c)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of (c)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections")
    parser.add_argument("--jvm", type=shlex.split, default=[], help="extra JVM flags, to compare candidates")
    parser.add_argument("--nmt", action="store_true", help="native memory tracking summary after (a) and (b)")
    parser.add_argument("--out", default="memory", help="report name under target/bench (default memory)")
    args = parser.parse_args()
    os.chdir(bm.ROOT)  # the README's command names its files relative to the project
    os.makedirs(bm.OUT, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="hookstub-memory-")
    results = {}
    try:
        if "a" in args.scenarios:
            bm.log("(a) %d creates, then reads" % args.small)
            results["a"] = scenario_burst(args, args.small, read=True)
        if "b" in args.scenarios:
            bm.log("(b) %d creates" % args.large)
            results["b"] = scenario_burst(args, args.large, read=False)
        if "c" in args.scenarios:
            bm.log("(c) create p99, stub and WireMock")
            results["c"] = scenario_p99(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = render(results, args)
    print(report)
    with open(os.path.join(bm.OUT, args.out + ".md"), "w") as f:
        f.write(report)
    with open(os.path.join(bm.OUT, args.out + ".json"), "w") as f:
        json.dump({"results": results, "args": vars(args)}, f, indent=2)
    if not all(r.get("every_201_stored", r.get("stub", {}).get("every_201_stored")) for r in results.values()):
        sys.exit("the stub did not store every record it answered with a 201")


if __name__ == "__main__":
    main()
