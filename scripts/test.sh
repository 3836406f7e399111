#!/usr/bin/env bash
# The test command of the README: the whole suite on SQLite and PostgreSQL (SUYUAN_TEST_ENGINES narrows it), then
# the browser tests of the public pages (Playwright driving Debian's Chromium; SUYUAN_SKIP_BROWSER=1 leaves them out).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SUYUAN_TEST_ENGINES:-sqlite,postgres}" == *postgres* ]]; then bash scripts/ensure-postgres.sh; fi
browser=1
if [[ "${SUYUAN_SKIP_BROWSER:-}" == "1" || $# -gt 0 ]]; then browser=0; fi
if [[ $browser == 1 ]]; then bash scripts/ensure-chromium.sh; fi
mkdir -p test-results
rm -f test-results/vitest.json test-results/vitest-e2e.json
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
if [[ $browser == 1 ]]; then
  SUYUAN_TEST_ENGINES=sqlite npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json \
    --outputFile.json=test-results/vitest-e2e.json || status=$?
fi
# One plain closing line that any CI reads: "N passed, N failed".
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["test-results/vitest.json", "test-results/vitest-e2e.json"]) {
    if (!fs.existsSync(f)) continue;
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' 2>/dev/null || true
exit $status
