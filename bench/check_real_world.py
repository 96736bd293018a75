"""Runs `hookstub check` against a Prism mock of a real document and prints what the issue asks to measure.

Prism validates every request it mocks and logs, per request, whether it passed its validation rules. The engine
sends one request at a time, so Prism's log and the engine's --exchange-log line up one to one: a request the engine
called valid (an example, a generated request, a read-back) that Prism's validator refused is counted, with Prism's
reason. Run through bench/check-real-world.sh, which installs Prism and the document.
"""
import argparse
import collections
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

VALID_KINDS = {"example", "generated", "read_back", "delete", "after_delete", "other_tenant"}
RECEIVED = re.compile(r"\[HTTP SERVER\] (\w+) (\S+) .*Request received")
REFUSED = "Request did not pass the validation rules"
VIOLATION = re.compile(r"\[VALIDATOR\] ✖\s+error\s+(?!Violation:)(.*)$")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_prism(folder, document, log_path):
    port = free_port()
    log = open(log_path, "w")
    prism = subprocess.Popen([os.path.join(folder, "node_modules", ".bin", "prism"), "mock", "-p", str(port),
                              document], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        with open(log_path) as text:
            if "Prism is listening" in text.read():
                return prism, port
        if prism.poll() is not None:
            sys.exit("prism exited while loading %s; see %s" % (document, log_path))
        time.sleep(0.5)
    prism.kill()
    sys.exit("prism did not start within 120 s; see %s" % log_path)


def prism_requests(log_path):
    """Per request Prism received, in order: (method, path, refused, reasons)."""
    requests = []
    with open(log_path, errors="replace") as text:
        for line in text:
            received = RECEIVED.search(line)
            if received:
                requests.append([received.group(1).upper(), received.group(2), False, []])
            elif requests and REFUSED in line:
                requests[-1][2] = True
            elif requests:
                violation = VIOLATION.search(line)
                if violation:
                    requests[-1][3].append(violation.group(1).strip())
    return requests


def path_of(url):
    without_host = re.sub(r"^[a-z]+://[^/]+", "", url)
    return without_host.split("?", 1)[0]


def aligned(exchanges, received):
    """Pairs each exchange with the request Prism logged for it, in order; None where Prism logged none."""
    j = 0
    for exchange in exchanges:
        key = (exchange["method"], path_of(exchange["url"]))
        match = None
        for look in range(j, min(j + 5, len(received))):
            if (received[look][0], path_of(received[look][1])) == key:
                match = look
                break
        if match is None:
            yield exchange, None
            continue
        j = match + 1
        yield exchange, received[match]


def peak_rss_mb(time_output):
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_output)
    return int(match.group(1)) / 1024 if match else float("nan")


def normalized(reason):
    reason = re.sub(r"'[^']*'|\"[^\"]*\"", "<value>", reason)
    reason = re.sub(r"(parameter|property) \S+", r"\1 <name>", reason)
    return re.sub(r"\d+", "<n>", reason)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", required=True)
    parser.add_argument("--jar", default="hookstub-cli/target/hookstub.jar")
    parser.add_argument("--document", default=None)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--cases", default=None)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    document = args.document or os.path.join(args.folder, "node_modules", "@octokit", "openapi", "generated",
                                              "api.github.com.json")
    work = tempfile.mkdtemp(prefix="hookstub-real-world-")
    prism_log = os.path.join(work, "prism.log")
    print("document: %s\njar: %s\nwork folder: %s" % (document, args.jar, work))
    started = time.time()
    prism, port = start_prism(args.folder, document, prism_log)
    print("prism listening on %d after %.1f s" % (port, time.time() - started))
    exchange_log = os.path.join(work, "exchanges.jsonl")
    report = os.path.join(work, "report")
    command = ["/usr/bin/time", "-v", "java", "-jar", args.jar, "check", "--spec", document,
               "--base-url", "http://127.0.0.1:%d" % port, "--credential-env", "BENCH_CREDENTIAL",
               "--seed", args.seed, "--report", report, "--exchange-log", exchange_log]
    if args.cases:
        command += ["--cases", args.cases]
    env = dict(os.environ, BENCH_CREDENTIAL="ghp_benchmark_credential")
    began = time.time()
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.time() - began
    prism.terminate()
    prism.wait(timeout=30)
    with open(os.path.join(work, "check.out"), "w") as out:
        out.write(run.stdout)
    exchanges = []
    if os.path.exists(exchange_log):
        with open(exchange_log) as lines:
            exchanges = [json.loads(line) for line in lines if line.strip()]
    print("\nexit status: %d" % run.returncode)
    print("wall time: %.1f s (%.1f min)" % (wall, wall / 60))
    print("peak RSS: %.0f MB" % peak_rss_mb(run.stderr))
    print("requests sent: %d" % len(exchanges))
    summary = [line for line in run.stdout.splitlines() if re.match(r"^\S+\s+\d+\s+\d+\s+\d+", line)]
    print("results (spec operations checks passed failed errors skipped requests time):")
    for line in summary:
        print("  " + line)
    outcomes = collections.Counter()
    for line in run.stdout.splitlines():
        match = re.match(r"^\s+(FAIL) \S+ .+? (\w+) \(\d+ of \d+\):", line) or \
            re.match(r"^\s+(ERROR) \S+ .+? (\w+): ", line)
        if match:
            outcomes[(match.group(1), match.group(2))] += 1
    if outcomes:
        print("failed and errored results by check:")
        for (outcome, check), count in sorted(outcomes.items()):
            print("  %-6s %-32s %d" % (outcome, check, count))
    errors = [line.strip() for line in run.stdout.splitlines() if line.strip().startswith("ERROR ")]
    print("engine errors (operations that reached no verdict): %d" % len(errors))
    for line in errors[:10]:
        print("  " + line[:200])
    received = prism_requests(prism_log)
    valid = refused = skipped = 0
    reasons = collections.Counter()
    examples = {}
    for exchange, request in aligned(exchanges, received):
        if request is None:
            skipped += 1
            continue
        if exchange["kind"] not in VALID_KINDS:
            continue
        valid += 1
        if request[2]:
            refused += 1
            for reason in request[3] or ["(no reason logged)"]:
                key = normalized(reason)
                reasons[key] += 1
                examples.setdefault(key, "%s %s: %s" % (exchange["method"], exchange["url"][:120], reason))
    if skipped:
        print("note: %d requests the engine sent are not in Prism's log (Prism logs a request only once it has read"
              " it: a body it never finishes reading, such as malformed JSON, is never logged)" % skipped)
    share = 100.0 * refused / valid if valid else 0.0
    print("requests the engine called valid: %d; refused by Prism's validator: %d (%.2f %%)" % (valid, refused, share))
    for key, count in reasons.most_common(25):
        print("  %5d  %s\n         e.g. %s" % (count, key, examples[key]))
    print("\nreports: %s" % report if args.keep else "")
    if not args.keep:
        subprocess.run(["rm", "-rf", report])


if __name__ == "__main__":
    main()
