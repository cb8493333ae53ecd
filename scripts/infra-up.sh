#!/usr/bin/env bash
# Brings up what the platform needs on this machine: PostgreSQL, Redis and NATS
# with JetStream. Starts installed servers that are down; installs missing ones
# with apt when running as root; otherwise says exactly what to install.
# Idempotent: running servers are left alone.
set -euo pipefail

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
NATS_PORT=${NATS_PORT:-4222}
NATS_STORE=${NATS_STORE:-/var/lib/nats-server}
DB_NAME=${DB_NAME:-soraaya}

say() { printf '\033[1m[infra]\033[0m %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  return 1
}

missing_pkgs=()
need() { command -v "$1" >/dev/null 2>&1 || missing_pkgs+=("$2"); }

if ! port_open "$PG_PORT"; then need pg_ctlcluster postgresql; fi
if ! port_open "$REDIS_PORT"; then need redis-server redis-server; fi
if ! port_open "$NATS_PORT"; then need nats-server nats-server; fi

if ((${#missing_pkgs[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing_pkgs[*]} with apt"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_pkgs[@]}" >/dev/null
  else
    say "missing: ${missing_pkgs[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing_pkgs[*]}),"
    say "or point DATABASE_URL / REDIS_URL / NATS_URL at running servers."
    exit 1
  fi
fi

# The console's browser test (e2e/console-browser.test.ts) drives Debian's Chromium: playwright-core
# never downloads a browser. Installed like the servers when root; otherwise only a hint.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing chromium with apt (for the console's browser test)"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || say "chromium did not install; the console's browser test will fail"
  else
    say "chromium is missing: the console's browser test needs it (sudo apt-get install chromium)"
  fi
fi

if ! port_open "$PG_PORT"; then
  say "starting PostgreSQL"
  version=$(ls /etc/postgresql | sort -V | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
  wait_port "$PG_PORT" || { say "PostgreSQL did not come up on $PG_PORT"; exit 1; }
  # A fresh Debian cluster only trusts local socket peers; the services connect over TCP as postgres.
  if ! psql -h "$PG_HOST" -U postgres -Atc 'select 1' >/dev/null 2>&1; then
    hba=/etc/postgresql/$version/main/pg_hba.conf
    if [ -w "$hba" ] && ! grep -q 'soraaya-dev' "$hba"; then
      say "allowing local TCP logins for development in $hba"
      sed -i '1i host all all 127.0.0.1/32 trust # soraaya-dev\nhost all all ::1/128 trust # soraaya-dev' "$hba"
      pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
    fi
  fi
fi

if ! port_open "$REDIS_PORT"; then
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no
  wait_port "$REDIS_PORT" || { say "Redis did not come up on $REDIS_PORT"; exit 1; }
fi

if ! port_open "$NATS_PORT"; then
  say "starting NATS with JetStream (store: $NATS_STORE)"
  mkdir -p "$NATS_STORE"
  nohup nats-server -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$NATS_STORE" >/tmp/soraaya-nats.log 2>&1 &
  wait_port "$NATS_PORT" || { say "NATS did not come up on $NATS_PORT (see /tmp/soraaya-nats.log)"; exit 1; }
fi

for _ in $(seq 1 30); do psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -Atc 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -Atc "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1; then
  say "creating database $DB_NAME"
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "create database $DB_NAME"
fi
say "PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, NATS :$NATS_PORT are up"
