#!/usr/bin/env bash
# Documents over HTTP (issue 17, P4: "POST /api/cases/{id}/agreement including archive ≥ 200 documents/s"): the Release host on a
# database holding the small multi-year demo volume (etc/generate-demo.sh: thousands of concluded cases without documents),
# signed in as demo.mediator, issues the 调解协议书 of a different successfully concluded case on every request — render, PDF,
# SHA-256, archive row and the case's update, each committed. Baseline in the same run: a bare endpoint storing a 75 KB blob (the
# agreement's size) with its SHA-256 in one raw INSERT on the same database (etc/bench/Baseline, POST /documents).
# Afterwards it checks that every 201 left exactly one archived agreement. Prints a Markdown table for the README.
# Every run first warms its host up on cases of its own that the measured run does not issue again: WARMUP seconds (30) of the
# same requests, so that the figure is a warm host's (a fresh host's JIT and dynamic PGO compile the request's methods during its
# first thousands of requests). The measured run then issues up to DURATION × RUN_RATE (400/s) cases of its slice; a run whose
# cases run out before DURATION says so (its documents/s is then the cases over the duration, not a throughput).
# Env: DURATION (s, 10), WARMUP (s, 30), CONNECTIONS (8), THREADS (2), DATABASES ("sqlite postgresql"),
#      WARMUP_MORE (s, 120) and JIT_QUIET (ms, 0.2): after WARMUP, 10 s more at a time until the JIT's thread took under JIT_QUIET ms
#      per request of the last 10 s, for at most WARMUP_MORE s,
#      VOLUME (the demo volume generated, 50k: about 18,000 concluded cases 泰山区 may issue; "small" has about 3,000),
#      RUN_RATE (400: the measured run's cases, per second of DURATION; the rest of a run's slice is its warm-up's),
#      TRACE_DIR (if set, a dotnet-trace thread-time profile of the host during each measured run goes there),
#      THREAD_CPU=1 (prints each run's host CPU per agreement by thread name: request workers, the GC's threads, the JIT's, …),
#      VARIANTS (host settings to compare on the same database, alternating ROUNDS times (2), e.g.
#      "smaller:Documents__PdfCompression=Smaller faster:Documents__PdfCompression=Faster"; each label's settings are joined by
#      commas; the machine is shared, so only variants measured in the same run are compared, by their ratio; HOST_DIR=<dir> runs the
#      host built in <dir>, e.g. "before:HOST_DIR=/tmp/before/host/Mediation.Host after:" for a change against its parent),
#      BENCH_PORTS (e.g. 5101-5119: the ports the hosts, baseline and cluster may take),
#      RESULTS (a file: each database's figure is appended for etc/bench/all.sh, see bench_result).
set -euo pipefail
cd "$(dirname "$0")/../.."
source etc/lib/install.sh
source etc/lib/bench.sh

require_dotnet
ensure_packages wrk curl jq postgresql sqlite3 fonts-wqy-microhei

duration="${DURATION:-10}"
warmup="${WARMUP:-30}"
volume="${VOLUME:-50k}"
run_rate="${RUN_RATE:-400}"
baseline_warmup=$(( warmup < 5 ? warmup : 5 ))
warmup_more="${WARMUP_MORE:-120}"
jit_quiet="${JIT_QUIET:-0.2}"
connections="${CONNECTIONS:-8}"
threads="${THREADS:-2}"
databases="${DATABASES:-sqlite postgresql}"
variants="${VARIANTS:-host:}"
rounds="${ROUNDS:-1}"
[ "$variants" = "host:" ] || rounds="${ROUNDS:-2}"
password="Bench-Pass-2026"
work="$(mktemp -d /tmp/mediation-agreements.XXXXXX)"
chmod 755 "$work"
pids=()
trap bench_cleanup EXIT

# wrk with the Lua script; prints "rps p50 p99 requests timeouts non2xx".
run_wrk() { # seconds, url, [env NAME=value ...]
  local seconds="$1" url="$2"; shift 2
  env THREADS="$threads" "$@" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s etc/bench/agreements.lua "$url" |
    sed -n 's/^RESULT rps=\([0-9.]*\) p50=\([0-9.]*\) p99=\([0-9.]*\) requests=\([0-9]*\) timeouts=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2 \3 \4 \5 \6/p'
}

