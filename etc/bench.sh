#!/usr/bin/env bash
# Document benchmarks (BenchmarkDotNet, in-process): 2-page agreement, 6-page report with charts,
# and a bare PDFsharp page as baseline. `etc/bench.sh --quick` runs a short job.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/Mediation.Benchmarks -- "$@"
