#!/usr/bin/env bash
# Runs every test: unit, architecture, HTTP integration on SQLite and on a PostgreSQL cluster the
# tests start themselves, and browser tests in Debian's Chromium.
# Installs what a fresh Debian/Ubuntu machine lacks: postgresql, chromium, the CJK font, Node.js for the OpenAPI linter.
set -euo pipefail
cd "$(dirname "$0")/.."
source etc/lib/install.sh

require_dotnet
ensure_packages postgresql chromium fonts-wqy-microhei nodejs sqlite3

echo "==> OpenAPI linter (Redocly CLI, pinned in etc/openapi/package-lock.json; OpenApiContract_Tests runs it)"
command -v npm >/dev/null 2>&1 || ensure_packages npm
npm ci --prefix etc/openapi --no-audit --no-fund --silent
echo "==> Building"
dotnet build Mediation.sln -c Release -nologo -v quiet
echo "==> Testing"
rm -rf TestResults
status=0
dotnet test Mediation.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFilePrefix=run" --results-directory TestResults "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "==> Failed tests (repeated at the end, where a truncated CI log still shows them)"
  etc/lib/failed-tests.sh TestResults/*.trx || true
fi
exit "$status"