build_release host/Mediation.Host
build_release etc/bench/Baseline
baseline_dll="$PWD/etc/bench/Baseline/bin/Release/net10.0/Bench.Baseline.dll"

sql() { # the database's answer to one query, one value per line
  case "$database" in
    sqlite) sqlite3 "$work/sqlite/mediation.db" "$1" ;;
    postgresql) psql_mediation -c "$1" ;;
  esac
}

# Waits until no agreement is being issued any more: the requests in flight when wrk stops still finish on the server.
settle() {
  local last="" now
  while now="$(sql "SELECT COUNT(*) FROM $cases_table WHERE \"AgreementDocumentId\" IS NOT NULL")"; [ "$now" != "$last" ]; do
    last="$now"; sleep 2
  done
}

# The host with one variant's settings (comma-separated NAME=value); HOST_DIR=… among them runs another build of the host (e.g. a
# worktree at the commit before a change), so that before and after alternate on the same database in one run.
start_variant_host() { # settings
  local setting host_dir="host/Mediation.Host" host_settings=()
  for setting in ${1//,/ }; do
    case "$setting" in HOST_DIR=*) host_dir="${setting#HOST_DIR=}" ;; *) host_settings+=("$setting") ;; esac
  done
  HOST_DIR="$host_dir" start_host "$provider" "$cs" "$log" Database__SqliteSynchronous=NORMAL "${host_settings[@]}"
}

# The CPU ticks of the host's tiered-compilation thread (the JIT's background compiler) so far.
jit_ticks() { # pid
  local task total=0
  for task in /proc/"$1"/task/*; do
    [[ "$(cat "$task/comm" 2>/dev/null)" == ".NET Tiered Com"* ]] && total=$(( total + $(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }') ))
  done
  echo "$total"
}

# The host's CPU ticks per thread, "<thread id> <ticks> <name>" a line (the name last: it may hold spaces), for THREAD_CPU.
thread_ticks() { # pid
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s %s %s\n' "${task##*/}" "$(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }')" "$(cat "$task/comm")"
  done 2>/dev/null || true
}
# Milliseconds of CPU per agreement by thread name between two thread_ticks snapshots (a thread that ended between them is missed).
thread_cpu_by_name() { # before file, after file, agreements
  awk -v n="$3" -v hz="$(getconf CLK_TCK)" '
    FNR == NR { before[$1] = $2; next }
    { name = $0; sub(/^[^ ]* [^ ]* /, "", name); gsub(/[0-9]+$/, "", name); used[name] += $2 - before[$1]; total += $2 - before[$1] }
    END { printf "%9.2f ms per agreement  (all threads seen)\n", 1000 * total / hz / n
          for (name in used) if (used[name] > 0) printf "%9.2f ms per agreement  %s\n", 1000 * used[name] / hz / n, name }' "$1" "$2" | sort -rn
}

