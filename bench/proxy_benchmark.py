#!/usr/bin/env python3
"""What `hookstub proxy` costs on loopback: the four APIs' GETs sent straight to a stub (the upstream), through
`hookstub proxy` in front of it, through nginx as a plain reverse proxy (no validation) and through Prism 5.16's
proxy in front of the same stub, measured interleaved (direct, hookstub proxy, nginx, Prism, direct, ...) with wrk.
nginx is the reference: what any proxy in front of the stub reaches on this machine, so that the share of going
straight is read against what forwarding alone costs here. Not a test: it prints a table and writes
target/bench/proxy.md and proxy.json.

- latency: wrk -t1 -c1, one request at a time: p50 and p99, and what each proxy adds to going straight;
- throughput: wrk -t1 -c<connections>: requests per second, and each proxy's share of going straight.

Usage: bench/proxy-benchmark.sh [--duration 10] [--rounds 3] [--connections 32] [--warm-up 20]
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchmark  # noqa: E402  the stub benchmark's helpers: servers, wrk, medians

ROOT = benchmark.ROOT
OUT = benchmark.OUT
# Each API: its preset, its spec file, its mount on the stub, the GET and its credential (the stub benchmark's).
APIS = [
    ("mijnklantportaal", "specs/mijnklantportaal.yaml", "/mijnklantportaal/v1", "GET mijnklantportaal"),
    ("equalsmoney", "specs/equalsmoney.yaml", "/equalsmoney/v2", "GET equalsmoney"),
    ("partoo", "specs/partoo.yaml", "/partoo/v2", "GET partoo"),
    ("mollie", "specs/mollie.json", "/mollie", "GET mollie"),
]
TARGETS = ("direct", "hookstub proxy", "nginx proxy", "Prism proxy")


BASELINE = "hookstub proxy, baseline"


def hookstub_proxy(api, upstream, port, probe, jar=None, name="hookstub proxy"):
    """`hookstub proxy` as the README's Run command starts the stub (its JVM options), on one API; `jar`: another
    build of it than the README's, to set a change beside what it changes in the same run."""
    command = benchmark.readme_run_command()
    command = command[:command.index("serve")] + ["proxy", "--spec", api, "--upstream", upstream, "--port", str(port),
                                                   "--journal-size", "1000"]
    if jar:
        command[command.index("-jar") + 1] = os.path.abspath(jar)
    return benchmark.Server(name, command, probe, port=port)


def cpu_seconds(server):
    """User and system CPU time the server's process has spent, in seconds (Linux's /proc)."""
    with open("/proc/%d/stat" % server.process.pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def nginx_proxy(workdir, upstream_port, port, probe):
    """nginx as a plain reverse proxy: connections to the upstream kept alive, nothing judged. The paths are the
    stub's own, mounts included, so one serves every API."""
    return benchmark.nginx("nginx proxy", workdir, port, lambda prefix: """  upstream stub {
    server 127.0.0.1:%d;
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:%d;
    location / {
      proxy_pass http://stub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
    }
  }""" % (upstream_port, port), probe)


def prism_proxy(prism, spec, upstream, port, probe):
    return benchmark.Server("Prism proxy", [prism, "proxy", "-h", "127.0.0.1", "-p", str(port),
                                            os.path.join(ROOT, spec), upstream], probe, port=port)


def measure(port, path, headers, seconds, connections):
    return benchmark.wrk(port, path, headers, seconds, connections)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prism", required=True, help="the prism executable")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections for throughput (default 32)")
    parser.add_argument("--warm-up", type=int, default=20,
                        help="seconds of load on each target before its rounds (default 20): a proxy's JVM needs about "
                             "15 s of load on two cores before its compiled code is in place (successive 8-s runs gave "
                             "4.5k, 9.6k, then 18k req/s), and a warm-up of a few seconds measured its compiler")
    parser.add_argument("--baseline-jar", help="another build of hookstub.jar, measured as one more proxy in the same "
                                               "run (before and after a change, on a machine others share)")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    upstream_port, proxy_port, baseline_port, nginx_port, prism_port = (benchmark._free_port() for _ in range(5))
    targets = TARGETS[:2] + ((BASELINE,) if args.baseline_jar else ()) + TARGETS[2:]
    mkp_path, mkp_headers = benchmark.GETS["GET mijnklantportaal"]
    upstream = benchmark.Server("stub", benchmark.readme_run_command() + ["--port", str(upstream_port)],
                                (mkp_path, mkp_headers), port=upstream_port).start()
    workdir = tempfile.mkdtemp(prefix="hookstub-proxy-bench-")
    nginx = None
    results = {}
    try:
        nginx = nginx_proxy(workdir, upstream_port, nginx_port, (mkp_path, mkp_headers)).start()
        for api, spec, mount, get in APIS:
            path, headers = benchmark.GETS[get]
            below = path[len(mount):]
            base = "http://127.0.0.1:%d%s" % (upstream_port, mount)
            servers = {"hookstub proxy": hookstub_proxy(api, base, proxy_port, (path, headers)).start(),
                       "Prism proxy": prism_proxy(args.prism, spec, base, prism_port, (below, headers)).start()}
            if args.baseline_jar:
                servers[BASELINE] = hookstub_proxy(api, base, baseline_port, (path, headers), args.baseline_jar,
                                                   BASELINE).start()
            proxies = list(servers.values())
            ports = {"direct": (upstream_port, path), "hookstub proxy": (proxy_port, path),
                     BASELINE: (baseline_port, path), "nginx proxy": (nginx_port, path),
                     "Prism proxy": (prism_port, below)}
            try:
                for target in targets:  # warm-up, not recorded
                    measure(ports[target][0], ports[target][1], headers, args.warm_up, args.connections)
                runs = {t: {"latency": [], "throughput": [], "cpu_us": []} for t in targets}
                for _ in range(args.rounds):
                    for target in targets:
                        port, target_path = ports[target]
                        runs[target]["latency"].append(measure(port, target_path, headers, args.duration, 1))
                        # What a hookstub proxy spends per request at full load: CPU seconds over requests answered.
                        java = target in ("hookstub proxy", BASELINE)
                        before = cpu_seconds(servers[target]) if java else None
                        result = measure(port, target_path, headers, args.duration, args.connections)
                        runs[target]["throughput"].append(result)
                        if java and result["answered"]:
                            runs[target]["cpu_us"].append(
                                (cpu_seconds(servers[target]) - before) * 1e6 / result["answered"])
            finally:
                for server in proxies:
                    server.stop()
            results[api] = {t: {"p50": benchmark.median(r["latency"], "p50"), "p99": benchmark.median(r["latency"], "p99"),
                                "rps": benchmark.median(r["throughput"], "rps"),
                                "cpu_us": statistics.median(r["cpu_us"]) if r["cpu_us"] else None,
                                "errors": sum(x["errors"] for x in r["latency"] + r["throughput"])}
                            for t, r in runs.items()}
            benchmark.log("%-17s %s" % (api, "  ".join("%s p50 %.2fms p99 %.2fms %.0f/s" % (
                t, v["p50"] or -1, v["p99"] or -1, v["rps"]) for t, v in results[api].items())))
    finally:
        if nginx:
            nginx.stop()
        upstream.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    report = render(results, args)
    print(report)
    with open(os.path.join(OUT, "proxy.md"), "w") as f:
        f.write(report)
    with open(os.path.join(OUT, "proxy.json"), "w") as f:
        json.dump({"results": results, "duration": args.duration, "rounds": args.rounds,
                   "connections": args.connections, "baseline_jar": args.baseline_jar}, f, indent=2)


