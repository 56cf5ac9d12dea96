#!/usr/bin/env bash
# Scale-out (issue 17, P6: "three hosts on one PostgreSQL behind a round-robin client: intake ≥ 2× one host"): POST /api/petitions
# as demo.petitionofficer (etc/bench/petitions.lua, a different matter, 身份证号 and phone per request) against one Release host,
# then against three hosts on the same throwaway PostgreSQL cluster — one wrk per host, the connections split evenly, started
# together (a round-robin client by connection), requests/s summed. Same total connections, duration and database in both.
# Afterwards every petition answered 201 must be in the database exactly once (its number unique). Beside each run's figures it
# prints what decides the ratio on one machine: the hosts' and the cluster's CPU per registration, how busy the machine's cores
# were, and how often a backend waited on a lock (hosts contending with each other in the database).
# Env: DURATION (s, 15), WARMUP (s, 30), CONNECTIONS (total, 30), HOSTS (3), RESULTS (a file: the figure is appended for etc/bench/all.sh,
# see bench_result).
set -euo pipefail
cd "$(dirname "$0")/../.."
source etc/lib/install.sh
source etc/lib/bench.sh

require_dotnet
ensure_packages wrk curl jq postgresql fonts-wqy-microhei

duration="${DURATION:-15}"
warmup="${WARMUP:-30}"
connections="${CONNECTIONS:-30}"
hosts="${HOSTS:-3}"
password="Bench-Pass-2026"
work="$(mktemp -d /tmp/mediation-hosts.XXXXXX)"
chmod 755 "$work"
pids=()
trap bench_cleanup EXIT

build_release host/Mediation.Host

start_postgres -c synchronous_commit=off -c max_connections=400
cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=mediation"
ports=()
host_pids=()
for i in $(seq 1 "$hosts"); do
  echo "==> host $i of $hosts"
  # One shared key ring and personal-data key file, as several hosts must have (README, Scaling out).
  start_host PostgreSql "$cs" "$work/host-$i.log" PersonalData__KeyFile="$work/keys.json" DataProtection__KeysPath="$work/dp"
  ports+=("$port")
  host_pids+=("$host_pid")
done
token="$(curl -fsS -H 'Content-Type: application/json' -d "{\"userName\":\"demo.petitionofficer\",\"password\":\"$password\"}" \
  "http://127.0.0.1:${ports[0]}/api/auth/token" | jq -r .accessToken)"

# CPU seconds (user + system) so far of the cluster (the postmaster, its live children, and the children it
# has reaped, which the kernel adds to its cutime/cstime); busy seconds of the whole machine (all cores, /proc/stat: not idle, not
# iowait).
cluster_cpu() {
  local postmaster children
  postmaster="$(head -1 "$pg_data/postmaster.pid")"
  children="$(pgrep -P "$postmaster" | tr '\n' ' ')"
  awk -v hz="$(getconf CLK_TCK)" -v own="$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat")" \
    '{ s += $14 + $15 } END { printf "%.2f", (own + s) / hz }' $(for c in $children; do [ -r "/proc/$c/stat" ] && echo "/proc/$c/stat"; done) /dev/null
}
machine_busy() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }

# wrk against the first N hosts at once, CONNECTIONS split among them; prints "rps p50 p99 requests timeouts non2xx host_ms pg_ms busy
# lock_share": rps and requests summed, latency percentiles the worst host's, the hosts' and the cluster's CPU per registration (ms),
# the share of the machine's cores busy over the run, and the share of pg_stat_activity samples (every 0.2 s) in which a client
# backend waited on a lock (the unit's number row is the one registrations of one unit share across hosts).
load() { # seconds, number of hosts
  local seconds="$1" n="$2"
  local each=$(( connections / n )) k clients=() pids_used=("${host_pids[@]:0:$n}") h0 p0 b0 t0 h1 p1 b1 t1
  h0="$(cpu_seconds "${pids_used[@]}")"; p0="$(cluster_cpu)"; b0="$(machine_busy)"; t0="$(date +%s.%N)"
  for k in $(seq 1 "$n"); do
    TOKEN="$token" BENCH_PATH=/api/petitions wrk -t1 -c"$each" -d"${seconds}s" --timeout 5s -s etc/bench/petitions.lua \
      "http://127.0.0.1:${ports[$(( k - 1 ))]}" >"$work/wrk-$k.out" &
    clients+=("$!")
  done
  : >"$work/waits"
  while kill -0 "${clients[0]}" 2>/dev/null; do
    psql_mediation -c "SELECT COUNT(*) FILTER (WHERE wait_event_type = 'Lock'), COUNT(*) FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND datname = 'mediation' AND pid <> pg_backend_pid()" >>"$work/waits" 2>/dev/null || true
    sleep 0.2
  done
  wait "${clients[@]}" # the wrk clients only: the hosts are children of this shell too
  h1="$(cpu_seconds "${pids_used[@]}")"; p1="$(cluster_cpu)"; b1="$(machine_busy)"; t1="$(date +%s.%N)"
  cat "$work"/wrk-*.out | sed -n 's/^RESULT rps=\([0-9.]*\) p50=\([0-9.]*\) p99=\([0-9.]*\) requests=\([0-9]*\) timeouts=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2 \3 \4 \5 \6/p' |
    awk -v h="$(awk -v a="$h0" -v b="$h1" 'BEGIN { print b - a }')" -v p="$(awk -v a="$p0" -v b="$p1" 'BEGIN { print b - a }')" \
        -v busy="$(awk -v a="$b0" -v b="$b1" -v s="$t0" -v e="$t1" -v c="$(nproc)" 'BEGIN { print (b - a) / ((e - s) * c) }')" \
        -v locks="$(awk -F'|' '{ w += $1; t += $2 } END { printf "%.3f", (t > 0 ? w / t : 0) }' "$work/waits")" \
      '{ rps += $1; if ($2 > p50) p50 = $2; if ($3 > p99) p99 = $3; n += $4; to += $5; err += $6 }
       END { printf "%.1f %.1f %.1f %d %d %d %.3f %.3f %.0f%% %.0f%%\n", rps, p50, p99, n, to, err,
             (n > 0 ? 1000 * h / n : 0), (n > 0 ? 1000 * p / n : 0), 100 * busy, 100 * locks }'
  rm -f "$work"/wrk-*.out
}
count() { psql_mediation -c 'SELECT COUNT(*), COUNT(DISTINCT "Number") FROM petitions."Petitions"' | tr '|' ' '; }

