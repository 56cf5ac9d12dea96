#!/usr/bin/env bash
# Adds one migration per provider (SQLite, PostgreSQL, SQL Server). Usage: etc/add-migration.sh Name
# No database is contacted; the design-time factories in host/Mediation.Host/Data build the model.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: etc/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
cd host/Mediation.Host
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" --context "${provider}MediationDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Mediation.Host.Data.Migrations.$provider"
  # dotnet-ef places the snapshot by namespace; keep it beside its migrations.
  if [ -d Mediation ]; then
    find Mediation -name '*Snapshot.cs' -exec mv {} "Data/Migrations/$provider/" \;
    rm -rf Mediation
  fi
done
