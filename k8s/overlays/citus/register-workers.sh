#!/bin/sh
# Makes the `renda` database a Citus database on the coordinator and every worker group, idempotently:
# run by the migration Job's init container before every migration (a worker added to WORKERS is
# registered on the next run). The coordinator then reaches each worker through its -rw service, so a
# failover inside a worker group changes nothing here; each role's password for those connections is
# kept in pg_dist_authinfo (the coordinator connects as the requesting role).
set -eu
WORKERS="renda-db-worker-1 renda-db-worker-2"
sql() { # host, superuser password, CA folder, statements...
  host=$1; password=$2; ca=$3; shift 3
  PGPASSWORD=$password psql -X -q -v ON_ERROR_STOP=1 \
    "host=$host-rw port=5432 dbname=renda user=postgres sslmode=verify-full sslrootcert=$ca/ca.crt" "$@"
}
for worker in $WORKERS; do
  password=$(cat "/etc/renda/superuser/$worker/password")
  sql "$worker" "$password" "/etc/renda/ca/$worker" -c "create extension if not exists citus"
done
coordinator_password=$(cat /etc/renda/superuser/renda-db/password)
sql renda-db "$coordinator_password" /etc/renda/ca/renda-db \
  -c "create extension if not exists citus" \
  -c "select citus_set_coordinator_host('renda-db-rw', 5432)"
for worker in $WORKERS; do
  sql renda-db "$coordinator_password" /etc/renda/ca/renda-db -v node="$worker-rw" \
    -c "select citus_add_node(:'node', 5432) where not exists (select 1 from pg_dist_node where nodename = :'node')"
done
# Passwords of the roles the coordinator connects to the workers as (nodeid 0: every node). The
# connections themselves use citus.node_conninfo (sslmode=require, Citus's default: encrypted; verifying
# the workers' certificates needs one CA for all three clusters, k8s/README.md, Citus).
for role in renda_owner renda_app renda_analyst; do
  sql renda-db "$coordinator_password" /etc/renda/ca/renda-db -v role="$role" \
    -v authinfo="password=$(cat "/etc/renda/roles/$role/password")" \
    -c "insert into pg_dist_authinfo (nodeid, rolename, authinfo) values (0, :'role', :'authinfo')
          on conflict (nodeid, rolename) do update set authinfo = excluded.authinfo"
done
