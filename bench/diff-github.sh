#!/usr/bin/env bash
# hookstub diff on GitHub's REST API document (not a test): installs two @octokit/openapi releases from npm into a
# temporary folder, diffs their generated/api.github.com.json (11 MB of JSON each, recursive schemas) with the packaged
# jar under /usr/bin/time -v, and prints the wall time, the peak resident memory and the changes found by severity.
# Versions: OLD=18.0.0 NEW=19.1.0 by default; set OLD and NEW to compare others. Builds the jar if it is not there.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD="${OLD:-18.0.0}"
NEW="${NEW:-19.1.0}"
[ -f hookstub-cli/target/hookstub.jar ] || mvn -B -q -DskipTests package
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package: time)"; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo '{"name": "hookstub-diff-bench", "private": true}' > "$work/package.json"
echo "installing @octokit/openapi $OLD and $NEW ..."
(cd "$work" && npm install --silent --no-audit --no-fund "old@npm:@octokit/openapi@$OLD" "new@npm:@octokit/openapi@$NEW")
before="$work/node_modules/old/generated/api.github.com.json"
after="$work/node_modules/new/generated/api.github.com.json"
status=0
/usr/bin/time -v -o "$work/time.txt" java -jar hookstub-cli/target/hookstub.jar diff "$before" "$after" --format json \
    > "$work/report.json" || status=$?
[ "$status" = 0 ] || { echo "hookstub diff exited $status"; cat "$work/time.txt"; exit 1; }
echo "hookstub diff, @octokit/openapi $OLD -> $NEW (api.github.com.json, $(du -h "$before" | cut -f1) and $(du -h "$after" | cut -f1))"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time' "$work/time.txt" | sed 's/^\s*/  /'
python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
summary = report["summary"]
print(f"  changes: {summary['changes']} ({summary['error']} error, {summary['warning']} warning, {summary['info']} info)")
rules = {}
for change in report["changes"]:
    rules[change["rule"]] = rules.get(change["rule"], 0) + 1
for rule, count in sorted(rules.items(), key=lambda item: (-item[1], item[0])):
    print(f"    {count:4d}  {rule}")
PY
