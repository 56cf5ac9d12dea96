#!/usr/bin/env bash
# Issue 18 R5 soak: the malformed-input test (tests/Mediation.Tests/Hostile/MalformedInput_Tests.cs) with N generated requests
# per provider (default 10,000; capped at the requests generated, ~9,000) instead of the 1,000 that etc/test.sh sends; prints the requests sent, the statuses and the failures.
# Usage: etc/soak.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export MEDIATION_SOAK_REQUESTS="${1:-10000}"
dotnet build Mediation.sln -c Release -nologo -v quiet
dotnet test tests/Mediation.Tests/Mediation.Tests.csproj -c Release --no-build -nologo \
  --filter "FullyQualifiedName~MalformedInput_Tests" --logger "console;verbosity=detailed" | tee /tmp/mediation-soak.log \
  | grep -E "generated requests|Passed|Failed|Total" || true
grep -qE "Failed: +0," /tmp/mediation-soak.log || grep -q "Test Run Successful" /tmp/mediation-soak.log
