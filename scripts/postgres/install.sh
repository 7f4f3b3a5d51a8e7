#!/usr/bin/env bash
# Installs what the PostgreSQL tests need on a Debian machine: PostgreSQL 15 and its server headers from apt,
# and pgvector built from ../shared/vendor (Debian does not package it). Idempotent: each step is skipped when
# its result is already there. Never fails the caller: without root, apt or the tarball it says why and stops,
# and the PostgreSQL tests then skip with that reason.
set -uo pipefail
cd "$(dirname "$0")/../.."

pg_version=15
pg_bin=/usr/lib/postgresql/$pg_version/bin
tarball=../shared/vendor/pgvector-0.8.6.tar.gz
sha256=5743dac39fdfa740533cf95e71b033bd5513b71dda194b3cf19464ccbf76f3fb

say() { echo "postgres-install: $*"; }

if [ ! -x "$pg_bin/postgres" ] || [ ! -x "$pg_bin/pg_config" ] || [ ! -d "/usr/include/postgresql/$pg_version/server" ]; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL $pg_version is not installed and this is not root with apt; the PostgreSQL tests will skip"
    exit 0
  fi
  say "installing postgresql-$pg_version and postgresql-server-dev-$pg_version with apt"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "postgresql-$pg_version" "postgresql-server-dev-$pg_version" >/dev/null) ||
    { say "apt-get failed; the PostgreSQL tests will skip"; exit 0; }
fi

sharedir=$("$pg_bin/pg_config" --sharedir)
if [ -f "$sharedir/extension/vector.control" ]; then
  say "pgvector is installed"
  exit 0
fi
if [ ! -f "$tarball" ]; then
  say "pgvector is not installed and $tarball is absent; the PostgreSQL tests will skip"
  exit 0
fi
if ! echo "$sha256  $tarball" | sha256sum --check --status; then
  say "$tarball does not match its sha256; not building it"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  say "building pgvector needs root to install into $sharedir; the PostgreSQL tests will skip"
  exit 0
fi
src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
tar -xzf "$tarball" -C "$src"
say "building pgvector 0.8.6"
# OPTFLAGS="" makes a portable build (no -march=native); with_llvm=no skips the JIT bitcode.
if make -s -C "$src/pgvector-0.8.6" PG_CONFIG="$pg_bin/pg_config" OPTFLAGS="" with_llvm=no >/dev/null 2>&1 &&
  make -s -C "$src/pgvector-0.8.6" install PG_CONFIG="$pg_bin/pg_config" OPTFLAGS="" with_llvm=no >/dev/null 2>&1; then
  say "pgvector installed"
else
  say "building pgvector failed; the PostgreSQL tests will skip"
fi
exit 0
