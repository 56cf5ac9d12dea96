#!/usr/bin/env bash
# Backs up or restores Mediation's database and the keys its personal data is encrypted with.
#   etc/backup.sh backup  DIR   while the host runs: an online copy (SQLite backup API / pg_dump), the keys, SHA256SUMS
#   etc/backup.sh restore DIR   with the host stopped: checks SHA256SUMS, then restores into the configured database
# Reads the host's own settings from the environment, as etc/run.sh sets them: Database__Provider (Sqlite | PostgreSql),
# ConnectionStrings__Default, PersonalData__KeyFile and DataProtection__KeysPath (both optional).
# The backup holds the key file when one is configured: without it the encrypted 身份证号 and phones cannot be read back,
# and with it anyone holding the backup can read them — keep the backup as safe as the keys.
set -euo pipefail
cd "$(dirname "$0")/.."
source etc/lib/install.sh

action="${1:?usage: etc/backup.sh backup|restore DIR}"
dir="${2:?usage: etc/backup.sh backup|restore DIR}"
provider="${Database__Provider:-Sqlite}"
connection="${ConnectionStrings__Default:-Data Source=$PWD/data/mediation.db}"
key_file="${PersonalData__KeyFile:-}"
dp_keys="${DataProtection__KeysPath:-}"

# One value of an ADO.NET connection string ("Host=a;Port=5432;..."), by any of the given key names, case-insensitively.
setting() {
  local IFS=';' part key value name
  for part in $connection; do
    key="${part%%=*}"; value="${part#*=}"
    key="$(echo "$key" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
    for name in "$@"; do [ "$key" = "$name" ] && { echo "$value"; return; }; done
  done
}

pg_args() {
  local host port user
  host="$(setting host server)"; port="$(setting port)"; user="$(setting username userid user)"
  [ -n "$(setting password)" ] && export PGPASSWORD="$(setting password)"
  echo "-h ${host:-localhost} -p ${port:-5432} ${user:+-U $user}"
}

case "$provider:$action" in
  Sqlite:backup)
    command -v sqlite3 >/dev/null || ensure_packages sqlite3
    db="$(setting 'datasource' 'filename')"
    mkdir -p "$dir"
    # The online backup API copies a consistent snapshot while the host keeps writing (WAL).
    sqlite3 "$db" ".backup '$dir/mediation.db'"
    ;;
  Sqlite:restore)
    db="$(setting 'datasource' 'filename')"
    (cd "$dir" && sha256sum --quiet -c SHA256SUMS)
    if [ -e "$db" ]; then echo "$db exists; move it away first (restore never overwrites a database)" >&2; exit 1; fi
    mkdir -p "$(dirname "$db")"
    cp "$dir/mediation.db" "$db"
    ;;
  PostgreSql:backup)
    command -v pg_dump >/dev/null || ensure_packages postgresql-client
    mkdir -p "$dir"
    # shellcheck disable=SC2046
    pg_dump $(pg_args) -d "$(setting database)" -Fc --no-owner --no-privileges -f "$dir/mediation.dump"
    ;;
  PostgreSql:restore)
    command -v pg_dump >/dev/null || ensure_packages postgresql-client
    (cd "$dir" && sha256sum --quiet -c SHA256SUMS)
    target="$(setting database)"
    # shellcheck disable=SC2046
    tables="$(psql $(pg_args) -d "$target" -tAc "select count(*) from information_schema.tables where table_schema not in ('pg_catalog','information_schema')")"
    if [ "$tables" != "0" ]; then echo "database $target is not empty; restore into a new one (createdb)" >&2; exit 1; fi
    # shellcheck disable=SC2046
    pg_restore $(pg_args) -d "$target" --no-owner --no-privileges --single-transaction --exit-on-error "$dir/mediation.dump"
    ;;
  *) echo "usage: etc/backup.sh backup|restore DIR (Database__Provider Sqlite or PostgreSql; SQL Server: use its own BACKUP DATABASE)" >&2; exit 2 ;;
esac

case "$action" in
  backup)
    if [ -n "$key_file" ] && [ -f "$key_file" ]; then cp "$key_file" "$dir/personal-data-keys.json"; fi
    if [ -n "$dp_keys" ] && [ -d "$dp_keys" ]; then rm -rf "$dir/data-protection-keys"; cp -r "$dp_keys" "$dir/data-protection-keys"; fi
    (cd "$dir" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
    echo "backup written to $dir ($(du -sh "$dir" | cut -f1)); keep it as safe as the keys it holds"
    ;;
  restore)
    if [ -f "$dir/personal-data-keys.json" ] && [ -n "$key_file" ] && [ ! -e "$key_file" ]; then
      mkdir -p "$(dirname "$key_file")"; cp "$dir/personal-data-keys.json" "$key_file"
    fi
    if [ -d "$dir/data-protection-keys" ] && [ -n "$dp_keys" ] && [ ! -e "$dp_keys" ]; then
      mkdir -p "$(dirname "$dp_keys")"; cp -r "$dir/data-protection-keys" "$dp_keys"
    fi
    echo "restored from $dir"
    ;;
esac
