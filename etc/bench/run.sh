#!/usr/bin/env bash
# Intake benchmark (issue 17, P1): POST /api/petitions on the Release host with the demo seed, signed in as
# demo.petitionofficer, against a bare endpoint doing one raw INSERT (etc/bench/Baseline) on the same
# database and durability setting, in the same run; on SQLite and on a throwaway PostgreSQL cluster.
# Prints requests/s, p50, p99, timeouts and the server's CPU per request (user + system over the measured run, from /proc)
# for both and the ratios, and on PostgreSQL the database's own CPU per request, as a Markdown table for the README.
# Env: DURATION (s, default 15), WARMUP (s, 30: a shorter one measures the JIT of a fresh host more than its steady state), CONNECTIONS (32), THREADS (2), SYNCHRONOUS (SQLite: NORMAL or FULL),
#      DATABASES ("sqlite postgresql"), TRACE_DIR (if set, a dotnet-trace thread-time profile of the host during each measured
#      run goes there: the profile costs the host CPU, so take the figures of such a run as a profile's, not a measurement's),
#      HOST_DIR (another build's host/Mediation.Host to run, e.g. the "before" of a change),
#      RESULTS (a file: each database's figure is appended for etc/bench/all.sh, see bench_result).
set -euo pipefail
cd "$(dirname "$0")/../.."
source etc/lib/install.sh
source etc/lib/bench.sh

require_dotnet
ensure_packages wrk curl jq postgresql fonts-wqy-microhei

duration="${DURATION:-15}"
warmup="${WARMUP:-30}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
synchronous="${SYNCHRONOUS:-NORMAL}"
databases="${DATABASES:-sqlite postgresql}"
password="Bench-Pass-2026"
work="$(mktemp -d /tmp/mediation-bench.XXXXXX)"
chmod 755 "$work"
pids=()

trap bench_cleanup EXIT


# wrk with the Lua script; prints "rps p50 p99 timeouts non2xx cpu_ms" of the measured run, cpu_ms being the server's CPU per
# request (user + system, background work included): on a shared machine the figure that moves least with the others' load.
load() { # url, path, token, server pid
  TOKEN="$3" BENCH_PATH="$2" wrk -t"$threads" -c"$connections" -d"${warmup}s" -s etc/bench/petitions.lua "$1" >/dev/null
  local out cpu_before cpu_after requests
  if [ -n "${TRACE_DIR:-}" ] && [ "$2" = /api/petitions ]; then
    mkdir -p "$TRACE_DIR"
    ~/.dotnet/tools/dotnet-trace collect -p "$4" --profile dotnet-sampled-thread-time --duration 00:00:00:$(( duration - 2 )) \
      -o "$TRACE_DIR/petitions-$database.nettrace" >/dev/null 2>&1 &
  fi
  cpu_before="$(cpu_seconds "$4")"; db_before="$(database_cpu_seconds)"
  out="$(TOKEN="$3" BENCH_PATH="$2" wrk -t"$threads" -c"$connections" -d"${duration}s" -s etc/bench/petitions.lua "$1")"
  cpu_after="$(cpu_seconds "$4")"; db_after="$(database_cpu_seconds)"
  requests="$(echo "$out" | sed -n 's/^RESULT.* requests=\([0-9]*\).*/\1/p')"
  echo "$(echo "$out" | sed -n 's/^RESULT rps=\([0-9.]*\) p50=\([0-9.]*\) p99=\([0-9.]*\) requests=[0-9]* timeouts=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2 \3 \4 \5/p')" \
    "$(awk -v b="$cpu_before" -v a="$cpu_after" -v n="$requests" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * (a - b) / n : 0) }')" \
    "$(awk -v b="$db_before" -v a="$db_after" -v n="$requests" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * (a - b) / n : 0) }')"
}

# PostgreSQL's CPU seconds so far (0 on SQLite): the postmaster with the backends it has reaped (cutime + cstime) and those still
# running — on two cores the database's backends take as much CPU per registration as the host (issue 17).
database_cpu_seconds() {
  if [ -z "${pg_data:-}" ] || [ ! -f "$pg_data/postmaster.pid" ]; then echo 0; return; fi
  local postmaster; postmaster="$(head -1 "$pg_data/postmaster.pid")"
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    for child in $(ps -o pid= --ppid "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null; done
  } | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f", s / hz }'
}

build_release host/Mediation.Host
build_release etc/bench/Baseline
baseline_dll="$PWD/etc/bench/Baseline/bin/Release/net10.0/Bench.Baseline.dll"

start_postgres() {
  local port; port="$(free_port)"
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"; chmod 755 "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  # Durability: fsync on, synchronous_commit off — a crash loses at most the last commits, never consistency
  # (the counterpart of SQLite's WAL + synchronous=NORMAL).
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -o \
    "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=300" start >/dev/null
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres mediation
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres baseline
  pg_port="$port"
}

database_cpu_cell() { if [ "$1" = postgresql ]; then echo "$2 ms"; else echo "—"; fi; }

