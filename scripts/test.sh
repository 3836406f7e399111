#!/usr/bin/env bash
# The test command of the README: the whole suite on SQLite and PostgreSQL (SUYUAN_TEST_ENGINES narrows it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SUYUAN_TEST_ENGINES:-sqlite,postgres}" == *postgres* ]]; then bash scripts/ensure-postgres.sh; fi
# The browser tests (public pages) drive Debian's Chromium; SUYUAN_SKIP_BROWSER=1 leaves them out on purpose.
if [[ "${SUYUAN_SKIP_BROWSER:-}" != "1" ]]; then bash scripts/ensure-chromium.sh; fi
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
# One plain closing line that any CI reads: "N passed, N failed".
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' 2>/dev/null || true
exit $status