declare -A results
for database in $databases; do
  log="$work/host-$database.log"
  case "$database" in
    sqlite) mkdir -p "$work/sqlite"; provider=Sqlite; cs="Data Source=$work/sqlite/mediation.db"; base_cs="Data Source=$work/sqlite/baseline.db"
            cases_table='"cases_Cases"'; committees_table='"cases_Committees"' ;;
    postgresql) start_postgres -c synchronous_commit=off; provider=PostgreSql; cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=mediation"
                psql_mediation -c "CREATE DATABASE baseline" >/dev/null; base_cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=baseline"
                cases_table='cases."Cases"'; committees_table='cases."Committees"' ;;
    *) echo "Unknown database $database" >&2; exit 1 ;;
  esac

  echo "==> $database: baseline (a 75 KB blob and its SHA-256, one raw INSERT per request)"
  port="$(free_port)"
  ASPNETCORE_URLS="http://127.0.0.1:$port" Provider="$provider" ConnectionString="$base_cs" Synchronous=NORMAL \
    dotnet "$baseline_dll" >"$work/baseline-$database.log" 2>&1 &
  base_pid=$!; pids+=("$base_pid")
  wait_for "http://127.0.0.1:$port/health" 60
  # The bare endpoint has little to compile: a few seconds warm it (30 s of 75 KB INSERTs would only fill the disk).
  run_wrk "$baseline_warmup" "http://127.0.0.1:$port" >/dev/null
  results["$database-baseline"]="$(run_wrk "$duration" "http://127.0.0.1:$port")"
  stop "$base_pid"

  echo "==> $database: the demo volume $volume (etc/generate-demo.sh's path: the host's migrate command)"
  start="$(date +%s)"
  (cd host/Mediation.Host && env ASPNETCORE_ENVIRONMENT=Production Database__Provider="$provider" ConnectionStrings__Default="$cs" \
    Demo__Enabled=true Demo__Password="$password" Demo__Volume="$volume" Demo__VolumeSeed=1 Logging__LogLevel__Default=Warning \
    PersonalData__KeyFile="$work/keys-$provider.json" DataProtection__KeysPath="$work/dp-$provider" \
    dotnet bin/Release/net10.0/Mediation.Host.dll migrate >>"$log" 2>&1)
  echo "    generated in $(( $(date +%s) - start )) s"
  # Bench-only: the volume's 东平县 committee and its cases (the seed's 3,000-odd and the generated) move into 泰山区 (demo.mediator's
  # county), so that one account may issue enough agreements for a run.
  taishan="(SELECT \"OrgUnitId\" FROM $committees_table WHERE \"ShortName\" = '泰山区')"
  sql "UPDATE $cases_table SET \"OrgUnitId\" = $taishan WHERE \"CommitteeId\" = (SELECT \"Id\" FROM $committees_table WHERE \"ShortName\" = '东平')" >/dev/null
  sql "UPDATE $committees_table SET \"OrgUnitId\" = $taishan WHERE \"ShortName\" = '东平'" >/dev/null
  # The first variant's host lists the cases; every run then takes its own slice of them.
  first_settings="${variants%% *}"; first_settings="${first_settings#*:}"
  start_variant_host "$first_settings"
  base="http://127.0.0.1:$port"
  token="$(curl -fsS -H 'Content-Type: application/json' -d "{\"userName\":\"demo.mediator\",\"password\":\"$password\"}" \
    "$base/api/auth/token" | jq -r .accessToken)"

  # The cases demo.mediator may see (the API applies the data scope) that were concluded with a written agreement not yet issued.
  : >"$work/visible"
  page=1
  while :; do
    body="$(curl -fsS -H "Authorization: Bearer $token" "$base/api/cases?status=Concluded&pageSize=200&page=$page")"
    echo "$body" | jq -r '.items[].id' >>"$work/visible"
    [ "$(echo "$body" | jq -r .hasMore)" = true ] || break
    page=$(( page + 1 ))
  done
  sql "SELECT \"Id\" FROM $cases_table WHERE \"Outcome\" = 'Succeeded' AND \"AgreementDocumentId\" IS NULL" | tr 'A-Z' 'a-z' | sort >"$work/eligible"
  sort "$work/visible" | tr 'A-Z' 'a-z' | comm -12 - "$work/eligible" | shuf --random-source=<(yes) >"$work/ids"
  available="$(wc -l <"$work/ids")"
  echo "    $available cases ready for an agreement"
  runs=$(( rounds * $(wc -w <<<"$variants") ))
  slice=$(( available / runs ))
  run_cases=$(( duration * run_rate ))
  # The warm-up's cases: the rest of the slice, at least 100 a second of WARMUP (a warm-up that runs out ends early and says so).
  [ "$(( slice - run_cases ))" -ge "$(( warmup * 100 ))" ] ||
    { echo "Too few cases: $available for $runs runs of $run_cases measured and $(( warmup * 100 )) warm-up cases each (VOLUME=$volume)" >&2; exit 1; }
  run=0
  for round in $(seq 1 "$rounds"); do
    for variant in $variants; do
      label="${variant%%:*}"; settings="${variant#*:}"
      if [ "$run" -gt 0 ]; then
        start_variant_host "$settings"
        base="http://127.0.0.1:$port"
        token="$(curl -fsS -H 'Content-Type: application/json' -d "{\"userName\":\"demo.mediator\",\"password\":\"$password\"}" \
          "$base/api/auth/token" | jq -r .accessToken)"
      fi
      sed -n "$(( run * slice + 1 )),$(( (run + 1) * slice ))p" "$work/ids" >"$work/ids-slice"
      head -n "$(( slice - run_cases ))" "$work/ids-slice" >"$work/ids-warmup"; tail -n "$run_cases" "$work/ids-slice" >"$work/ids-run"
      # One request by hand first: a bench of refusals measures nothing.
      probe="$(head -n 1 "$work/ids-run")"; sed -i 1d "$work/ids-run"
      status="$(curl -sS -o "$work/probe.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" "$base/api/cases/$probe/agreement")"
      [ "$status" = 200 ] || [ "$status" = 201 ] || { echo "POST /api/cases/$probe/agreement answered $status: $(cat "$work/probe.json")" >&2; exit 1; }
      warmup_started="$(date +%s)"
      read -r warm_rps _ _ warm_sent _ _ <<<"$(run_wrk "$warmup" "$base" TOKEN="$token" IDS_FILE="$work/ids-warmup")"
      settle
      warm_note=""
      [ "$warm_sent" -lt "$(wc -l <"$work/ids-warmup")" ] || warm_note=" (its cases ran out after $(( $(date +%s) - warmup_started )) s)"
      echo "    warm-up: $warm_sent requests over ${warmup} s, $warm_rps/s$warm_note"
      # Then 10 s more at a time, on the warm-up's remaining cases, until the JIT's thread took under JIT_QUIET ms (0.2) per request of
      # the last 10 s, for at most WARMUP_MORE s (120): after 30 s at a high load a host may still be compiling (2-5 ms per agreement).
      used="$warm_sent"; more=0
      while [ -z "$warm_note" ] && [ "$more" -lt "$warmup_more" ]; do
        tail -n "+$(( used + 1 ))" "$work/ids-warmup" >"$work/ids-warmup-more"
        [ -s "$work/ids-warmup-more" ] || { warm_note=" (its cases ran out)"; break; }
        jit_before="$(jit_ticks "$host_pid")"
        read -r _ _ _ more_sent _ _ <<<"$(run_wrk 10 "$base" TOKEN="$token" IDS_FILE="$work/ids-warmup-more")"
        settle
        jit_ms="$(awk -v t="$(( $(jit_ticks "$host_pid") - jit_before ))" -v n="$more_sent" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", n ? 1000 * t / hz / n : 0 }')"
        used=$(( used + more_sent )); more=$(( more + 10 ))
        [ "$more_sent" -gt "$connections" ] || { warm_note=" (its cases ran out)"; break; }
        echo "    warm-up +${more} s: $more_sent requests, the JIT's thread ${jit_ms} ms per request"
        awk -v j="$jit_ms" -v q="$jit_quiet" 'BEGIN { exit !(j < q) }' && break
      done
      [ -z "$warm_note" ] || echo "    warm-up ended early$warm_note"
      before="$(sql "SELECT COUNT(*) FROM $cases_table WHERE \"AgreementDocumentId\" IS NOT NULL")"
      if [ -n "${TRACE_DIR:-}" ]; then # a thread-time profile of the host during the measured run, to see what costs
        mkdir -p "$TRACE_DIR"
        ~/.dotnet/tools/dotnet-trace collect -p "$host_pid" --profile dotnet-sampled-thread-time --duration 00:00:00:$(( duration - 2 )) \
          -o "$TRACE_DIR/agreements-$database-$label-$round.nettrace" >/dev/null 2>&1 &
      fi
      [ "${THREAD_CPU:-0}" = 1 ] && thread_ticks "$host_pid" >"$work/threads-before"
      cpu_before="$(awk '{ print $14 + $15 }' "/proc/$host_pid/stat")"
      read -r rps p50 p99 sent timeouts non2xx <<<"$(run_wrk "$duration" "$base" TOKEN="$token" IDS_FILE="$work/ids-run")"
      settle
      cpu_after="$(awk '{ print $14 + $15 }' "/proc/$host_pid/stat")"
      [ "${THREAD_CPU:-0}" = 1 ] && thread_ticks "$host_pid" >"$work/threads-after"
      after="$(sql "SELECT COUNT(*) FROM $cases_table WHERE \"AgreementDocumentId\" IS NOT NULL")"
      issued=$(( after - before ))
      # Every request answered 2xx issued one agreement (a stopped thread's last request is a GET of /health/live), and so may the
      # requests that timed out or were still in flight when wrk stopped (at most one per connection): the server finishes them.
      ok=$(( sent - non2xx - timeouts ))
      [ "$(( ok - issued ))" -le "$threads" ] && [ "$(( issued - ok ))" -le "$(( connections + timeouts ))" ] ||
        { echo "$database: $sent requests, $non2xx refused, $timeouts timed out, but $issued agreements issued" >&2; tail -30 "$log" >&2; exit 1; }
      # The host's CPU (user + system, both cores) per agreement issued during the measured run and the settling after it.
      cpu_ms="$(awk -v a="$cpu_after" -v b="$cpu_before" -v n="$issued" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", n ? 1000 * (a - b) / hz / n : 0 }')"
      # The archived PDF's average size over the measured run's first 500 cases (all of them issued; a list of every case is too long for one command).
      size="$(sql "SELECT AVG(\"SizeBytes\") FROM $([ "$database" = sqlite ] && echo '"core_IssuedDocuments"' || echo 'core."IssuedDocuments"') WHERE \"RecordId\" IN ($(head -n 500 "$work/ids-run" | sed "s/.*/'&'/" | paste -sd, -))" | cut -d. -f1)"
      results["$database-$label-$round"]="$rps $p50 $p99 $issued $timeouts $non2xx $cpu_ms $size"
      ran_out=""
      [ "$sent" -lt "$(( run_cases - 1 ))" ] || { ran_out=" — the measured cases ran out before ${duration} s: raise RUN_RATE"; echo "    warning:$ran_out" >&2; }
      echo "    $label, round $round: $rps documents/s, $cpu_ms ms host CPU per document, $size bytes, load $(cut -d' ' -f1-3 /proc/loadavg)"
      [ "${THREAD_CPU:-0}" = 1 ] && thread_cpu_by_name "$work/threads-before" "$work/threads-after" "$issued"
      stop "$host_pid"
      run=$(( run + 1 ))
    done
  done
  [ "$database" = postgresql ] && stop_postgres