declare -A results
for database in $databases; do
  case "$database" in
    sqlite)
      host_provider=Sqlite; host_cs="Data Source=$work/sqlite/mediation.db"
      base_provider=Sqlite; base_cs="Data Source=$work/sqlite/baseline.db"
      mkdir -p "$work/sqlite" ;;
    postgresql)
      start_postgres
      host_provider=PostgreSql; host_cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=mediation"
      base_provider=PostgreSql; base_cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=baseline" ;;
    *) echo "Unknown database $database" >&2; exit 1 ;;
  esac

  echo "==> $database: baseline (one raw INSERT per request)"
  port="$(free_port)"
  ASPNETCORE_URLS="http://127.0.0.1:$port" Provider="$base_provider" ConnectionString="$base_cs" Synchronous="$synchronous" \
    dotnet "$baseline_dll" >"$work/baseline-$database.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_for "http://127.0.0.1:$port/health" 60
  results["$database-baseline"]="$(load "http://127.0.0.1:$port" /items "" "$pid")"
  stop "$pid"

  echo "==> $database: host, POST /api/petitions as demo.petitionofficer"
  port="$(free_port)"
  (cd "${HOST_DIR:-host/Mediation.Host}" && ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider="$host_provider" ConnectionStrings__Default="$host_cs" Database__SqliteSynchronous="$synchronous" \
    Demo__Enabled=true Demo__Password="$password" Logging__LogLevel__Default=Warning \
    PersonalData__KeyFile="$work/keys-$database.json" DataProtection__KeysPath="$work/dp-$database" \
    exec dotnet bin/Release/net10.0/Mediation.Host.dll >"$work/host-$database.log" 2>&1) &
  pid=$!; pids+=("$pid")
  wait_for "http://127.0.0.1:$port/health/ready" 180
  token="$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"userName\":\"demo.petitionofficer\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/token" | jq -r .accessToken)"
  status="$(TOKEN="$token" BENCH_PATH=/api/petitions wrk -t1 -c1 -d1s -s etc/bench/petitions.lua "http://127.0.0.1:$port" | sed -n 's/.*non2xx=\([0-9]*\).*/\1/p')"
  if [ "$status" != "0" ]; then echo "POST /api/petitions answers errors; see $work/host-$database.log" >&2; tail -20 "$work/host-$database.log" >&2; exit 1; fi
  results["$database-host"]="$(load "http://127.0.0.1:$port" /api/petitions "$token" "$pid")"
  stop "$pid"
  if [ "$database" = postgresql ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null; pg_data=""; fi
done

load_average="$(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Intake, wrk -t$threads -c$connections, ${warmup} s warm-up + ${duration} s, $(nproc) cores, load average $load_average, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD)"
echo "SQLite: WAL + synchronous=$synchronous on both sides. PostgreSQL $(basename "$(dirname "$pg_bin")"): fsync=on, synchronous_commit=off on both sides."
echo
echo "| database | endpoint | requests/s | p50 | p99 | timeouts | errors | share of the ceiling | server CPU per request | CPU ratio | PostgreSQL CPU per request |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for database in $databases; do
  read -r b_rps b_p50 b_p99 b_to b_err b_cpu b_db <<<"${results[$database-baseline]}"
  read -r h_rps h_p50 h_p99 h_to h_err h_cpu h_db <<<"${results[$database-host]}"
  ratio="$(awk -v h="$h_rps" -v b="$b_rps" 'BEGIN { printf "%.1f%%", 100 * h / b }')"
  cpu_ratio="$(awk -v h="$h_cpu" -v b="$b_cpu" 'BEGIN { printf "%.1f×", (b > 0 ? h / b : 0) }')"
  echo "| $database | bare endpoint + one raw INSERT (the ceiling) | $b_rps | $b_p50 ms | $b_p99 ms | $b_to | $b_err | 100% | $b_cpu ms | 1× | $(database_cpu_cell "$database" "$b_db") |"
  echo "| $database | \`POST /api/petitions\` | **$h_rps** | $h_p50 ms | $h_p99 ms | $h_to | $h_err | **$ratio** | $h_cpu ms | $cpu_ratio | $(database_cpu_cell "$database" "$h_db") |"
  # P1's goal: ≥ 2,000 requests/s and p99 ≤ 50 ms at 32 connections on both databases; on SQLite also ≥ 25% of the ceiling.
  goal="≥ 2,000 requests/s, p99 ≤ 50 ms at 32 connections"
  condition="$h_rps >= 2000 && $h_p99 <= 50"
  if [ "$database" = sqlite ]; then goal="$goal, ≥ 25% of the ceiling"; condition="$condition && $h_rps >= 0.25 * $b_rps"; fi
  off_goal=""; [ "$connections" = 32 ] || off_goal="$connections connections"
  bench_result "P1 intake, $(database_title "$database")" "$h_rps requests/s, p99 $h_p99 ms, $h_cpu ms CPU each" \
    "$b_rps requests/s (one raw INSERT)" "$ratio of the ceiling" "$goal" "$(bench_met "$condition" "$off_goal")"
done