read -r before _ <<<"$(count)"
load "$warmup" 1 >/dev/null
one="$(load "$duration" 1)"
load "$warmup" "$hosts" >/dev/null
several="$(load "$duration" "$hosts")"
read -r after distinct <<<"$(count)"

read -r o_rps o_p50 o_p99 o_n o_to o_err o_host o_pg o_busy o_locks <<<"$one"
read -r s_rps s_p50 s_p99 s_n s_to s_err s_host s_pg s_busy s_locks <<<"$several"
[ "$after" = "$distinct" ] || { echo "Petition numbers repeat: $after rows, $distinct numbers" >&2; exit 1; }
echo
echo "Intake on one PostgreSQL (synchronous_commit=off), $connections connections in all, ${warmup} s warm-up + ${duration} s each," \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD);" \
  "$(( after - before )) petitions written in all, every number once"
echo
echo "| hosts | requests/s | p50 (worst host) | p99 (worst host) | requests | timeouts (5 s) | errors | ratio to one host | hosts' CPU per registration | PostgreSQL's CPU per registration | machine's cores busy | samples waiting on a lock |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
echo "| 1 | $o_rps | $o_p50 ms | $o_p99 ms | $o_n | $o_to | $o_err | 1.00 | $o_host ms | $o_pg ms | $o_busy | $o_locks |"
echo "| $hosts | **$s_rps** | $s_p50 ms | $s_p99 ms | $s_n | $s_to | $s_err | **$(awk -v s="$s_rps" -v o="$o_rps" 'BEGIN { printf "%.2f", s / o }')** | $s_host ms | $s_pg ms | $s_busy | $s_locks |"
echo
# Why the ratio is what it is on one machine: the hosts and the cluster share its cores. With the cores busy in both runs, the
# registrations the machine can take are its cores over the CPU one registration costs everywhere (hosts + cluster); the hosts'
# share is what more machines would add.
echo "CPU per registration, hosts + PostgreSQL: $(awk -v a="$o_host" -v b="$o_pg" 'BEGIN { printf "%.3f", a + b }') ms with one host," \
  "$(awk -v a="$s_host" -v b="$s_pg" 'BEGIN { printf "%.3f", a + b }') ms with $hosts ($(awk -v a="$o_host" -v b="$o_pg" -v c="$s_host" -v d="$s_pg" 'BEGIN { printf "%.2f×", (c + d) / (a + b) }'));" \
  "the machine's $(nproc) cores were $o_busy and $s_busy busy."
# P6's goal: three hosts on one PostgreSQL take in at least twice what one host does.
bench_result "P6 $hosts hosts, PostgreSQL" "$s_rps requests/s, p99 $s_p99 ms (worst host); hosts + PostgreSQL $s_host + $s_pg ms CPU each, cores $s_busy busy, $s_locks of samples waiting on a lock" \
  "$o_rps requests/s (one host; $o_host + $o_pg ms CPU each, cores $o_busy busy, $o_locks waiting on a lock)" \
  "$(awk -v s="$s_rps" -v o="$o_rps" 'BEGIN { printf "%.2f×", s / o }')" "≥ 2× one host" "$(bench_met "$s_rps >= 2 * $o_rps")"
