#!/usr/bin/env bash
# Deadline sweep at scale (issue 17, P2): CLOCKS running clocks (default 1,000,000) written straight into core.DeadlineClocks of a
# Release host on a throwaway PostgreSQL cluster, OVERDUE of them (default 10,000) due an hour ago — each owes its 催办 — and the
# rest due in 200 days. The host's own recurring sweep (Hangfire, every minute) records them; its duration comes from its log line.
# Baseline in the same run, on the same data before the sweep: one hand-written set-based INSERT of the same step rows
# (`INSERT … SELECT … FROM DeadlineClocks WHERE due … ON CONFLICT DO NOTHING`, committed, then deleted again), timed by psql. Then checks that each
# overdue clock got exactly one step, that a later sweep adds none, and prints the figures with the ratio as a Markdown table.
# Since the notices are written after the sweep (by the notice job, from the recorded steps) it also waits for them, checks that each
# overdue clock's 催办 was told once, and prints the notice job's own line; a HOST_DIR build from before writes them in the sweep.
# Env: CLOCKS (1000000), OVERDUE (10000), RESULTS (a file: the figure is appended for etc/bench/all.sh, see bench_result), HOST_DIR (another build's host/Mediation.Host, e.g. the "before" of a change), HOST_SETTINGS (NAME=value … added to the host's environment, e.g. DOTNET_gcServer=0), TRACE_DIR (if set, a dotnet-trace thread-time profile of the host from the baseline until
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
echo "==> $clocks clocks, $overdue of them overdue"
fill_seconds="$(seconds psql_mediation <<SQL
CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY "Path") - 1 AS i, "Id" FROM core."OrgUnits"
  WHERE "Path" LIKE (SELECT "Path" FROM core."OrgUnits" WHERE "Code" = '370900') || '%';
BEGIN;
INSERT INTO core."DeadlineClocks" ("Id", "ConcurrencyStamp", "DueAt", "DueDate", "ExtensionDays", "OrgUnitId", "PausedAt", "PolicyName",
  "Provisional", "RecordId", "RecordType", "StartedAt", "Status", "StoppedAt")
SELECT gen_random_uuid(), 'bench', d, (d AT TIME ZONE 'Asia/Shanghai')::date, 0, u."Id", NULL, 'petition.acceptance-notice',
  false, gen_random_uuid(), 'Petition', d - interval '15 days', 'Running', NULL
FROM (SELECT n, CASE WHEN n <= $overdue THEN now() - interval '1 hour' ELSE now() + interval '200 days' END AS d,
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
pg_before="$(pg_cpu)"
baseline_ms="$(psql_mediation <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{ t += $1 } END { printf "%.1f", t }'
\timing on
BEGIN;
INSERT INTO core."DeadlineSteps" ("Id", "ClockId", "Step", "Kind", "DueInstant", "RecordedAt", "SupervisorOrgUnitId")
SELECT gen_random_uuid(), c."Id", 'escalation:Urge', 'Urge', c."DueAt", timestamptz '2000-01-01 00:00Z', NULL
FROM core."DeadlineClocks" c WHERE c."Status" = 'Running' AND c."DueAt" <= now()
ON CONFLICT DO NOTHING;
COMMIT;
SQL
)"
baseline_pg_ms="$(ticks_ms $(( $(pg_cpu) - pg_before )))"
psql_mediation <<SQL
DELETE FROM core."DeadlineSteps" WHERE "RecordedAt" = timestamptz '2000-01-01 00:00Z';
VACUUM ANALYZE core."DeadlineSteps";
SQL

if [ -n "${TRACE_DIR:-}" ]; then # what the host's threads do during the sweep (and the idle seconds before it)
  mkdir -p "$TRACE_DIR"
  # For a fixed time: a job of this script runs with SIGINT ignored, so Ctrl+C's signal could not stop it. The sweep starts within
  # the minute and takes seconds.
  ~/.dotnet/tools/dotnet-trace collect -p "$host_pid" --profile dotnet-sampled-thread-time --duration 00:00:01:40 \
    -o "$TRACE_DIR/sweep.nettrace" >"$work/trace.log" 2>&1 </dev/null &
  trace_pid=$!; pids+=("$trace_pid")
fi
echo "==> Waiting for the host's sweep (every minute)"
# The host's CPU time (user + system, clock ticks) from here to the sweep's log line: the sweep's own work and the host's idle
# background work of the wait (under a minute), steadier than wall time on a shared machine.
cpu_before="$(awk '{ print $14 + $15 }' "/proc/$host_pid/stat")"
pg_before="$(pg_cpu)"
line=""
for _ in $(seq 1 600); do
  line="$(grep -a "Deadline sweep recorded" "$log" | awk -v n="$overdue" '{ for (i = 1; i <= NF; i++) if ($i == "recorded" && $(i+1) + 0 >= n) print }' | tail -1 || true)"
  [ -n "$line" ] && break
  sleep 1
