# Shared by the benchmark scripts under etc/bench: ports, waits, timing, and a throwaway PostgreSQL cluster under $work.
# The caller sets `work` (a temporary directory) and `pids` (an array) and calls bench_cleanup from its EXIT trap.

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
pg_data=""

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# BENCH_PORTS="5101-5119" keeps the hosts, baselines and clusters a bench starts inside that range (a shared machine gives each
# person their own); without it any free port.
free_port() {
  if [ -n "${BENCH_PORTS:-}" ]; then
    local p
    for p in $(seq "${BENCH_PORTS%-*}" "${BENCH_PORTS#*-}"); do
      python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',$p))" 2>/dev/null && { echo "$p"; return 0; }
    done
    echo "No free port in BENCH_PORTS=$BENCH_PORTS" >&2; return 1
  fi
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}
wait_for() { # url, seconds
  for _ in $(seq 1 $(( $2 * 4 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.25; done
  echo "Not ready: $1" >&2; return 1
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
seconds() { local start; start="$(date +%s.%N)"; "$@" >/dev/null; awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }'; }
# CPU seconds (user + system) the given processes have used so far, summed.
cpu_seconds() { local p; for p in "$@"; do cat "/proc/$p/stat"; done | awk -v hz="$(getconf CLK_TCK)" '{ s += $14 + $15 } END { printf "%.2f", s / hz }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# A cluster on a free port with database "mediation"; extra server settings as arguments ("-c synchronous_commit=off").
start_postgres() {
  pg_port="$(free_port)"
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"; chmod 755 "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 $*" start >/dev/null
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres mediation
}
stop_postgres() { if [ -n "$pg_data" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true; pg_data=""; fi; }
psql_mediation() { as_postgres "$pg_bin/psql" -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -p "$pg_port" -U postgres -d mediation "$@"; }

# A project built in Release, unless etc/bench/all.sh built the host and the baseline once for its whole run (BENCH_BUILT=1): a build
# that finds nothing to do still takes its seconds (a minute at a high load), once per script.
build_release() { # project directory
  [ "${BENCH_BUILT:-0}" = 1 ] && return 0
  echo "==> Building $1 (Release)"
  dotnet build "$1" -c Release -nologo -v quiet >/dev/null
}

# The Release host (built beforehand) with the demo seed on a free port ($port, $host_pid); extra NAME=value settings after the log.
# HOST_DIR names another build of the host (another worktree's host/Mediation.Host, e.g. the "before" of a change).
start_host() { # provider, connection string, log, [NAME=value ...]
  local provider="$1" cs="$2" log="$3"; shift 3
  port="$(free_port)"
  (cd "${HOST_DIR:-host/Mediation.Host}" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider="$provider" ConnectionStrings__Default="$cs" Demo__Enabled=true Demo__Password="$password" \
    Logging__LogLevel__Default=Warning PersonalData__KeyFile="$work/keys-$provider.json" DataProtection__KeysPath="$work/dp-$provider" \
    "$@" dotnet bin/Release/net10.0/Mediation.Host.dll >>"$log" 2>&1) &
  host_pid=$!; pids+=("$host_pid")
  wait_for "http://127.0.0.1:$port/health/ready" 300
}

bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_postgres
  rm -rf "$work"
}

# A target's figure for etc/bench/all.sh's table: one tab-separated line appended to the file $RESULTS names (unset: nothing, so a
# script run on its own prints only its own table). Fields: target, the measured figure, the same run's baseline, the ratio, the
# issue's goal, met (yes, no, or why the run cannot say), and the load average (1, 5, 15 minutes) when the figure was recorded.
# Every field is text for a reader; all.sh renders the lines as they are, so no script's printed table is parsed.
bench_result() { # target, figure, baseline, ratio, goal, met
  [ -n "${RESULTS:-}" ] || return 0
  local field line=""
  for field in "$@" "$(cut -d' ' -f1-3 /proc/loadavg)"; do field="${field//$'\t'/ }"; line+="${field//$'\n'/ }"$'\t'; done
  printf '%s\n' "${line%$'\t'}" >>"$RESULTS"
}
# "yes" or "no" for the goal as an awk condition over the figures ("$rps >= 2000 && $p99 <= 50"); with a second argument, the reason
# the run cannot judge the goal (a smaller scale than the goal's), printed instead.
bench_met() { # condition, [reason the run cannot say]
  if [ -n "${2:-}" ]; then echo "n/a: $2"; elif awk "BEGIN { exit !($1) }"; then echo yes; else echo no; fi
}
# The reason a figure taken below the goal's scale cannot be judged against it; nothing at the goal's scale or above.
bench_below_scale() { # measured, the goal's, what is counted; [the same three for another dimension …]
  local reasons=()
  while [ "$#" -ge 3 ]; do
    [ "$1" -ge "$2" ] || reasons+=("$1 $3 (the goal's scale is $2)")
    shift 3
  done
  local IFS=';'; [ "${#reasons[@]}" -eq 0 ] || echo "${reasons[*]}" | sed 's/;/; /g'
}
database_title() { case "$1" in sqlite) echo SQLite ;; postgresql) echo PostgreSQL ;; *) echo "$1" ;; esac; }
