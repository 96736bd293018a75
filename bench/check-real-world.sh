#!/usr/bin/env bash
# A benchmark (not a test) of `hookstub check` on a document nobody here wrote: GitHub's REST API (@octokit/openapi,
# 1,223 operations), mocked by Stoplight Prism 5.16. Installs both from the npm registry into target/bench/real-world
# on the first run, builds the jar if missing, then runs bench/check_real_world.py, which prints wall time, peak
# resident memory, requests sent, results by kind, and how many requests the engine called valid that Prism's own
# request validator refused (grouped by Prism's reason). Options: --jar PATH (another build's hookstub.jar, to compare),
# --seed N, --cases N, --document PATH (another document; its operations all run), --keep (leave the reports).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f hookstub-cli/target/hookstub.jar ] || mvn -B -q -DskipTests package
folder=target/bench/real-world
mkdir -p "$folder"
if [ ! -f "$folder/node_modules/@octokit/openapi/package.json" ] || [ ! -x "$folder/node_modules/.bin/prism" ]; then
  echo "installing @stoplight/prism-cli@5.16.0 and @octokit/openapi@23.0.2 into $folder ..."
  (cd "$folder" && { [ -f package.json ] || echo '{"private": true}' > package.json; } \
     && npm install --no-audit --no-fund --silent @stoplight/prism-cli@5.16.0 @octokit/openapi@23.0.2)
fi
exec python3 bench/check_real_world.py --folder "$folder" "$@"