done
cpu_ms="$(awk -v b="$cpu_before" -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15 - b) * 1000 / t }' "/proc/$host_pid/stat")"
pg_ms="$(ticks_ms $(( $(pg_cpu) - pg_before )))"
[ -n "$line" ] || { echo "No sweep recorded the $overdue steps; log: $log" >&2; tail -50 "$log" >&2; exit 1; }
sweep_ms="$(echo "$line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')"
recorded="$(echo "$line" | sed -n 's/.*recorded \([0-9]*\) .*/\1/p')"
breakdown="$(echo "$line" | sed -n 's/.* ms (\(.*\))$/\1/p')"

# The notices: written in the sweep before, by the notice job right after it since. Each overdue clock's 催办 once (one source key).
echo "==> Waiting for the notices of the $overdue steps"
# (The demo's own clocks escalate too: only the bench's clocks count, by the clock id that begins the source key.)
told_sql="SELECT count(DISTINCT n.\"SourceKey\") || '|' || count(*) FROM core.\"Notices\" n JOIN core.\"DeadlineClocks\" c
  ON left(n.\"SourceKey\", 32) = replace(c.\"Id\"::text, '-', '') WHERE c.\"ConcurrencyStamp\" = 'bench' AND n.\"Template\" = 'deadline-escalation'"
for _ in $(seq 1 600); do
  told="$(psql_mediation -c "$told_sql")"
  [ "${told%|*}" -ge "$overdue" ] && break
  sleep 1
done
[ "${told%|*}" = "$overdue" ] || { echo "Expected notices for $overdue steps, found them for ${told%|*}" >&2; exit 1; }
notice_cpu_ms="$(awk -v b="$cpu_before" -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15 - b) * 1000 / t }' "/proc/$host_pid/stat")"
notice_pg_ms="$(ticks_ms $(( $(pg_cpu) - pg_before )))"
notice_line="$(grep -a "Deadline notices written" "$log" | tail -1 || true)"

steps="$(psql_mediation -c "SELECT count(*), count(DISTINCT s.\"ClockId\") FROM core.\"DeadlineSteps\" s JOIN core.\"DeadlineClocks\" c ON c.\"Id\" = s.\"ClockId\" WHERE c.\"ConcurrencyStamp\" = 'bench'")"
notices="$(psql_mediation -c "SELECT count(*) FROM core.\"Notices\" WHERE \"Template\" = 'deadline-escalation'")"
# What the sweep wrote, row by row as PostgreSQL stores it (pg_column_size of the whole row): the gap to the baseline is this volume.
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
[ "$steps" = "$overdue|$overdue" ] || { echo "Expected $overdue steps on $overdue clocks, found $steps" >&2; exit 1; }
if [ -n "${trace_pid:-}" ]; then wait "$trace_pid" 2>/dev/null || true; fi
echo "==> Waiting a minute: the next sweep must record nothing more"
sleep 65
again="$(psql_mediation -c "SELECT count(*) FROM core.\"DeadlineSteps\" s JOIN core.\"DeadlineClocks\" c ON c.\"Id\" = s.\"ClockId\" WHERE c.\"ConcurrencyStamp\" = 'bench'")"
[ "$again" = "$overdue" ] || { echo "A later sweep changed the steps: $again" >&2; exit 1; }
told_again="$(psql_mediation -c "$told_sql")"
[ "$told_again" = "$told" ] || { echo "A later run changed the notices (steps|notices): $told -> $told_again" >&2; exit 1; }

echo
echo "Deadline sweep over $clocks running clocks, $overdue newly overdue, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD)${HOST_DIR:+, host from $HOST_DIR}${HOST_SETTINGS:+, host with $HOST_SETTINGS};" \
  "filled in $fill_seconds s"
echo
echo "| work | ms | baseline: one set-based INSERT of the same steps (ms) | ratio |"
echo "|---|---|---|---|"
echo "| one sweep: $recorded steps recorded (the bench's clocks' $overdue told in ${told#*|} escalation notices), each overdue clock once | $sweep_ms | $baseline_ms |" \
  "$(awk -v t="$sweep_ms" -v b="$baseline_ms" 'BEGIN { printf "%.1f", t / b }') |"
[ -z "$breakdown" ] || { echo; echo "The sweep's own account: $breakdown"; }
echo "CPU from the baseline to the sweep's log line (the wait for the minute included): host $cpu_ms ms, PostgreSQL $pg_ms ms;" \
  "PostgreSQL's over the baseline: $baseline_pg_ms ms"
echo "Until every notice was written (the sweep's and the notice job's work): host $notice_cpu_ms ms, PostgreSQL $notice_pg_ms ms"
[ -z "$notice_line" ] || echo "The notice job's own account: ${notice_line#*Deadline notices written}"
echo "Written: $volume"
# P2's goal: at 1,000,000 clocks with 10,000 newly overdue, one sweep within 2× the set-based statement and within 1 s.
bench_result "P2 deadline sweep" "$sweep_ms ms for $recorded steps, each overdue clock once" "$baseline_ms ms (one set-based INSERT)" \
  "$(awk -v t="$sweep_ms" -v b="$baseline_ms" 'BEGIN { printf "%.1f×", t / b }')" "≤ 2× the set-based statement and ≤ 1 s at 1,000,000 clocks, 10,000 overdue" \
  "$(bench_met "$sweep_ms <= 2 * $baseline_ms && $sweep_ms <= 1000" \
    "$(bench_below_scale "$clocks" 1000000 clocks "$overdue" 10000 'overdue clocks')")"
