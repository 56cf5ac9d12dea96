#!/usr/bin/env bash
# Deadline sweep at scale (issue 17, P2): CLOCKS running clocks (default 1,000,000) written straight into core.DeadlineClocks of a
# Release host on a throwaway PostgreSQL cluster, OVERDUE of them (default 10,000) due an hour ago — each owes its 催办 — and the
# rest due in 200 days. The host's own recurring sweep (Hangfire, every minute) records them; its duration comes from its log line.
# That first sweep of a fresh host (cold: its code in the JIT's first tiers, EF's queries compiled for the first time) is printed, and
# then a second storm is timed (warm): OVERDUE more of the million, due in 100 days until the first storm is told, are then made due
# an hour ago, and the host's next sweep records them, as a deployed host that sweeps every minute would. Each storm has its own
# baseline, run just before its sweep on the same data (the warm one after the first storm's steps are recorded, as the sweep finds
# them). P2 is judged on the warm sweep (README, "Deadline sweep at scale").
# Baseline in the same run, on the same data before the sweep: one hand-written set-based INSERT of the same step rows
# (`INSERT … SELECT … FROM DeadlineClocks WHERE due … ON CONFLICT DO NOTHING`, committed, then deleted again), timed by psql. Then checks that each
# overdue clock got exactly one step, that a later sweep adds none, and prints the figures with the ratio as a Markdown table.
# Since the notices are written after the sweep (by the notice job, from the recorded steps) it also waits for them, checks that each
# overdue clock's 催办 was told once, and prints the notice job's own line; a HOST_DIR build from before writes them in the sweep.
# Env: CLOCKS (1000000), OVERDUE (10000), RESULTS (a file: the figure is appended for etc/bench/all.sh, see bench_result), HOST_DIR (another build's host/Mediation.Host, e.g. the "before" of a change), HOST_SETTINGS (NAME=value … added to the host's environment, e.g. DOTNET_gcServer=0), TRACE_DIR (if set, a dotnet-trace thread-time profile of the host from the warm baseline until
# the sweep's log line goes there, sweep.nettrace).
set -euo pipefail
cd "$(dirname "$0")/../.."
source etc/lib/install.sh
source etc/lib/bench.sh

require_dotnet
ensure_packages curl postgresql fonts-wqy-microhei

clocks="${CLOCKS:-1000000}"
overdue="${OVERDUE:-10000}"
password="Bench-Pass-2026"
work="$(mktemp -d /tmp/mediation-sweepbench.XXXXXX)"
chmod 755 "$work"
pids=()
trap bench_cleanup EXIT
log="$work/host.log"

build_release host/Mediation.Host

echo "==> PostgreSQL and the host with the demo seed"
start_postgres
start_host PostgreSql "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=mediation" "$log" \
  Logging__LogLevel__Mediation.Web.Deadlines=Information ${HOST_SETTINGS:-}

# Every unit of the city in turn owns the clocks; RecordType 'Petition' with ids no petition has (the notices then name
# "你单位办理的事项"). One transaction, so a sweep sees all of them or none.
echo "==> $clocks clocks, $overdue of them overdue, $overdue more due in 100 days (the warm storm's)"
fill_seconds="$(seconds psql_mediation <<SQL
CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY "Path") - 1 AS i, "Id" FROM core."OrgUnits"
  WHERE "Path" LIKE (SELECT "Path" FROM core."OrgUnits" WHERE "Code" = '370900') || '%';
BEGIN;
INSERT INTO core."DeadlineClocks" ("Id", "ConcurrencyStamp", "DueAt", "DueDate", "ExtensionDays", "OrgUnitId", "PausedAt", "PolicyName",
  "Provisional", "RecordId", "RecordType", "StartedAt", "Status", "StoppedAt")
SELECT gen_random_uuid(), 'bench', d, (d AT TIME ZONE 'Asia/Shanghai')::date, 0, u."Id", NULL, 'petition.acceptance-notice',
  false, gen_random_uuid(), 'Petition', d - interval '15 days', 'Running', NULL
FROM (SELECT n, CASE WHEN n <= $overdue THEN now() - interval '1 hour' WHEN n <= 2 * $overdue THEN now() + interval '100 days'
          ELSE now() + interval '200 days' END AS d,
        n % (SELECT count(*) FROM u) AS ui FROM generate_series(1, $clocks) n) s
