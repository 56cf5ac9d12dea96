#!/usr/bin/env bash
# Scale-out (issue 17, P6: "three hosts on one PostgreSQL behind a round-robin client: intake ≥ 2× one host"): POST /api/petitions
# as demo.petitionofficer (etc/bench/petitions.lua, a different matter, 身份证号 and phone per request) against one Release host,
# then against three hosts on the same throwaway PostgreSQL cluster — one wrk per host, the connections split evenly, started
# together (a round-robin client by connection), requests/s summed. Same total connections, duration and database in both.
# Afterwards every petition answered 201 must be in the database exactly once (its number unique).
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
for i in $(seq 1 "$hosts"); do
  echo "==> host $i of $hosts"
  # One shared key ring and personal-data key file, as several hosts must have (README, Scaling out).
  start_host PostgreSql "$cs" "$work/host-$i.log" PersonalData__KeyFile="$work/keys.json" DataProtection__KeysPath="$work/dp"
  ports+=("$port")
done
token="$(curl -fsS -H 'Content-Type: application/json' -d "{\"userName\":\"demo.petitionofficer\",\"password\":\"$password\"}" \
  "http://127.0.0.1:${ports[0]}/api/auth/token" | jq -r .accessToken)"

# wrk runs against the given ports at once, CONNECTIONS split among them; prints "rps p50 p99 requests timeouts non2xx"
# (rps and requests summed, latency percentiles the worst host's).
load() { # seconds, ports...
  local seconds="$1"; shift
  local each=$(( connections / $# )) k=0 clients=()
  for p in "$@"; do
    k=$(( k + 1 ))
    TOKEN="$token" BENCH_PATH=/api/petitions wrk -t1 -c"$each" -d"${seconds}s" --timeout 5s -s etc/bench/petitions.lua "http://127.0.0.1:$p" \
      >"$work/wrk-$k.out" &
    clients+=("$!")
  done
  wait "${clients[@]}" # the wrk clients only: the hosts are children of this shell too
  cat "$work"/wrk-*.out | sed -n 's/^RESULT rps=\([0-9.]*\) p50=\([0-9.]*\) p99=\([0-9.]*\) requests=\([0-9]*\) timeouts=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2 \3 \4 \5 \6/p' |
    awk '{ rps += $1; if ($2 > p50) p50 = $2; if ($3 > p99) p99 = $3; n += $4; to += $5; err += $6 }
         END { printf "%.1f %.1f %.1f %d %d %d\n", rps, p50, p99, n, to, err }'
  rm -f "$work"/wrk-*.out
}
count() { psql_mediation -c 'SELECT COUNT(*), COUNT(DISTINCT "Number") FROM petitions."Petitions"' | tr '|' ' '; }

read -r before _ <<<"$(count)"
load "$warmup" "${ports[0]}" >/dev/null
one="$(load "$duration" "${ports[0]}")"
load "$warmup" "${ports[@]}" >/dev/null
several="$(load "$duration" "${ports[@]}")"
read -r after distinct <<<"$(count)"

read -r o_rps o_p50 o_p99 o_n o_to o_err <<<"$one"
read -r s_rps s_p50 s_p99 s_n s_to s_err <<<"$several"
[ "$after" = "$distinct" ] || { echo "Petition numbers repeat: $after rows, $distinct numbers" >&2; exit 1; }
echo
echo "Intake on one PostgreSQL (synchronous_commit=off), $connections connections in all, ${warmup} s warm-up + ${duration} s each," \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD);" \
  "$(( after - before )) petitions written in all, every number once"
echo
echo "| hosts | requests/s | p50 (worst host) | p99 (worst host) | requests | timeouts (5 s) | errors | ratio to one host |"
echo "|---|---|---|---|---|---|---|---|"
echo "| 1 | $o_rps | $o_p50 ms | $o_p99 ms | $o_n | $o_to | $o_err | 1.00 |"
echo "| $hosts | **$s_rps** | $s_p50 ms | $s_p99 ms | $s_n | $s_to | $s_err | **$(awk -v s="$s_rps" -v o="$o_rps" 'BEGIN { printf "%.2f", s / o }')** |"
# P6's goal: three hosts on one PostgreSQL take in at least twice what one host does.
bench_result "P6 $hosts hosts, PostgreSQL" "$s_rps requests/s, p99 $s_p99 ms (worst host)" "$o_rps requests/s (one host)" \
  "$(awk -v s="$s_rps" -v o="$o_rps" 'BEGIN { printf "%.2f×", s / o }')" "≥ 2× one host" "$(bench_met "$s_rps >= 2 * $o_rps")"
