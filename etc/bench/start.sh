#!/usr/bin/env bash
# Host start-up and idle memory (issue 17, P5: warm start to /health/ready ≤ 1.5 s, idle RSS ≤ 200 MB). The Release host with the
# demo seed (as etc/run.sh starts it), on SQLite and on a throwaway PostgreSQL: one start on a fresh database (migrations and
# seed), then RUNS starts on the same database (warm: the median); after each start, IDLE seconds without requests, then the
# process's resident memory (VmRSS). Baseline in the same run, measured the same way: the bare endpoint of etc/bench/Baseline
# (ASP.NET Core with one route, no EF, no Hangfire), so the ratio says what the product adds over the runtime itself.
# Readiness is polled every 50 ms; the CPU seconds the process used until it was ready (utime + stime) are printed beside the
# seconds, as they hardly move with the machine's load while the seconds do. Prints a Markdown table for the README.
# Two forms of the host, each on its own database, alternated within every warm round (build, published, build, published, …):
# "build" is the build output (the JIT compiles everything; what etc/run.sh runs), "published" is `dotnet publish
# host/Mediation.Host -c Release` (the host project sets PublishReadyToRun: its assemblies and every package's are precompiled for
# this machine's runtime identifier; what a deployment runs, and the form P5 is judged on).
# Env: DATABASES ("sqlite postgresql"), RUNS (3), IDLE (15), FORMS ("build published"; READYTORUN=1 is "published", 0 "build"),
# RESULTS (a file: the warm start and idle RSS of each database and form are appended for etc/bench/all.sh, see bench_result).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."
source etc/lib/install.sh
source etc/lib/bench.sh

require_dotnet
ensure_packages curl postgresql fonts-wqy-microhei

databases="${DATABASES:-sqlite postgresql}"
runs="${RUNS:-3}"
idle="${IDLE:-15}"
password="Bench-Pass-2026"
work="$(mktemp -d /tmp/mediation-startbench.XXXXXX)"
chmod 755 "$work"
pids=()
trap bench_cleanup EXIT

case "${READYTORUN:-}" in 1) default_forms=published ;; 0) default_forms=build ;; *) default_forms="build published" ;; esac
forms="${FORMS:-$default_forms}"
declare -A form_dir form_dll form_title
for form in $forms; do
  case "$form" in
    build)
      build_release host/Mediation.Host
      form_dir[build]="$PWD/host/Mediation.Host"; form_dll[build]="bin/Release/net10.0/Mediation.Host.dll"; form_title[build]="build output (JIT)" ;;
    published)
      echo "==> Publishing the host (ReadyToRun)"
      dotnet publish host/Mediation.Host -c Release -o "$work/publish" -nologo -v quiet >/dev/null
      form_dir[published]="$work/publish"; form_dll[published]="Mediation.Host.dll"; form_title[published]="published ReadyToRun" ;;
    *) echo "Unknown form $form (known: build published)" >&2; exit 1 ;;
  esac
done
build_release etc/bench/Baseline
baseline_dll="$PWD/etc/bench/Baseline/bin/Release/net10.0/Bench.Baseline.dll"

# Seconds from launch until the URL answers 2xx, polled every 50 ms (the pid is $launched).
ready_after() { # url, start time (date +%s.%N)
  for _ in $(seq 1 6000); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then awk -v s="$2" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }'; return 0; fi
    kill -0 "$launched" 2>/dev/null || { echo "The process exited before $1 answered" >&2; return 1; }
    sleep 0.05
  done
  kill "$launched" 2>/dev/null || true
  echo "Not ready: $1" >&2; return 1
}
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; } # user + system seconds so far

# One start of the host: prints "seconds rss_mb cpu_seconds".
host_once() { # form, provider, connection string, log
  local start port seconds rss cpu form="$1"; shift
  port="$(free_port)"; start="$(date +%s.%N)"
  (cd "${form_dir[$form]}" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider="$1" ConnectionStrings__Default="$2" Demo__Enabled=true Demo__Password="$password" \
    Logging__LogLevel__Default=Warning PersonalData__KeyFile="$work/keys-$1.json" DataProtection__KeysPath="$work/dp-$1" \
    dotnet "${form_dll[$form]}" >>"$3" 2>&1) &
  launched=$!; pids+=("$launched")
  seconds="$(ready_after "http://127.0.0.1:$port/health/ready" "$start")"; cpu="$(cpu_s "$launched")"
  sleep "$idle"; rss="$(rss_mb "$launched")"
  stop "$launched"
  echo "$seconds $rss $cpu"
}

# One start of the baseline on the same database: prints "seconds rss_mb cpu_seconds".
baseline_once() { # provider, connection string
  local start port seconds rss cpu
  port="$(free_port)"; start="$(date +%s.%N)"
  ASPNETCORE_URLS="http://127.0.0.1:$port" Provider="$1" ConnectionString="$2" dotnet "$baseline_dll" >>"$work/baseline.log" 2>&1 &
  launched=$!; pids+=("$launched")
  seconds="$(ready_after "http://127.0.0.1:$port/health" "$start")"; cpu="$(cpu_s "$launched")"
  sleep "$idle"; rss="$(rss_mb "$launched")"
  stop "$launched"
  echo "$seconds $rss $cpu"
}

