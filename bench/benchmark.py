#!/usr/bin/env python3
"""hookstub benchmark: the stub beside WireMock (fastest settings), nginx (one worker, the limit of this machine)
and a bare JDK HttpServer, all answering the same bytes, measured interleaved (stub, WireMock, nginx, bare, stub, ...)
with wrk. Not a test: it prints figures and ratios.

Usage: bench/run-benchmark.sh [--duration 10] [--rounds 3] [--connections 32] [--starts 7]
Writes target/bench/results.md, target/bench/results.json and target/bench/results.svg (ratios and p99 latencies,
drawn here without any network or plotting library).
The full run ends with the stores (--only-stores runs them alone): a MijnKlantportaal GET, create and mixed load on
the memory, H2 and PostgreSQL stores and on two instances sharing one PostgreSQL database, into
target/bench/stores.md and stores.json; PostgreSQL (Debian's, installed when missing) is started here and stopped.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import shlex
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench")
STUB_JAR = os.path.join(ROOT, "hookstub-cli", "target", "hookstub.jar")
# The class-data archive the build makes beside the jar, used as the README's run command uses it.
STUB_ARCHIVE = os.path.join(ROOT, "hookstub-cli", "target", "hookstub.jsa")
BARE_CLASSES = os.path.join(OUT, "bare-classes")
WIREMOCK_JAR = os.path.join(OUT, "wiremock-standalone.jar")
BARE_SOURCE = os.path.join(ROOT, "bench", "BareServer.java")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PORTS = {"stub": _free_port(), "stub (baseline)": _free_port(), "wiremock": _free_port(), "nginx": _free_port(), "bare": _free_port(),
         "stub, journal off": _free_port()}
PEERS = ("wiremock", "nginx", "bare")
HOST = "127.0.0.1:%d" % PORTS["stub"]  # every server is sent the stub's Host, so Mollie's self link is identical

MKP_AUTH = "Bearer mkp_test_key"
CREATE_BODY = '{"url":"https://example.com/bench","type":"customer-created"}'
GETS = {
    "GET mijnklantportaal": ("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", {"Authorization": MKP_AUTH}),
    "GET equalsmoney": ("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c",
                        {"Authorization": "equals_test_key"}),
    "GET partoo": ("/partoo/v2/webhooks/1", {"x-APIKey": "partoo_test_key"}),
    "GET mollie": ("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true",
                   {"Authorization": "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"}),
}
CREATE = ("/mijnklantportaal/v1/webhooks", {"Authorization": MKP_AUTH, "Content-Type": "application/json"})
BIG_ID = "wbh_bench000050000"


def log(message):
    print(message, flush=True)


def free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def http(port, method, path, headers, body=None, timeout=5):
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method,
                                     data=body.encode() if body else None, headers=dict(headers, Host=HOST))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()


class Server:
    def __init__(self, name, command, probe, port=None):
        self.name, self.command, self.probe = name, command, probe
        self.port = port or PORTS[name]
        self.process = None
        self.startup_ms = None
        self.stderr = subprocess.DEVNULL  # or a file, to tell why a server did not start
        self.env = None  # extra environment variables, such as a database password kept off the command line
        self.cwd = None  # where the command runs: another checkout's root for --baseline

    def start(self):
        port = self.port
        if not free(port):
            sys.exit("port %d is busy; stop whatever listens there" % port)
        started = time.monotonic()
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=self.stderr, cwd=self.cwd,
                                        env=dict(os.environ, **self.env) if self.env else None)
        deadline = started + 120
        while time.monotonic() < deadline:
            try:
                if http(port, "GET", self.probe[0], self.probe[1], timeout=1)[0] == 200:
                    self.startup_ms = (time.monotonic() - started) * 1000
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                sys.exit("%s exited while starting: %s" % (self.name, " ".join(self.command)))
            time.sleep(0.005)
        sys.exit("%s did not answer within 120 s" % self.name)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def rss_mb(self):
        out = subprocess.run(["ps", "-o", "rss=", "-p", str(self.process.pid)], capture_output=True, text=True).stdout
        return int(out.strip()) / 1024 if out.strip() else None

    def heap_used_mb(self):
        jcmd = shutil.which("jcmd") or os.path.join(os.path.dirname(os.path.realpath(shutil.which("java"))), "jcmd")
        subprocess.run([jcmd, str(self.process.pid), "GC.run"], capture_output=True)
        info = subprocess.run([jcmd, str(self.process.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        # G1 prints one "garbage-first heap ... used NK" line; the serial collector one per generation (new, tenured),
        # whose first, the new generation, is empty right after a full collection: sum the heap's lines.
        used = re.findall(r"(?:heap|generation)\s+total \d+K, used (\d+)K", info)
        return sum(int(k) for k in used) / 1024 if used else None


def readme_run_command(root=ROOT):
    """The java command of the README's Run section, as a list: what a user runs, after the build."""
    with open(os.path.join(root, "README.md")) as f:
        text = f.read()
    section = text.split("\n## Run\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)\n```", section, re.S).group(1)
    command = block.split("&&")[-1].strip()
    if not command.startswith("java "):
        sys.exit("the README's Run command does not end in a java command: " + command)
    return shlex.split(command)


def stub_server(extra=(), probe=None, archive=True, name=None):
    """The stub as the README's Run command starts it; archive=False: plain `java -jar`, for the start-up row."""
    command = readme_run_command() if archive else ["java", "-jar", STUB_JAR, "serve"]
    name = name or ("stub" if archive else "stub, plain java -jar")
    port = PORTS.get(name, PORTS["stub"])
    return Server(name, command + ["--port", str(port)] + list(extra), probe or GETS["GET mijnklantportaal"],
                  port=port)


