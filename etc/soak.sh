#!/usr/bin/env bash
# Issue 18 soak, per provider (SQLite and PostgreSQL):
# R5 the malformed-input test (tests/Mediation.Tests/Hostile/MalformedInput_Tests.cs) with N generated bodies (default 10,000)
#    instead of the 1,000 that etc/test.sh sends, and every generated query string (up to N; etc/test.sh: 400);
# R2 the crash test (Hostile/CrashSafety_Tests.cs) with KILLS SIGKILLs of the host during the intake load (default 5; etc/test.sh: 1);
# R4 three hosts on one PostgreSQL through a deadline storm (Hostile/SeveralHosts_Tests.cs) for STORM seconds (default 600; etc/test.sh: 60);
# and as in etc/test.sh: R3 restarts with pending deadlines (Hostile/RestartWithDeadlines_Tests.cs) and the wrong content types, uploads
# and path tricks (Hostile/HostileTransport_Tests.cs).
# Prints the requests sent, the statuses, the kills and the failures.
# Usage: etc/soak.sh [N] [KILLS] [STORM]
set -euo pipefail
cd "$(dirname "$0")/.."
export MEDIATION_SOAK_REQUESTS="${1:-10000}"
export MEDIATION_SOAK_KILLS="${2:-5}"
export MEDIATION_SOAK_STORM_SECONDS="${3:-600}"
dotnet build Mediation.sln -c Release -nologo -v quiet
dotnet test tests/Mediation.Tests/Mediation.Tests.csproj -c Release --no-build -nologo \
  --filter "FullyQualifiedName~MalformedInput_Tests|FullyQualifiedName~CrashSafety_Tests|FullyQualifiedName~SeveralHosts_Tests|FullyQualifiedName~RestartWithDeadlines_Tests|FullyQualifiedName~HostileTransport_Tests" --logger "console;verbosity=detailed" | tee /tmp/mediation-soak.log \
  | grep -E "generated requests|generated query strings|GET operations|kills:|sweeps recorded|storm clocks|told once|content types|upload endpoints|tricks;|Passed|Failed|Total" || true
grep -qE "Failed: +0," /tmp/mediation-soak.log || grep -q "Test Run Successful" /tmp/mediation-soak.log