done

load_average="$(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Agreements over HTTP, wrk -t$threads -c$connections, ${warmup} s warm-up (cases not timed) + ${duration} s, demo volume $volume, $(nproc) cores, load average $load_average," \
  "$(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD). SQLite: WAL + synchronous=NORMAL; PostgreSQL: synchronous_commit=off; both sides."
echo
echo "| database | endpoint | documents/s | p50 | p99 | issued | timeouts | errors | share of the floor | host CPU per document | PDF bytes |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for database in $databases; do
  read -r b_rps b_p50 b_p99 b_n b_to b_err <<<"${results[$database-baseline]}"
  echo "| $database | bare endpoint, 75 KB blob + SHA-256, one raw INSERT | $b_rps | $b_p50 ms | $b_p99 ms | $b_n | $b_to | $b_err | 100% | | |"
  for round in $(seq 1 "$rounds"); do
    for variant in $variants; do
      label="${variant%%:*}"; settings="${variant#*:}"
      read -r h_rps h_p50 h_p99 h_n h_to h_err h_cpu h_size <<<"${results[$database-$label-$round]}"
      ratio="$(awk -v h="$h_rps" -v b="$b_rps" 'BEGIN { printf "%.1f%%", 100 * h / b }')"
      echo "| $database | \`POST /api/cases/{id}/agreement\`${settings:+ ($settings, round $round)} | **$h_rps** | $h_p50 ms | $h_p99 ms | $h_n | $h_to | $h_err | **$ratio** | $h_cpu ms | $h_size |"
      bench_result "P4 agreements, $(database_title "$database")${settings:+ ($label, round $round)}" \
        "$h_rps documents/s, p99 $h_p99 ms, $h_cpu ms CPU each" "$b_rps documents/s (75 KB blob, one raw INSERT)" "$ratio of the floor" \
        "≥ 200 documents/s" "$(bench_met "$h_rps >= 200")"
    done
  done
done
