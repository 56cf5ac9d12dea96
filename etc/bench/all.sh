#!/usr/bin/env bash
# Every performance target in one command (issue 17's "Done when": every figure printed with its baseline and ratio, the README
# holding the latest run). Runs etc/bench's scripts in turn — intake (P1, run.sh), the deadline sweep (P2, sweep.sh), agreements over
# HTTP (P4, agreements.sh), start-up and idle memory (P5, start.sh), three hosts on one PostgreSQL (P6, hosts.sh), statistics at scale
# (issue 16, statistics.sh) and the workbench (issue 20, workbench.sh) — each against its own baseline of the same run, and ends with
# one table: target, figure, baseline, ratio, the issue's goal, met or not, and the load average when the figure was taken.
# Each script appends its figures to the file $RESULTS names (bench_result in etc/lib/bench.sh); this script only renders those
# lines, it reads nothing the scripts print for people. A script that fails gets a row saying so and the run goes on.
# When every target ran, the table (with the commit, date, duration and load) is written to etc/bench/LAST-RUN.md and into the
# README's "One command" part, between its markers.
# The defaults keep the whole run within about 20 minutes on two idle cores; the scripts' own variables lengthen it.
# Env: TARGETS ("intake sweep agreements start hosts statistics workbench": a subset runs only those, and records nothing),
#      DATABASES ("sqlite postgresql": intake, agreements, statistics, workbench), START_DATABASES (start.sh's, "sqlite": the host
#      starts alike on both), ROWS (statistics' facts, 1000000 here: the goal's 5,000,000 take 10 minutes and more to fill, so the
#      statistics row says n/a unless ROWS=5000000), and every script's own (DURATION, WARMUP, CLOCKS, RUNS, IDLE, BENCH_PORTS, …:
#      passed through as they are), RECORD (1: write LAST-RUN.md and the README even for a subset; 0: never).
set -euo pipefail
cd "$(dirname "$0")/../.."
source etc/lib/install.sh
source etc/lib/bench.sh

require_dotnet

all_targets="intake sweep agreements start hosts statistics workbench"
targets="${TARGETS:-$all_targets}"
record="${RECORD:-$([ "$targets" = "$all_targets" ] && echo 1 || echo 0)}"
# The running script, stopped on Ctrl+C or a TERM: its own EXIT trap then stops the hosts and the cluster it started.
script_pid=""
stop_script() { [ -z "$script_pid" ] || kill -TERM "$script_pid" 2>/dev/null || true; wait "$script_pid" 2>/dev/null || true; exit 130; }
trap stop_script INT TERM

script_of() {
  case "$1" in
    intake) echo run.sh ;; sweep) echo sweep.sh ;; agreements) echo agreements.sh ;; start) echo start.sh ;;
    hosts) echo hosts.sh ;; statistics) echo statistics.sh ;; workbench) echo workbench.sh ;;
    *) echo "Unknown target $1 (known: $all_targets)" >&2; return 1 ;;
  esac
}
for target in $targets; do script_of "$target" >/dev/null; done # an unknown name fails before anything runs

# Kept after the run: each script's full output is where a failed or surprising figure is explained.
logs="$(mktemp -d /tmp/mediation-all.XXXXXX)"
export RESULTS="$logs/results.tsv"
: >"$RESULTS"

started="$(date +%s)"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
build_release host/Mediation.Host
build_release etc/bench/Baseline
export BENCH_BUILT=1
for target in $targets; do
  script="$(script_of "$target")"
  echo "==> all.sh: $target (etc/bench/$script), $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  lines_before="$(wc -l <"$RESULTS")"
  # Settings that differ from the script's own defaults, for the run to fit its time; set by the caller, they are kept.
  settings=()
  case "$target" in
    start) settings=(DATABASES="${START_DATABASES:-sqlite}") ;;
    statistics) settings=(ROWS="${ROWS:-1000000}") ;;
  esac
  # In the background and waited for, so that the trap above can stop it; its output shown and kept.
  env "${settings[@]}" "etc/bench/$script" > >(tee "$logs/$target.log") 2>&1 &
  script_pid=$!
  status=0; wait "$script_pid" || status=$?
  script_pid=""
  # workbench.sh prints its figures and then exits 1 when a page is over its limit: its rows stand, the status is in the log.
  if [ "$status" -ne 0 ] && [ "$(wc -l <"$RESULTS")" -eq "$lines_before" ]; then
    printf '%s\t%s\t\t\t\t%s\t%s\n' "$target (etc/bench/$script)" "failed with status $status: $logs/$target.log" "no figure" \
      "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
  fi
done
minutes="$(awk -v s="$started" -v e="$(date +%s)" 'BEGIN { printf "%.1f", (e - s) / 60 }')"

# The variables of the scripts that were set for this run (a shortened run must say so beside its figures).
settings_used=""
for name in DURATION WARMUP CONNECTIONS THREADS SYNCHRONOUS CLOCKS OVERDUE RUNS IDLE READYTORUN HOSTS DATABASES YEAR \
  USERS LIMIT_MS VARIANTS ROUNDS HOST_SETTINGS; do
  [ -z "${!name:-}" ] || settings_used+="${settings_used:+, }$name=${!name}"
done
[ -n "$settings_used" ] || settings_used="the scripts' defaults"
settings_used+="; statistics at ROWS=${ROWS:-1000000}, start-up on ${START_DATABASES:-sqlite}"
commit="$(git rev-parse --short HEAD)"
# The table's own files change with every run: only other changes make the run one of uncommitted code.
git diff --quiet HEAD -- . ':!etc/bench/LAST-RUN.md' ':!README.md' || commit="$commit with uncommitted changes"
table="$logs/table.md"
{
  echo "Run of $commit, $(date -u -d "@$started" +%Y-%m-%d\ %H:%M)–$(date -u +%H:%M) UTC ($minutes minutes), $(nproc) cores," \
    "load average $load_at_start at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end (1, 5, 15 minutes)."
  echo "Settings: $settings_used."
  echo
  echo "| target | figure | baseline (same run) | ratio | goal | met | load average |"
  echo "|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, ($6 == "yes" || $6 == "no" ? "**" $6 "**" : $6), $7 }' "$RESULTS"
} >"$table"
echo
cat "$table"
echo
echo "Each script's output and the results: $logs"

if [ "$record" = 1 ]; then
  { echo "# The last run of etc/bench/all.sh"; echo; cat "$table"; } >etc/bench/LAST-RUN.md
  # The README's copy sits between two marker lines of its "One command" part; everything between them is replaced.
  begin='<!-- etc/bench/all.sh writes its last run below -->'
  end='<!-- end of etc/bench/all.sh'"'"'s last run -->'
  grep -qxF "$begin" README.md && grep -qxF "$end" README.md || { echo "README.md lacks the markers $begin … $end" >&2; exit 1; }
  awk -v begin="$begin" -v end="$end" -v table="$table" '
    $0 == begin { print; while ((getline line < table) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }' README.md >"$logs/README.md"
  cp "$logs/README.md" README.md
  echo "Written to etc/bench/LAST-RUN.md and README.md (One command)."
fi