JOIN u ON u.i = s.ui;
COMMIT;
-- Vacuumed too, not only analyzed: an autovacuum of the million new rows would otherwise start within the minute, beside the
-- baseline or the sweep, and take its share of the two cores from one of them.
VACUUM ANALYZE core."DeadlineClocks";
SQL
)"

# CPU time (clock ticks) of this cluster's processes: the postmaster, its live backends and workers, and those that exited.
pg_cpu() {
  local postmaster; postmaster="$(head -1 "$pg_data/postmaster.pid")"
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{ t += $1 } END { print t }'
}
ticks_ms() { awk -v d="$1" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%d", d * 1000 / t }'; }

# The least work that records each due step once: the same rows, one statement, through the same index, committed as the sweep
# commits (same cluster, same synchronous_commit). Its rows carry a RecordedAt no sweep writes and are deleted again (and the
# table vacuumed) before the sweep runs, so the sweep finds the same table the baseline found.
# PostgreSQL's CPU over the baseline (its session's start included, a few milliseconds) is the CPU floor the sweep is held to.
# Fails unless it inserted exactly $overdue rows (a sweep that came first would leave it less to do).
baseline() {
  local out
  out="$(psql_mediation <<SQL
\timing on
BEGIN;
INSERT INTO core."DeadlineSteps" ("Id", "ClockId", "Step", "Kind", "DueInstant", "RecordedAt", "SupervisorOrgUnitId")
SELECT gen_random_uuid(), c."Id", 'escalation:Urge', 'Urge', c."DueAt", timestamptz '2000-01-01 00:00Z', NULL
FROM core."DeadlineClocks" c WHERE c."Status" = 'Running' AND c."DueAt" <= now()
ON CONFLICT DO NOTHING;
COMMIT;
SQL
)"
  echo "$out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{ t += $1 } END { printf "%.1f", t }'
  local inserted; inserted="$(psql_mediation <<SQL
SELECT count(*) FROM core."DeadlineSteps" WHERE "RecordedAt" = timestamptz '2000-01-01 00:00Z';
DELETE FROM core."DeadlineSteps" WHERE "RecordedAt" = timestamptz '2000-01-01 00:00Z';
SQL
)"
  # (The demo's own overdue clocks add a few rows to both the baseline's and the sweep's.)
  [ "$inserted" -ge "$overdue" ] || { echo "The baseline inserted $inserted rows, expected $overdue or more: a sweep came first" >&2; exit 1; }
  psql_mediation >/dev/null <<SQL
VACUUM ANALYZE core."DeadlineSteps";
SQL
}
pg_before="$(pg_cpu)"
baseline_ms="$(baseline)"
baseline_pg_ms="$(ticks_ms $(( $(pg_cpu) - pg_before )))"

