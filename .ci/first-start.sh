#!/usr/bin/env bash
# CI: a newcomer's first start, as the user running CI (root on these machines), from a private folder
# (mode 700, as root's home is): clone, `npm install && npm start`, then the server must be ready and
# answer a GraphQL query. As root the embedded PostgreSQL runs as `postgres`, who cannot reach such a
# folder: this is the start that once failed with `spawn …/initdb EACCES`.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
place=$(mktemp -d "${HOME:-/root}/renda-first-start.XXXXXX")
chmod 700 "$place"
server_pid=
cleanup() {
  # npm start runs the server in its own process group (set -m below): stop it and its PostgreSQL.
  [ -n "$server_pid" ] && kill -TERM -- "-$server_pid" 2>/dev/null || true
  sleep 3
  [ -n "$server_pid" ] && kill -KILL -- "-$server_pid" 2>/dev/null || true
  # The data folder root was given outside the private folder (see server/README.md, "As root").
  if [ -f "$place/data-dir" ]; then rm -rf "$(cat "$place/data-dir")"; fi
  rm -rf "$place"
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
pg_port=$(free_port)

git clone -q "$repo" "$place/renda"
cd "$place/renda"
echo "first start in $place/renda (mode $(stat -c %a "$place")) as $(id -un)"
npm install --no-audit --no-fund --prefer-offline >"$place/install.log" 2>&1 || { tail -40 "$place/install.log"; exit 1; }

set -m
PORT=$port RENDA_PG_PORT=$pg_port npm start >"$place/start.log" 2>&1 &
server_pid=$!
set +m

deadline=$((SECONDS + 600))
until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
  if ! kill -0 "$server_pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
    echo "the first start did not become ready:"; tail -40 "$place/start.log"; exit 1
  fi
  sleep 2
done
grep -o '"dataDir":"[^"]*"' "$place/start.log" | head -1 | cut -d'"' -f4 >"$place/data-dir" || true
answer=$(curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(input: {login: \"demo.admin\", password: \"renda-demo-2026\"}) { user { role } } }"}')
echo "answer: $answer"
case "$answer" in
  *'"role":"COUNTY_ADMIN"'*) echo "first start from a mode-700 folder: ready and answering" ;;
  *) echo "unexpected answer"; tail -40 "$place/start.log"; exit 1 ;;
esac

# `npm test` from the same folder: its global setup starts an embedded PostgreSQL of its own in .data/,
# as does this test file (which stops and restarts it). The whole suite already ran in CI's own clone.
npm test --workspace server -- src/observability/readiness-database.test.ts >"$place/test.log" 2>&1 \
  || { tail -40 "$place/test.log"; exit 1; }
echo "npm test from a mode-700 folder: the embedded PostgreSQL starts for the tests too"