def added(value, direct):
    return "%.2f (%+.2f)" % (value, value - direct) if value is not None and direct is not None else "n/a"


def ratio(value, direct):
    return "%.0f (%.2f×)" % (value, value / direct) if value and direct else "n/a"


def render(results, args):
    proxies = [t for t in next(iter(results.values())) if t != "direct"]
    lines = ["| API | direct p50 / p99 (ms) | " + " | ".join("%s p50 (+added) | p99 (+added)" % t for t in proxies)
             + " | direct req/s | " + " | ".join("%s req/s (× direct)" % t for t in proxies) + " |",
             "|---|---:|" + "---:|---:|" * len(proxies) + "---:|" + "---:|" * len(proxies)]
    for api, by in results.items():
        d = by["direct"]
        lines.append("| %s | %.2f / %.2f | %s | %.0f | %s |" % (
            api, d["p50"] or -1, d["p99"] or -1,
            " | ".join("%s | %s" % (added(by[t]["p50"], d["p50"]), added(by[t]["p99"], d["p99"])) for t in proxies),
            d["rps"], " | ".join(ratio(by[t]["rps"], d["rps"]) for t in proxies)))
    java = [t for t in proxies if t in ("hookstub proxy", BASELINE)]
    lines += ["", "CPU per request at %d connections (user + system, µs): " % args.connections + "; ".join(
        "%s %s" % (api, ", ".join("%s %.0f" % (t, by[t]["cpu_us"]) for t in java if by[t]["cpu_us"]))
        for api, by in results.items()) + "."]
    if args.baseline_jar:
        lines.append("%s: the same proxy from %s, in the same run." % (BASELINE, args.baseline_jar))
    errors = {api: {t: v["errors"] for t, v in by.items() if v["errors"]} for api, by in results.items()}
    errors = {k: v for k, v in errors.items() if v}
    lines += ["", "Latency: wrk -t1 -c1 (one request at a time); throughput: wrk -t1 -c%d; %d s per run after %d s of "
              "load on each target, median of %d interleaved rounds (%s), loopback, %s. nginx (one worker, connections "
              "to the upstream kept alive) only forwards: what any proxy reaches here. Prism 5.16's proxy validates "
              "requests and answers as hookstub's does (its `sl-violations` header). Every proxy forwards to the "
              "same stub (`java @hookstub.args -jar hookstub.jar`), hookstub's with the stub's JVM options, Prism "
              "with Node's defaults."
              % (args.connections, args.duration, args.warm_up, args.rounds, ", ".join(next(iter(results.values()))),
                 machine()),
              "Errors (non-2xx or socket errors): %s." % (errors if errors else "none")]
    return "\n".join(lines) + "\n"


def machine():
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    return "%d cores, load average %.1f when it ended" % (cores, load)


if __name__ == "__main__":
    main()
