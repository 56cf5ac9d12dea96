#!/usr/bin/env bash
# Runs Mediation on SQLite with the demo seed at http://localhost:5000.
# Installs the CJK font (documents and Chinese UI) if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source etc/lib/install.sh

require_dotnet
ensure_packages fonts-wqy-microhei

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Database__Provider="${Database__Provider:-Sqlite}"
export Demo__Enabled="${Demo__Enabled:-true}"
export Demo__Records="${Demo__Records:-true}"
# `dotnet run` starts the app in the project folder; pin every file to ./data of the checkout.
data_dir="$PWD/data"
mkdir -p "$data_dir"
export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$data_dir/mediation.db}"
export PersonalData__KeyFile="${PersonalData__KeyFile:-$data_dir/personal-data-keys.json}"
export DataProtection__KeysPath="${DataProtection__KeysPath:-$data_dir/data-protection-keys}"

echo "==> Building"
dotnet build host/Mediation.Host -c Release -nologo -v quiet
echo "==> Starting on $ASPNETCORE_URLS (data in ./data; Ctrl+C to stop)"
exec dotnet run --project host/Mediation.Host -c Release --no-build
