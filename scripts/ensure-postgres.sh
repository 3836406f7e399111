#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers for the tests: uses a running one, starts an installed one, or installs
# one from Debian's packages. Fails loudly (exit 1) when none can be reached: the suite never skips PostgreSQL.
set -euo pipefail

log() { echo "ensure-postgres: $*" >&2; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else log "need root for: $*"; return 1; fi; }

if [ -n "${SUYUAN_TEST_PG_URL:-}" ]; then
  # A server of the caller's choosing: only check it answers.
  command -v psql >/dev/null || sudo_ apt-get install -y -qq postgresql-client >/dev/null
  psql "$SUYUAN_TEST_PG_URL" -c 'select 1' >/dev/null 2>&1 && exit 0
  base="${SUYUAN_TEST_PG_URL%/*}/postgres"
  psql "$base" -c 'select 1' >/dev/null && exit 0
  log "cannot reach PostgreSQL at SUYUAN_TEST_PG_URL"; exit 1
fi

ready() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }
can_login() { psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; }

if ! ready; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    log "PostgreSQL is not installed; installing it from Debian's packages"
    sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  sudo_ pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do ready && break; sleep 0.5; done
  ready || { log "PostgreSQL $version did not come up; see /var/log/postgresql/"; exit 1; }
fi

if ! can_login; then
  # A fresh Debian cluster asks for passwords over TCP: let the local test user in (test machines only).
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  if [ -f "$hba" ] && ! grep -q "suyuan-tests" "$hba"; then
    log "allowing local trust logins for the tests in $hba"
    sudo_ sed -i '1i host all postgres 127.0.0.1/32 trust # suyuan-tests\nhost all postgres ::1/128 trust # suyuan-tests' "$hba"
    sudo_ pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    sleep 1
  fi
fi
can_login || { log "PostgreSQL runs but user postgres cannot log in over 127.0.0.1; set SUYUAN_TEST_PG_URL"; exit 1; }
