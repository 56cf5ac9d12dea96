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
