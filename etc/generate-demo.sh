#!/usr/bin/env bash
# Generates the multi-year 泰安 demo data set (issue 16) through the modules' own records — cases of every county's committee
# since 2019, 新泰's 接诉即办 requests since 2020, beside the demo seed (etc/run.sh) — then recounts the statistics. small goes through
# the services' SaveChanges (audited row by row); a size counted in records (50k, 500k, 5m) through the modules' bulk path (the same
# entities as prepared INSERTs on SQLite and binary COPY on PostgreSQL, one audit entry for the import); petitions, legal-window services
# and joint-meeting tasks of the same years come on top of the size. The seed's
# rows hold at every size: 东平县 2020–2021 3,214 disputes, 调处率100%, 成功率98.5%, 民转刑同比下降27.5%; 新泰 满意率95.38%;
# 肥城's desk 87 accepted / 65 concluded. Writes into ./data (as etc/run.sh) unless Database__Provider / ConnectionStrings__Default say
# otherwise; a second run adds nothing.
# Usage: etc/generate-demo.sh [--size small|N|Nk|Nm] [--seed N]   (records: cases and desk requests; 5m: five million, see README "Demo")
set -euo pipefail
cd "$(dirname "$0")/.."
source etc/lib/install.sh

size=small
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="${2:?--size needs small or a number of records (50k, 5m)}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    *) echo "usage: etc/generate-demo.sh [--size small|N|Nk|Nm] [--seed N]" >&2; exit 2 ;;
  esac
done
[[ "$size" == small || "$size" =~ ^[1-9][0-9]*[km]?$ ]] || { echo "--size is small or a number of records (50k, 500k, 5m), not $size" >&2; exit 2; }
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "--seed is a number, not $seed" >&2; exit 2; }

require_dotnet
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Database__Provider="${Database__Provider:-Sqlite}"
export Demo__Enabled=true
export Demo__Records="${Demo__Records:-true}"
export Demo__Volume="$size"
export Demo__VolumeSeed="$seed"
data_dir="$PWD/data"
mkdir -p "$data_dir"
export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$data_dir/mediation.db}"
export PersonalData__KeyFile="${PersonalData__KeyFile:-$data_dir/personal-data-keys.json}"
export DataProtection__KeysPath="${DataProtection__KeysPath:-$data_dir/data-protection-keys}"

echo "==> Building"
dotnet build host/Mediation.Host -c Release -nologo -v quiet
echo "==> Generating the $size demo volume (seed $seed) into $Database__Provider"
start="$(date +%s)"
dotnet run --project host/Mediation.Host -c Release --no-build -- migrate
echo "==> Done in $(( $(date +%s) - start )) s; etc/run.sh shows it (sign in as demo.coordinator.taian or demo.statistician.dongping)"