# The nth sweep that recorded at least $overdue steps (the demo's own clocks escalate too, a few steps a sweep): its log line.
await_sweep() { # n
  line=""
  for _ in $(seq 1 600); do
    line="$(grep -a "Deadline sweep recorded" "$log" | awk -v n="$overdue" '{ for (i = 1; i <= NF; i++) if ($i == "recorded" && $(i+1) + 0 >= n) print }' | sed -n "$1p" || true)"
    [ -n "$line" ] && return 0
    sleep 1
  done
  echo "No sweep recorded the $overdue steps of storm $1; log: $log" >&2; tail -50 "$log" >&2; exit 1
}
# The notices: each overdue clock's 催办 told once (one source key). Only the bench's clocks count, by the clock id that begins the
# source key. Waits until the notice job (right after the sweep) has told $1 clocks.
told_sql="SELECT count(DISTINCT n.\"SourceKey\") || '|' || count(*) FROM core.\"Notices\" n JOIN core.\"DeadlineClocks\" c
  ON left(n.\"SourceKey\", 32) = replace(c.\"Id\"::text, '-', '') WHERE c.\"ConcurrencyStamp\" = 'bench' AND n.\"Template\" = 'deadline-escalation'"
await_told() { # clocks
  for _ in $(seq 1 600); do
    told="$(psql_mediation -c "$told_sql")"
    [ "${told%|*}" -ge "$1" ] && break
    sleep 1
  done
  [ "${told%|*}" = "$1" ] || { echo "Expected notices for $1 steps, found them for ${told%|*}" >&2; exit 1; }
}
host_cpu() { awk '{ print $14 + $15 }' "/proc/$host_pid/stat"; } # user + system, clock ticks
bench_steps_sql="SELECT count(*), count(DISTINCT s.\"ClockId\") FROM core.\"DeadlineSteps\" s JOIN core.\"DeadlineClocks\" c ON c.\"Id\" = s.\"ClockId\" WHERE c.\"ConcurrencyStamp\" = 'bench'"

echo "==> Waiting for the host's first sweep (every minute): the cold storm"
# The host's CPU time from here to the sweep's log line: the sweep's own work and the host's idle background work of the wait
# (under a minute), steadier than wall time on a shared machine.
cpu_before="$(host_cpu)"
pg_before="$(pg_cpu)"
await_sweep 1
cpu_ms="$(ticks_ms $(( $(host_cpu) - cpu_before )))"
pg_ms="$(ticks_ms $(( $(pg_cpu) - pg_before )))"
sweep_ms="$(echo "$line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')"
recorded="$(echo "$line" | sed -n 's/.*recorded \([0-9]*\) .*/\1/p')"
breakdown="$(echo "$line" | sed -n 's/.* ms (\(.*\))$/\1/p')"
echo "==> Waiting for the notices of the $overdue steps"
await_told "$overdue"
cold_told="$told"
notice_cpu_ms="$(ticks_ms $(( $(host_cpu) - cpu_before )))"
notice_pg_ms="$(ticks_ms $(( $(pg_cpu) - pg_before )))"
notice_line="$(grep -a "Deadline notices written" "$log" | tail -1 || true)"
[ "$(psql_mediation -c "$bench_steps_sql")" = "$overdue|$overdue" ] \
  || { echo "Expected $overdue steps on $overdue clocks, found $(psql_mediation -c "$bench_steps_sql")" >&2; exit 1; }

# The warm storm, right after the cold one is told (the next minute's sweep is still seconds away; the baseline fails if a sweep
# came first): the second $overdue clocks become due an hour ago, then its baseline runs over the same table the sweep will find,
# the first storm's steps in it.
echo "==> The warm storm: $overdue more clocks due an hour ago, its baseline, then the host's next sweep"
psql_mediation >/dev/null <<SQL
UPDATE core."DeadlineClocks" SET "DueAt" = now() - interval '1 hour', "DueDate" = ((now() - interval '1 hour') AT TIME ZONE 'Asia/Shanghai')::date
WHERE "ConcurrencyStamp" = 'bench' AND "DueAt" BETWEEN now() + interval '99 days' AND now() + interval '101 days';
VACUUM ANALYZE core."DeadlineClocks";
SQL
warm_baseline_ms="$(baseline)"
if [ -n "${TRACE_DIR:-}" ]; then # what the host's threads do during the warm sweep (and the idle seconds before it)
  mkdir -p "$TRACE_DIR"
  # For a fixed time: a job of this script runs with SIGINT ignored, so Ctrl+C's signal could not stop it. The sweep starts within
  # the minute and takes seconds.
  ~/.dotnet/tools/dotnet-trace collect -p "$host_pid" --profile dotnet-sampled-thread-time --duration 00:00:01:40 \
    -o "$TRACE_DIR/sweep.nettrace" >"$work/trace.log" 2>&1 </dev/null &
  trace_pid=$!; pids+=("$trace_pid")
fi
warm_cpu_before="$(host_cpu)"
warm_pg_before="$(pg_cpu)"
await_sweep 2
warm_cpu_ms="$(ticks_ms $(( $(host_cpu) - warm_cpu_before )))"
warm_pg_ms="$(ticks_ms $(( $(pg_cpu) - warm_pg_before )))"
warm_sweep_ms="$(echo "$line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')"
warm_recorded="$(echo "$line" | sed -n 's/.*recorded \([0-9]*\) .*/\1/p')"
warm_breakdown="$(echo "$line" | sed -n 's/.* ms (\(.*\))$/\1/p')"
await_told $(( 2 * overdue ))
warm_notice_line="$(grep -a "Deadline notices written" "$log" | tail -1 || true)"
steps="$(psql_mediation -c "$bench_steps_sql")"
[ "$steps" = "$(( 2 * overdue ))|$(( 2 * overdue ))" ] || { echo "Expected $(( 2 * overdue )) steps on as many clocks, found $steps" >&2; exit 1; }

# What the sweeps wrote, row by row as PostgreSQL stores it (pg_column_size of the whole row): the gap to the baseline is this volume.
volume="$(psql_mediation <<'SQL'
SELECT format('%s step rows %s MB, %s notice rows %s MB, %s notice audit rows %s MB (details %s bytes each on average)',
  s.n, s.mb, n.n, n.mb, a.n, a.mb, a.details)
FROM (SELECT count(*) n, round(sum(pg_column_size(x.*)) / 1e6, 1) mb FROM core."DeadlineSteps" x) s,
     (SELECT count(*) n, round(sum(pg_column_size(x.*)) / 1e6, 1) mb FROM core."Notices" x WHERE "Template" = 'deadline-escalation') n,
     (SELECT count(*) n, round(sum(pg_column_size(x.*)) / 1e6, 1) mb, round(avg(octet_length("Details"))) details
        FROM core."AuditEntries" x WHERE "EntityType" = 'Notice' AND "EntityId" IN
          (SELECT "Id"::text FROM core."Notices" WHERE "Template" = 'deadline-escalation')) a;
SQL
)"
if [ -n "${trace_pid:-}" ]; then wait "$trace_pid" 2>/dev/null || true; fi
echo "==> Waiting a minute: the next sweep must record nothing more"
sleep 65
again="$(psql_mediation -c "$bench_steps_sql")"
[ "$again" = "$steps" ] || { echo "A later sweep changed the steps: $steps -> $again" >&2; exit 1; }
told_again="$(psql_mediation -c "$told_sql")"
[ "$told_again" = "$told" ] || { echo "A later run changed the notices (steps|notices): $told -> $told_again" >&2; exit 1; }