declare -A results
for database in $databases; do
  # Each form starts on a database of its own (a form's first start seeds it; the seed fingerprint names the assemblies' builds).
  declare -A cs=()
  case "$database" in
    sqlite)
      mkdir -p "$work/sqlite"; provider=Sqlite; base_cs="Data Source=$work/sqlite/baseline.db"
      for form in $forms; do cs[$form]="Data Source=$work/sqlite/mediation-$form.db"; done ;;
    postgresql)
      start_postgres
      as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres baseline
      provider=PostgreSql; base_cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=baseline"
      for form in $forms; do
        as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "mediation_$form"
        cs[$form]="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=mediation_$form"
      done ;;
    *) echo "Unknown database $database" >&2; exit 1 ;;
  esac
  declare -A warm_s=() warm_rss=() warm_cpu=()
  for form in $forms; do
    echo "==> $database, ${form_title[$form]}: fresh database"
    results["$database-$form-fresh"]="$(host_once "$form" "$provider" "${cs[$form]}" "$work/host-$database-$form.log")"
  done
  base_s=""; base_rss=""; base_cpu=""
  for run in $(seq 1 "$runs"); do
    for form in $forms; do
      echo "==> $database: warm start $run of $runs, ${form_title[$form]}"
      read -r s r c <<<"$(host_once "$form" "$provider" "${cs[$form]}" "$work/host-$database-$form.log")"
      warm_s[$form]+="$s "; warm_rss[$form]+="$r "; warm_cpu[$form]+="$c "
      echo "    $s s to ready, $c CPU s, $r MB idle; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    echo "==> $database: the baseline, $run of $runs"
    read -r s r c <<<"$(baseline_once "$provider" "$base_cs")"; base_s+="$s "; base_rss+="$r "; base_cpu+="$c "
  done
  for form in $forms; do
    results["$database-$form-warm"]="$(echo "${warm_s[$form]}" | median) $(echo "${warm_rss[$form]}" | median) $(echo "${warm_cpu[$form]}" | median)"
    results["$database-$form-runs"]="${warm_s[$form]% }|${warm_cpu[$form]% }|${warm_rss[$form]% }"
  done
  results["$database-baseline"]="$(echo "$base_s" | median) $(echo "$base_rss" | median) $(echo "$base_cpu" | median)"
  [ "$database" = postgresql ] && stop_postgres
done

echo
echo "Start-up to ready and idle RSS (after $idle s), Release, demo seed; the forms alternated in each warm round; warm and baseline" \
  "are medians of $runs; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD)"
echo
echo "| database | host | start | seconds to ready | baseline seconds | ratio | CPU seconds to ready | baseline CPU seconds | ratio | idle RSS (MB) | baseline RSS (MB) | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for database in $databases; do
  read -r bs br bc <<<"${results[$database-baseline]}"
  for form in $forms; do
    for kind in fresh warm; do
      read -r s r c <<<"${results[$database-$form-$kind]}"
      awk -v d="$database" -v h="${form_title[$form]}" -v k="$kind" -v s="$s" -v r="$r" -v c="$c" -v bs="$bs" -v br="$br" -v bc="$bc" \
        'BEGIN { printf "| %s | %s | %s | %.2f | %.2f | %.1f | %.2f | %.2f | %.1f | %d | %d | %.1f |\n", d, h, k, s, bs, s / bs, c, bc, c / bc, r, br, r / br }'
    done
  done
done
echo
echo "Warm runs in the order they ran (seconds | CPU seconds | idle RSS MB):"
for database in $databases; do
  for form in $forms; do echo "- $database, ${form_title[$form]}: ${results[$database-$form-runs]}"; done
done
for database in $databases; do
  read -r bs br bc <<<"${results[$database-baseline]}"
  for form in $forms; do
    # P5's goals: a warm start ready within 1.5 s and an idle resident set within 200 MB.
    read -r s r c <<<"${results[$database-$form-warm]}"
    bench_result "P5 warm start, $(database_title "$database"), ${form_title[$form]}" "$s s to ready, $c CPU s (median of $runs)" \
      "$bs s, $bc CPU s (bare endpoint)" "$(awk -v s="$s" -v b="$bs" 'BEGIN { printf "%.1f×", s / b }')" "≤ 1.5 s" "$(bench_met "$s <= 1.5")"
    bench_result "P5 idle RSS, $(database_title "$database"), ${form_title[$form]}" "$r MB after $idle s idle (median of $runs warm starts)" \
      "$br MB (bare endpoint)" "$(awk -v r="$r" -v b="$br" 'BEGIN { printf "%.1f×", r / b }')" "≤ 200 MB" "$(bench_met "$r <= 200")"
  done
done
