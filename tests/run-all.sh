#!/usr/bin/env bash
# Runs every test of HelplineBot. Installs what the tests need and is missing (Debian's Chromium for the
# browser tests, the npm packages of tests/browser) idempotently and without prompts, then runs the
# whole solution's tests. CI calls this same command (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

# npm ci only when the lock file changed since the last install (a stamp holds its checksum).
if [ -f tests/browser/package-lock.json ]; then
  stamp=tests/browser/node_modules/.installed-lock.sha256
  wanted=$(sha256sum tests/browser/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "== npm ci in tests/browser"
    (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
    echo "$wanted" > "$stamp"
  fi
fi

echo "== dotnet test"
results=$(mktemp -d)
status=0
dotnet test HelplineBot.sln --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain summary line over every test project: "N passed, N failed, N skipped".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None: continue
    p += int(counters.get("passed", 0)); f += int(counters.get("failed", 0)) + int(counters.get("error", 0))
    s += int(counters.get("notExecuted", 0))
print(f"tests: {p} passed, {f} failed, {s} skipped")
PY
exit $status