ratio() { awk -v t="$1" -v b="$2" 'BEGIN { printf "%.1f", t / b }'; }
echo
echo "Deadline sweep over $clocks running clocks, $overdue newly overdue, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD)${HOST_DIR:+, host from $HOST_DIR}${HOST_SETTINGS:+, host with $HOST_SETTINGS};" \
  "filled in $fill_seconds s"
echo
echo "| work | ms | baseline: one set-based INSERT of the same steps (ms) | ratio |"
echo "|---|---|---|---|"
echo "| cold: a fresh host's first sweep, $recorded steps recorded (the bench's clocks' $overdue told in ${cold_told#*|} escalation notices), each overdue clock once | $sweep_ms | $baseline_ms | $(ratio "$sweep_ms" "$baseline_ms") |"
echo "| **warm**: its next storm's sweep, $warm_recorded steps recorded, $overdue more clocks each once (the first storm's $overdue already recorded) | $warm_sweep_ms | $warm_baseline_ms | $(ratio "$warm_sweep_ms" "$warm_baseline_ms") |"
echo
[ -z "$breakdown" ] || echo "The cold sweep's own account: $breakdown"
[ -z "$warm_breakdown" ] || echo "The warm sweep's own account: $warm_breakdown"
echo "CPU from the baseline to the sweep's log line (the wait for the minute included): cold host $cpu_ms ms, PostgreSQL $pg_ms ms;" \
  "warm host $warm_cpu_ms ms, PostgreSQL $warm_pg_ms ms; PostgreSQL's over the cold baseline: $baseline_pg_ms ms"
echo "Until every notice of the cold storm was written (the sweep's and the notice job's work): host $notice_cpu_ms ms, PostgreSQL $notice_pg_ms ms"
[ -z "$notice_line" ] || echo "The notice job's own account, cold storm: ${notice_line#*Deadline notices written}"
[ -z "$warm_notice_line" ] || echo "The notice job's own account, warm storm: ${warm_notice_line#*Deadline notices written}"
echo "Written by both storms: $volume"
# P2's goal: at 1,000,000 clocks with 10,000 newly overdue, one sweep within 2× the set-based statement and within 1 s; judged on the
# warm sweep (a deployed host sweeps every minute), the cold one beside it.
bench_result "P2 deadline sweep" "$warm_sweep_ms ms for $warm_recorded steps, each overdue clock once (warm; a fresh host's first sweep $sweep_ms ms, $(ratio "$sweep_ms" "$baseline_ms")×)" \
  "$warm_baseline_ms ms (one set-based INSERT; $baseline_ms ms before the first)" \
  "$(ratio "$warm_sweep_ms" "$warm_baseline_ms")×" "≤ 2× the set-based statement and ≤ 1 s at 1,000,000 clocks, 10,000 overdue" \
  "$(bench_met "$warm_sweep_ms <= 2 * $warm_baseline_ms && $warm_sweep_ms <= 1000" \
    "$(bench_below_scale "$clocks" 1000000 clocks "$overdue" 10000 'overdue clocks')")"
