#!/usr/bin/env bash
# `npm start`: infrastructure up (installing/starting what is missing), then every
# service, migrations, and the demo tenant's data. Ctrl-C stops the services.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
bash scripts/infra-up.sh
exec node_modules/.bin/tsx scripts/dev/run-platform.ts "$@"