def baseline_server(root):
    """--baseline: another checkout's stub (its jar built), started by that checkout's own README command there."""
    server = Server("stub (baseline)", readme_run_command(root) + ["--port", str(PORTS["stub (baseline)"])],
                    GETS["GET mijnklantportaal"])
    server.cwd = root
    return server


def journal_cost(args):
    """The request journal's cost: the same GET, interleaved, on a stub with its default journal and one without."""
    servers = [stub_server().start(), stub_server(["--journal-size", "0"], name="stub, journal off").start()]
    path, headers = GETS["GET mijnklantportaal"]
    try:
        for server in servers:
            wrk(server.port, path, headers, max(2, args.duration // 2), args.connections)
        runs = {s.name: [] for s in servers}
        for _ in range(args.rounds):
            for server in servers:
                runs[server.name].append(wrk(server.port, path, headers, args.duration, args.connections))
    finally:
        for server in servers:
            server.stop()
    result = {k: {m: median(v, m) for m in ("rps", "p50", "p99", "errors")} for k, v in runs.items()}
    on, off = result["stub"], result["stub, journal off"]
    # On a saturated server a request costs 1/throughput of the whole machine: the difference is the journal's share.
    result["cost_us_per_request"] = (1 / on["rps"] - 1 / off["rps"]) * 1e6 if on["rps"] and off["rps"] else None
    log("journal: on %.0f/s p99 %.2fms, off %.0f/s p99 %.2fms, %.2f us per request" % (
        on["rps"], on["p99"] or -1, off["rps"], off["p99"] or -1, result["cost_us_per_request"] or 0))
    return result


def render_journal(journal):
    on, off = journal["stub"], journal["stub, journal off"]
    return "\n".join(["", "| request journal (GET mijnklantportaal) | req/s | p50 (ms) | p99 (ms) |", "|---|---:|---:|---:|",
                      "| on (default, 1,000 per API) | %.0f | %.2f | %.2f |" % (on["rps"], on["p50"], on["p99"]),
                      "| off (`--journal-size 0`) | %.0f | %.2f | %.2f |" % (off["rps"], off["p50"], off["p99"]),
                      "", "The journal costs %.2f µs of the machine per request (on ÷ off = %.3f)." % (
                          journal["cost_us_per_request"], on["rps"] / off["rps"])]) + "\n"


# The store dimension (issue #14): the MijnKlantportaal GET, create and mixed load on each store, and on two instances
# sharing one PostgreSQL database; after every run that creates, the records the store holds are counted.

STORES = ("memory", "H2", "PostgreSQL", "PostgreSQL ×2")
ADMIN = {"Authorization": "Bearer admin_test_key"}
PG_USER, PG_PASSWORD, PG_SUPERUSER_PASSWORD = "hookstub", "bench_Pw5sEcReT", "bench_super_Pw8sEcReT"
DATABASE_ENV = {"HOOKSTUB_DATABASE_PASSWORD": PG_PASSWORD}
# PostgreSQL refuses to run as root; the tests' PostgresServer runs it as this system user too.
PG_SYSTEM_USER = "hookstub-pg"
# As the tests' PostgresServer runs it: not durable on a crash of the host, which nothing here provokes.
PG_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=200")
# Appended to a wrk script: counts the 201s wrk saw, printed at the end as "created: N" (read by wrk()).
COUNT_CREATED = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) created = 0 end
function response(status, headers, body) if status == 201 then created = created + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("created") end
  io.write(string.format("created: %d\\n", total))
end
"""


def _proc_seconds(pid, children=True):
    """CPU seconds of a live process from /proc (with its reaped children's unless told not to)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15 if children else 13]) / os.sysconf("SC_CLK_TCK")


class OtherLoad:
    """The share of the machine's CPU that went to processes other than this benchmark's (the stubs, wrk and
    PostgreSQL) during a measurement: figures taken on a machine shared with other work are provisional.
    Interrupt time is left out on both sides, since loopback traffic is charged to no process."""

    def __init__(self):
        self.started, self.busy, self.ours = time.monotonic(), self._busy(), self._ours()

    @staticmethod
    def _busy():
        with open("/proc/stat") as f:
            user, nice, system = (int(v) for v in f.readline().split()[1:4])
        return (user + nice + system) / os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _ours():
        return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                   for field in ("ru_utime", "ru_stime"))

    def share(self, untracked_seconds=0.0):
        """Call after every child is reaped; untracked_seconds: CPU of our processes that are not our children."""
        others = (self._busy() - self.busy) - (self._ours() - self.ours) - untracked_seconds
        return max(0.0, others) / ((time.monotonic() - self.started) * os.cpu_count())


class Postgres:
    """Debian's PostgreSQL as the tests' PostgresServer runs it: installed when missing, a fresh cluster in a temporary
    folder on a free loopback port, as PG_SYSTEM_USER under root. One server per run, a database per store."""

    def __init__(self):
        self.bin = self._binaries()
        self.root = os.geteuid() == 0
        self.port = _free_port()
        self.dir = tempfile.mkdtemp(prefix="hookstub-bench-pg-")
        self.databases = 0

    @staticmethod
    def _binaries():
        def newest():
            found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
            major = lambda path: int(re.search(r"/(\d+)/bin/", path).group(1))
            return os.path.dirname(max(found, key=major)) if found else None
        if newest() is None:
            log("installing postgresql ...")
            apt = ([] if os.geteuid() == 0 else ["sudo"]) + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]
            subprocess.run(apt + ["update", "-qq"], check=True)
            subprocess.run(apt + ["install", "-y", "-qq", "postgresql"], check=True)
        return newest() or sys.exit("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)")

    def _run(self, command):
        """A PostgreSQL command, as the system user under root; its output to a file, since the server it starts
        would keep a pipe open."""
        with tempfile.TemporaryFile() as output:
            done = subprocess.run((["runuser", "-u", PG_SYSTEM_USER, "--"] if self.root else []) + command,
                                  stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
            if done.returncode != 0:
                output.seek(0)
                sys.exit("%s failed: %s" % (" ".join(command), output.read().decode(errors="replace")))

    def start(self):
        data = os.path.join(self.dir, "data")
        password_file = os.path.join(self.dir, "superuser-password")
        with open(password_file, "w") as f:
            f.write(PG_SUPERUSER_PASSWORD)
        if self.root:
            if subprocess.run(["id", "-u", PG_SYSTEM_USER], capture_output=True).returncode != 0:
                subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                                PG_SYSTEM_USER], check=True)
            subprocess.run(["chown", "-R", PG_SYSTEM_USER, self.dir], check=True)
        self._run([os.path.join(self.bin, "initdb"), "-D", data, "-U", "postgres", "--pwfile=" + password_file,
                   "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"])
        options = "-h 127.0.0.1 -p %d -k %s %s" % (self.port, self.dir, " ".join("-c " + s for s in PG_SETTINGS))
        self._run([os.path.join(self.bin, "pg_ctl"), "-D", data, "-l", os.path.join(self.dir, "log"), "-w",
                   "-t", "60", "-o", options, "start"])
        self.sql("CREATE ROLE %s LOGIN PASSWORD '%s'" % (PG_USER, PG_PASSWORD))
        return self

    def sql(self, statement):
        subprocess.run([os.path.join(self.bin, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "-d", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", statement], check=True,
                       stdin=subprocess.DEVNULL, env=dict(os.environ, PGPASSWORD=PG_SUPERUSER_PASSWORD))

    def new_database(self):
        """A fresh database; the stub's flags to use it (the password goes in the environment: see DATABASE_ENV)."""
        self.databases += 1
        name = "bench_%d" % self.databases
        self.sql("CREATE DATABASE %s OWNER %s" % (name, PG_USER))
        return ["--database", "jdbc:postgresql://127.0.0.1:%d/%s" % (self.port, name), "--database-user", PG_USER]

    def version(self):
        out = subprocess.run([os.path.join(self.bin, "postgres"), "--version"], capture_output=True, text=True).stdout
        match = re.search(r"\(PostgreSQL\) (\S+)", out)  # "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        return match.group(1) if match else "?"

    def cpu_seconds(self):
        """The server's CPU so far: it is no child of ours (pg_ctl detaches it), so OtherLoad cannot see it."""
        try:
            with open(os.path.join(self.dir, "data", "postmaster.pid")) as f:
                postmaster = int(f.readline())
            total = _proc_seconds(postmaster)
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    try:
                        with open("/proc/%s/stat" % entry) as f:
                            if int(f.read().rsplit(")", 1)[1].split()[1]) == postmaster:
                                total += _proc_seconds(int(entry), children=False)
                    except (OSError, ValueError):
                        pass  # gone meanwhile
            return total
        except (OSError, ValueError):
            return 0.0

    def stop(self):
        if os.path.isdir(os.path.join(self.dir, "data", "global")):
            try:
                self._run([os.path.join(self.bin, "pg_ctl"), "-D", os.path.join(self.dir, "data"), "-m", "fast", "-w",
                           "stop"])
            except SystemExit as e:
                log("stopping PostgreSQL: %s" % e)
        shutil.rmtree(self.dir, ignore_errors=True)


def store_stubs(pg, h2_dir):
    """Each store's instances: one stub each, and two stubs on one PostgreSQL database."""
    def stub(name, extra):
        PORTS.setdefault(name, _free_port())
        server = stub_server(extra, name=name)
        if "--database" in extra:
            # As the README advises: a password on the command line is visible to every user of the machine.
            server.env = DATABASE_ENV
        return server
    shared = pg.new_database()
    return {"memory": [stub("store memory", [])],
            "H2": [stub("store H2", ["--data-dir", h2_dir])],
            "PostgreSQL": [stub("store PostgreSQL", pg.new_database())],
            "PostgreSQL ×2": [stub("store PostgreSQL ×2 a", shared), stub("store PostgreSQL ×2 b", shared)]}


def start_telling_why(server):
    """Starts a stub with its output kept in target/bench/<name>.log, ending the run with it if the stub does not
    start (a stub on PostgreSQL ends its start with one line when it cannot connect in time, as on a machine
    overloaded by other work)."""
    with open(os.path.join(OUT, re.sub(r"\W+", "-", server.name) + ".log"), "w+") as server.stderr:
        try:
            server.start()
        except SystemExit as e:
            server.stderr.seek(0)
            sys.exit("%s\n%s" % (e, server.stderr.read()[-2000:].strip()))


def admin(server, method, path):
    status, _, body = http(server.port, method, "/__admin" + path, ADMIN, timeout=300)
    if status // 100 != 2:
        sys.exit("%s %s on %s answered %d: %s" % (method, path, server.name, status, body[:200]))
    return body


BAD_LISTS = []  # admin lists that were not JSON, kept in target/bench/ for a look (once seen, not reproduced)


def stored_records(server):
    body = admin(server, "GET", "/mijnklantportaal/webhooks")
    try:
        return len(json.loads(body))
    except ValueError as e:
        path = os.path.join(OUT, "bad-list-%d.json" % (len(BAD_LISTS) + 1))
        with open(path, "wb") as f:
            f.write(body)
        BAD_LISTS.append("%s: %s (%d bytes, %s)" % (server.name, e, len(body), os.path.relpath(path, ROOT)))
        log("the admin list of %s is not JSON: %s" % (server.name, BAD_LISTS[-1]))
        return None


def settled_counts(instances, before):
    """The records each instance lists beyond `before`, once the creates in flight when wrk stopped have landed (wrk
    stops waiting for answers; the stubs go on answering): counted through every instance until two passes agree."""
    previous = None
    for _ in range(20):
        counts = [None if n is None else n - before for n in map(stored_records, instances)]
        if counts == previous and len(set(counts)) == 1 and None not in counts:
            break
        previous = counts
        time.sleep(0.5)
    return counts


def store_run(instances, path, headers, seconds, connections, script, creates):
    """One wrk run on a store. On two instances, two wrk processes at once with half the connections each: the
    throughput is their sum, p50 and p99 the worse of the two. A run that creates starts from a reset store, and ends
    by counting its records through every instance."""
    if creates:
        admin(instances[0], "POST", "/reset")
        before = None
        while before is None:  # a list that is not JSON is kept and logged; the next is counted
            before = stored_records(instances[0])
    shares = [max(1, connections // len(instances) + (i < connections % len(instances))) for i in range(len(instances))]
    with concurrent.futures.ThreadPoolExecutor(len(instances)) as pool:
        runs = list(pool.map(lambda server, share: wrk(server.port, path, headers, seconds, share, script),
                             instances, shares))
    worse = lambda key: max((r[key] for r in runs if r[key] is not None), default=None)
    result = {"rps": sum(r["rps"] for r in runs), "p50": worse("p50"), "p99": worse("p99"),
              "errors": sum(r["errors"] for r in runs)}
    if creates:
        result["created"] = sum(r["created"] or 0 for r in runs)
        result["stored"] = settled_counts(instances, before)
    return result


def store_costs(args, scripts):
    """Every scenario on every store, interleaved (memory, H2, PostgreSQL, PostgreSQL ×2, memory, ...), medians of
    args.rounds; the created and stored counts summed over the rounds."""
    counted = {}
    for name in ("POST create", "mixed 90/10"):
        counted[name] = scripts[name][:-len(".lua")] + "-counted.lua"
        with open(scripts[name]) as source, open(counted[name], "w") as f:
            f.write(source.read() + COUNT_CREATED)
    get_path, get_headers = GETS["GET mijnklantportaal"]
    scenarios = [("GET mijnklantportaal", get_path, get_headers, None, False),
                 ("POST create", CREATE[0], CREATE[1], counted["POST create"], True),
                 ("mixed 90/10", get_path, {}, counted["mixed 90/10"], True)]
    meta = {"started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    load = OtherLoad()
    pg = Postgres()  # first: it may install PostgreSQL, or end the run for want of it
    h2_dir = tempfile.mkdtemp(prefix="hookstub-bench-h2-")
    stubs = {}
    results = {}
    try:
        pg.start()
        meta["postgresql"] = pg.version()
        stubs = store_stubs(pg, h2_dir)
        for instances in stubs.values():
            for server in instances:
                start_telling_why(server)
        for name, path, headers, script, creates in scenarios:
            for instances in stubs.values():  # warm-up, not recorded
                store_run(instances, path, headers, max(2, args.duration // 2), args.connections, script, creates)
            runs = {store: [] for store in stubs}
            for _ in range(args.rounds):
                for store, instances in stubs.items():
                    runs[store].append(store_run(instances, path, headers, args.duration, args.connections, script,
                                                 creates))
            results[name] = {store: store_summary(r, creates) for store, r in runs.items()}
            log("stores %-20s %s" % (name, "  ".join("%s %.0f/s p99 %.2fms" % (k, v["rps"], v["p99"] or -1)
                                                     for k, v in results[name].items())))
    finally:
        for instances in stubs.values():
            for server in instances:
                server.stop()
        pg_seconds = pg.cpu_seconds()
        pg.stop()
        shutil.rmtree(h2_dir, ignore_errors=True)
    meta["other_load"] = load.share(pg_seconds)
    meta["bad_lists"] = list(BAD_LISTS)
    return {"results": results, "meta": meta}


def store_summary(runs, creates):
    summary = {m: median(runs, m) for m in ("rps", "p50", "p99", "errors")}
    if creates:
        summary["created"] = sum(r["created"] for r in runs)
        # None: no instance gave a list that was JSON, twenty times over.
        summary["stored"] = [None if any(r["stored"][i] is None for r in runs) else sum(r["stored"][i] for r in runs)
                             for i in range(len(runs[0]["stored"]))]
        # A 201 that no instance can list is lost; a record more than the 201s is a create in flight when wrk stopped.
        summary["lost"] = sum(max(0, r["created"] - min(n for n in r["stored"] if n is not None))
                              for r in runs if any(n is not None for n in r["stored"]))
    return summary


def render_stores(stores, args):
    results, meta = stores["results"], stores["meta"]
    lines = ["## Stores", "",
             "| scenario | store | req/s | p50 (ms) | p99 (ms) | ÷ memory "
             "| µs of the machine per request (vs memory) | errors | created / stored |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, per in results.items():
        memory = per["memory"]["rps"]
        for store, cell in per.items():
            us = 1e6 / cell["rps"] if cell["rps"] else None
            extra = us - 1e6 / memory if us and memory else None
            counts = "-"
            if "created" in cell:
                stored = cell["stored"]
                shown = ["?" if n is None else str(n) for n in stored]
                counts = "%d / %s" % (cell["created"], " = ".join(shown) if len(set(shown)) == 1 else " ≠ ".join(shown))
                if len(stored) > 1:
                    counts += " (through both)"
                if cell["lost"]:
                    counts += " **%d lost**" % cell["lost"]
            lines.append("| %s | %s | %.0f | %s | %s | %s | %s | %d | %s |" % (
                name, store, cell["rps"], "-" if cell["p50"] is None else "%.2f" % cell["p50"],
                "-" if cell["p99"] is None else "%.2f" % cell["p99"],
                "%.2f×" % (cell["rps"] / memory) if memory else "-",
                "-" if us is None else "%.1f (%+.1f)" % (us, extra), cell["errors"], counts))
    lines += ["", "- wrk -t1 -c%d -d%ds, median of %d interleaved rounds (%s), loopback, %s; the main benchmark's "
                  "MijnKlantportaal GET, create and mixed 90/10 (every tenth request a create). PostgreSQL ×2: two "
                  "stubs on one database, two wrk processes at once with half the connections each; req/s is their "
                  "sum, p50 and p99 the worse of the two." % (
                      args.connections, args.duration, args.rounds, ", ".join(STORES), meta["started"]),
              "- H2: `--data-dir` in a temporary folder; it writes each commit to its file at once "
              "(`WRITE_DELAY=0`). PostgreSQL %s from Debian's packages, one server for the run on loopback, a "
              "database per store, **fsync off** (%s, as the tests run it: a create waits for no disk flush)." % (
                  meta.get("postgresql", "?"), ", ".join(PG_SETTINGS[:3])),
              "- A request costs 1/throughput of the whole machine (2 cores, shared by wrk, the stubs and PostgreSQL): "
              "that is the µs column, and in brackets what the store adds to memory's.",
              "- created / stored: the 201s wrk saw (a `response()` counter in its script) and the records the store "
              "holds beyond its fixtures (`GET /__admin/mijnklantportaal/webhooks` through each instance, repeated "
              "until the creates still in flight when wrk stopped have landed), summed over the rounds; each create "
              "and mixed run starts from `POST /__admin/reset`. Stored exceeds created by those creates in flight "
              "(at most %d a run); a 201 whose record is missing would show as lost, instances that disagree as "
              "a ≠ b." % args.connections,
              "- Other processes than the benchmark's used %.0f %% of the machine's CPU meanwhile (from /proc)%s." % (
                  100 * meta["other_load"], ": the machine was shared, so these figures are provisional"
                  if meta["other_load"] > 0.05 else "")]
    lines += ["- An admin list that was not JSON, counted again: " + bad for bad in meta.get("bad_lists", [])]
    return "\n".join(lines) + "\n"


def stores_report(args, scripts):
    """Measures the stores, writes target/bench/stores.md and stores.json, and returns the Markdown."""
    stores = store_costs(args, scripts)
    report = render_stores(stores, args)
    with open(os.path.join(OUT, "stores.md"), "w") as f:
        f.write("# hookstub benchmark: the stores\n\n" + report)
    with open(os.path.join(OUT, "stores.json"), "w") as f:
        json.dump(dict(stores, args=vars(args)), f, indent=2, ensure_ascii=False)
    return report


def wiremock_server(root):
    return Server("wiremock", ["java", "-jar", WIREMOCK_JAR, "--port", str(PORTS["wiremock"]), "--root-dir", root,
                               "--no-request-journal", "--disable-request-logging"], GETS["GET mijnklantportaal"])


def bare_server(responses):
    # Compiled once, so that its start-up is the server's, not the source launcher's compiling.
    if not os.path.exists(os.path.join(BARE_CLASSES, "BareServer.class")):
        subprocess.run(["javac", "-d", BARE_CLASSES, BARE_SOURCE], check=True)
    return Server("bare", ["java", "-Dsun.net.httpserver.nodelay=true", "-cp", BARE_CLASSES, "BareServer",
                           str(PORTS["bare"]), responses], GETS["GET mijnklantportaal"])


def nginx(name, workdir, port, http, probe):
    """nginx with one worker, access log off and kept-alive connections, in a folder of its own under workdir;
    `http` is what its http block holds besides (a server listening on port, its upstreams)."""
    prefix = os.path.join(workdir, name.replace(" ", "-"))
    os.makedirs(os.path.join(prefix, "logs"), exist_ok=True)
    # nginx's worker runs as another user than a root master: it must be able to read its files and folders.
    os.chmod(workdir, 0o755)
    os.chmod(prefix, 0o755)
    config = os.path.join(prefix, "nginx.conf")
    with open(config, "w") as f:
        f.write("""worker_processes 1;
daemon off;
pid %s/nginx.pid;
error_log %s/logs/error.log crit;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
%s
}
""" % (prefix, prefix, http(prefix)))
    return Server(name, [shutil.which("nginx") or "/usr/sbin/nginx", "-p", prefix, "-c", config], probe, port=port)


def nginx_server(workdir, captured):
    """nginx answering each captured request with its bytes (a file per GET)."""
    return nginx("nginx", workdir, PORTS["nginx"], lambda prefix: _static_server(prefix, captured),
                 GETS["GET mijnklantportaal"])


def _static_server(prefix, captured):
    locations = []
    for index, (method, path, _, _, status, ctype, body) in enumerate(captured.values()):
        plain = path.split("?")[0]
        with open(os.path.join(prefix, "m%d.body" % index), "wb") as f:
            f.write(body)
        os.chmod(os.path.join(prefix, "m%d.body" % index), 0o644)
        if method == "GET":
            locations.append("    location = %s { default_type %s; alias %s; }" % (
                plain, ctype, os.path.join(prefix, "m%d.body" % index)))
        else:  # nginx serves no POST from a file: the same bytes from its configuration
            locations.append("    location = %s { default_type %s; return %d '%s'; }" % (
                plain, ctype, status, body.decode().replace("'", "\\'")))
    return """  server {
    listen 127.0.0.1:%d;
%s
  }""" % (PORTS["nginx"], "\n".join(locations))


def capture(workdir):
    """Asks a fresh stub for every response, and writes WireMock mappings and bare-server files with those bytes."""
    stub = stub_server().start()
    captured = {}
    try:
        for name, (path, headers) in GETS.items():
            captured[name] = ("GET", path, headers, None) + http(PORTS["stub"], "GET", path, headers)
        captured["POST create"] = ("POST", CREATE[0], CREATE[1], CREATE_BODY) + http(
            PORTS["stub"], "POST", CREATE[0], CREATE[1], CREATE_BODY)
    finally:
        stub.stop()
    mappings = os.path.join(workdir, "wiremock", "mappings")
    bare = os.path.join(workdir, "bare")
    os.makedirs(mappings)
    os.makedirs(bare)
    for index, (name, (method, path, _, _, status, ctype, body)) in enumerate(captured.items()):
        if status not in (200, 201):
            sys.exit("the stub answered %s with %d: %s" % (name, status, body[:200]))
        with open(os.path.join(mappings, "m%d.json" % index), "w") as f:
            json.dump({"request": {"method": method, "url": path},
                       "response": {"status": status, "headers": {"Content-Type": ctype},
                                    "body": body.decode()}}, f)
        for suffix, content in (("path", "%s %s" % (method, path)), ("status", str(status)), ("type", ctype)):
            with open(os.path.join(bare, "m%d.%s" % (index, suffix)), "w") as f:
                f.write(content)
        with open(os.path.join(bare, "m%d.body" % index), "wb") as f:
            f.write(body)
    return os.path.join(workdir, "wiremock"), bare, {k: len(v[6]) for k, v in captured.items()}, captured


def lua_headers(headers):
    return "{" + ", ".join('["%s"] = "%s"' % (k, v) for k, v in dict(headers, Host=HOST).items()) + "}"


def write_scripts(workdir):
    scripts = {}
    create_headers = lua_headers(CREATE[1])
    get_path, get_headers = GETS["GET mijnklantportaal"]
    scripts["POST create"] = os.path.join(workdir, "create.lua")
    with open(scripts["POST create"], "w") as f:
        f.write('wrk.method = "POST"\nwrk.body = \'%s\'\nwrk.headers = %s\n' % (CREATE_BODY, create_headers))
    scripts["mixed 90/10"] = os.path.join(workdir, "mixed.lua")
    with open(scripts["mixed 90/10"], "w") as f:
        f.write("""local n = 0
request = function()
  n = n + 1
  if n %% 10 == 0 then
    return wrk.format("POST", "%s", %s, '%s')
  end
  return wrk.format("GET", "%s", %s)
end
""" % (CREATE[0], create_headers, CREATE_BODY, get_path, lua_headers(get_headers)))
    return scripts


def wrk(port, path, headers, seconds, connections, script=None):
    command = ["wrk", "-t1", "-c%d" % connections, "-d%ds" % seconds, "--latency", "--timeout", "5s"]
    if script:
        command += ["-s", script]
    else:
        for key, value in dict(headers, Host=HOST).items():
            command += ["-H", "%s: %s" % (key, value)]
    out = subprocess.run(command + ["http://127.0.0.1:%d%s" % (port, path)], capture_output=True, text=True).stdout

    def latency(p):
        match = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, out, re.M)
        if not match:
            return None
        return float(match.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[match.group(2)]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    answered = re.search(r"^\s+(\d+) requests in", out, re.M)
    created = re.search(r"^created: (\d+)$", out, re.M)  # printed by a script with COUNT_CREATED
    return {"rps": float(rps.group(1)) if rps else 0.0, "p50": latency(50), "p99": latency(99),
            "errors": errors + (int(non2xx.group(1)) if non2xx else 0),
            # 2xx and 3xx answers, for a caller that checks what a server kept (bench/memory.py)
            "answered": (int(answered.group(1)) if answered else 0) - (int(non2xx.group(1)) if non2xx else 0),
            "created": int(created.group(1)) if created else None}


def median(results, key):
    values = [r[key] for r in results if r[key] is not None]
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per scenario (default 3)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    parser.add_argument("--starts", type=int, default=7,
                        help="interleaved starts of each server for the start-up row (default 7: a single start on "
                             "two shared cores varies by a fifth, so three were too few to compare two builds)")
    parser.add_argument("--records", type=int, default=100_000, help="records for the large-store scenario")
    parser.add_argument("--only-journal", action="store_true", help="measure only the request journal's cost")
    parser.add_argument("--baseline", metavar="DIR",
                        help="another checkout (its jar built) whose stub runs beside this one in the same interleaved "
                             "rounds: before and after a change in one run")
    parser.add_argument("--only-main", action="store_true",
                        help="the main table and start-up only (no large store, journal or stores)")
    parser.add_argument("--only-stores", action="store_true",
                        help="measure only the stores: memory, H2, PostgreSQL with one and two instances")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if args.only_journal:
        report = "# hookstub benchmark: the request journal\n" + render_journal(journal_cost(args))
        print(report)
        with open(os.path.join(OUT, "journal.md"), "w") as f:
            f.write(report)
        return
    if args.only_stores:
        workdir = tempfile.mkdtemp(prefix="hookstub-bench-")
        try:
            print("# hookstub benchmark: the stores\n\n" + stores_report(args, write_scripts(workdir)))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        return
    workdir = tempfile.mkdtemp(prefix="hookstub-bench-")
    log("capturing the stub's responses ...")
    wiremock_root, bare_dir, sizes, captured = capture(workdir)
    scripts = write_scripts(workdir)

    # Startup to the first successful answer, interleaved, --starts times each.
    startup = {"stub": [], "stub, plain java -jar": [], "wiremock": [], "nginx": [], "bare": []}
    makers = [stub_server, lambda: stub_server(archive=False), lambda: wiremock_server(wiremock_root),
              lambda: nginx_server(workdir, captured), lambda: bare_server(bare_dir)]
    if args.baseline:
        startup["stub (baseline)"] = []
        makers.insert(1, lambda: baseline_server(args.baseline))
    for _ in range(args.starts):
        for make in makers:
            server = make().start()
            startup[server.name].append(server.startup_ms)
            server.stop()
    log("startup (ms): " + ", ".join("%s %s" % (k, [round(v) for v in vs]) for k, vs in startup.items()))

    servers = [stub_server().start(), wiremock_server(wiremock_root).start(), nginx_server(workdir, captured).start(),
               bare_server(bare_dir).start()]
    if args.baseline:
        servers.insert(1, baseline_server(args.baseline).start())
    results = {}
    scenarios = [(name, path, headers, None) for name, (path, headers) in GETS.items()]
    scenarios += [("POST create", CREATE[0], CREATE[1], scripts["POST create"]),
                  ("mixed 90/10", GETS["GET mijnklantportaal"][0], {}, scripts["mixed 90/10"])]
    try:
        for name, path, headers, script in scenarios:
            for server in servers:  # warm-up, not recorded
                wrk(PORTS[server.name], path, headers, max(2, args.duration // 2), args.connections, script)
            runs = {s.name: [] for s in servers}
            for round_ in range(args.rounds):
                for server in servers:
                    runs[server.name].append(
                        wrk(PORTS[server.name], path, headers, args.duration, args.connections, script))
            results[name] = {k: {m: median(v, m) for m in ("rps", "p50", "p99", "errors")} for k, v in runs.items()}
            log("%-20s %s" % (name, "  ".join("%s %.0f/s p99 %.2fms" % (k, v["rps"], v["p99"] or -1)
                                              for k, v in results[name].items())))
        rss = {s.name: s.rss_mb() for s in servers}
    finally:
        for server in servers:
            server.stop()

    if args.only_main:
        report = render(results, startup, rss, None, None, None, sizes, args)
        print(report)
        with open(os.path.join(OUT, "results-main.md"), "w") as f:
            f.write(report)
        shutil.rmtree(workdir, ignore_errors=True)
        return
    # A large store: the stub alone, started with that many fixture records.
    fixtures = os.path.join(workdir, "fixtures")
    os.makedirs(fixtures)
    with open(os.path.join(fixtures, "mijnklantportaal.json"), "w") as f:
        json.dump([{"id": "wbh_bench%09d" % i, "type": "customer-created", "url": "https://example.com/hook/%d" % i,
                    "secret": "S%019d" % i, "createdAt": "2024-04-29T21:00:00+02:00"} for i in range(args.records)], f)
    big_path = "/mijnklantportaal/v1/webhooks/" + BIG_ID
    # The fixture file replaces the spec's example record, so readiness is probed on one of its records.
    big = stub_server(["--fixtures", fixtures], (big_path, {"Authorization": MKP_AUTH})).start()
    try:
        big_start_ms = big.startup_ms
        wrk(PORTS["stub"], big_path, {"Authorization": MKP_AUTH}, max(2, args.duration // 2), args.connections)
        big_runs = [wrk(PORTS["stub"], big_path, {"Authorization": MKP_AUTH}, args.duration, args.connections)
                    for _ in range(args.rounds)]
        heap_big = big.heap_used_mb()
        rss_big = big.rss_mb()
    finally:
        big.stop()
    results["GET, %d records" % args.records] = {"stub": {m: median(big_runs, m) for m in ("rps", "p50", "p99", "errors")}}

    journal = journal_cost(args)
    report = render(results, startup, rss, heap_big, rss_big, big_start_ms, sizes, args) + render_journal(journal)
    try:
        report += "\n" + stores_report(args, scripts)
    except SystemExit as e:  # e.g. no PostgreSQL to be had: the rest of a long run is still worth writing
        log("the stores were not measured: %s" % e)
        report += "\nThe stores were not measured: %s\n" % e
    print(report)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(report)
    with open(os.path.join(OUT, "results.svg"), "w") as f:
        f.write(chart(results))
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump({"results": results, "startup_ms": startup, "rss_mb": rss, "heap_used_mb_large_store": heap_big,
                   "rss_mb_large_store": rss_big, "response_bytes": sizes, "journal": journal,
                   "args": vars(args)}, f, indent=2)
    shutil.rmtree(workdir, ignore_errors=True)


def render(results, startup, rss, heap_big, rss_big, big_start_ms, sizes, args):
    lines = ["# hookstub benchmark", "",
             "wrk -t1 -c%d -d%ds, median of %d interleaved rounds (stub, WireMock, nginx, bare JDK server), loopback, %s." % (
                 args.connections, args.duration, args.rounds, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
             "WireMock 3.13 standalone with --no-request-journal --disable-request-logging; nginx with one worker and "
             "the access log off, GETs from files; bare = JDK HttpServer (-Dsun.net.httpserver.nodelay=true); all "
             "answer the same bytes.", "",
             "| scenario | stub req/s | WireMock req/s | nginx req/s | bare req/s | stub ÷ WireMock | stub ÷ nginx | stub ÷ bare | p50 stub / WM / nginx / bare (ms) | p99 stub / WM / nginx / bare (ms) | errors |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|"]
    fmt = lambda v: "-" if v is None else ("%.2f" % v)
    for name, per in results.items():
        s = per.get("stub")
        peers = [per.get(k) for k in PEERS]
        lines.append("| %s | %.0f | %s | %s | %s | %s | %s |" % (
            name, s["rps"], " | ".join("%.0f" % p["rps"] if p else "-" for p in peers),
            " | ".join("%.2f" % (s["rps"] / p["rps"]) if p and p["rps"] else "-" for p in peers),
            " / ".join(fmt(x["p50"]) if x else "-" for x in [s] + peers),
            " / ".join(fmt(x["p99"]) if x else "-" for x in [s] + peers),
            " / ".join(str(int(x["errors"])) if x else "-" for x in [s] + peers)))
    one = results["GET mijnklantportaal"]["stub"]["rps"]
    large = results.get("GET, %d records" % args.records)
    many = large["stub"]["rps"] if large else None
    lines += ["", "| measure | stub | WireMock | nginx | bare |", "|---|---:|---:|---:|---:|",
              "| startup to first answer, median of %d (ms) | %.0f | %.0f | %.0f | %.0f |" % ((args.starts,) + tuple(
                  statistics.median(startup[k]) for k in ("stub",) + PEERS)),
              "| startup to first answer without the class-data archive (plain `java -jar`), median of %d (ms) "
              "| %.0f | - | - | - |" % (args.starts, statistics.median(startup["stub, plain java -jar"])),
              "| resident memory after the load (MB) | %.0f | %.0f | %.0f | %.0f |" % tuple(
                  rss.get(k) or 0 for k in ("stub",) + PEERS),
              ]
    if large:
        lines += ["", "With %d stored webhooks: heap used after a full GC %.1f MB, resident %.0f MB, start %.0f ms, "
                      "GET %.0f req/s = %.2f × the 1-record GET." % (args.records, heap_big or -1, rss_big or -1,
                                                                      big_start_ms, many, many / one if one else 0)]
    lines += ["", "Response sizes (bytes): " + ", ".join("%s %d" % kv for kv in sizes.items())]
    if "stub (baseline)" in startup:
        lines += render_baseline(results, startup, rss, args)
    return "\n".join(lines) + "\n"


def render_baseline(results, startup, rss, args):
    """--baseline: the two builds side by side, each against the same WireMock runs of the same rounds."""
    lines = ["", "## This build beside the baseline (%s), same interleaved rounds" % args.baseline, "",
             "| scenario | baseline req/s | this build req/s | this ÷ baseline | baseline ÷ WireMock | this ÷ WireMock |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, per in results.items():
        base, this, wm = per.get("stub (baseline)"), per.get("stub"), per.get("wiremock")
        if not base or not this:
            continue
        lines.append("| %s | %.0f | %.0f | %.2f | %s | %s |" % (
            name, base["rps"], this["rps"], this["rps"] / base["rps"] if base["rps"] else 0,
            "%.2f" % (base["rps"] / wm["rps"]) if wm and wm["rps"] else "-",
            "%.2f" % (this["rps"] / wm["rps"]) if wm and wm["rps"] else "-"))
    lines += ["", "| measure | baseline | this build |", "|---|---:|---:|",
              "| startup to first answer, median of %d (ms) | %.0f | %.0f |" % (args.starts,
                  statistics.median(startup["stub (baseline)"]), statistics.median(startup["stub"])),
              "| resident memory after the load (MB) | %.0f | %.0f |" % (
                  rss.get("stub (baseline)") or 0, rss.get("stub") or 0)]
    return lines


def chart(results):
    """Two panels as one SVG: the stub's throughput ÷ each peer's, and p99 latency of each server, per scenario."""
    names = [n for n in results if all(results[n].get(k) for k in PEERS)]
    colors = {"wiremock": "#d9822b", "nginx": "#2b83d9", "bare": "#7a7a7a", "stub": "#2ca25f"}
    width, row, left = 900, 26, 170
    height = 80 + len(names) * row * 2 + 120
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">'
           % (width, height * 2), '<rect width="100%" height="100%" fill="white"/>']

    def panel(top, title, series, value, scale_max, unit, reference=None):
        out.append('<text x="10" y="%d" font-size="15" font-weight="bold">%s</text>' % (top + 20, title))
        plot = width - left - 60
        for i, name in enumerate(names):
            y = top + 40 + i * row * 2
            out.append('<text x="10" y="%d">%s</text>' % (y + row - 8, name))
            for j, key in enumerate(series):
                v = value(name, key)
                if v is None:
                    continue
                w = max(1, plot * min(v, scale_max) / scale_max)
                yy = y + j * (row * 2 // len(series))
                out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (
                    left, yy, w, row * 2 // len(series) - 2, colors[key]))
                out.append('<text x="%.1f" y="%d" font-size="10">%.2f%s</text>' % (
                    left + w + 4, yy + row * 2 // len(series) - 4, v, unit))
        if reference:
            x = left + plot * reference / scale_max
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black" stroke-dasharray="4 3"/>' % (
                x, top + 32, x, top + 40 + len(names) * row * 2))
            out.append('<text x="%.1f" y="%d" font-size="10">%.1f</text>' % (x + 2, top + 30, reference))
        ly = top + 50 + len(names) * row * 2
        for j, key in enumerate(series):
            out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d">%s</text>' % (
                left + j * 160, ly, colors[key], left + j * 160 + 16, ly + 11,
                ("stub ÷ " + key) if reference else key))

    ratio = lambda n, k: results[n]["stub"]["rps"] / results[n][k]["rps"] if results[n][k]["rps"] else None
    top_ratio = max([ratio(n, k) or 0 for n in names for k in PEERS] + [1.0]) * 1.1
    panel(0, "Throughput: stub ÷ peer (higher is better; dashed: parity)", PEERS, ratio, top_ratio, "×", 1.0)
    p99 = lambda n, k: results[n][k]["p99"]
    top_p99 = max([p99(n, k) or 0 for n in names for k in ("stub",) + PEERS] + [1.0]) * 1.1
    panel(height, "p99 latency (ms, lower is better)", ("stub",) + PEERS, p99, top_p99, " ms")
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
