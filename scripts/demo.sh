#!/usr/bin/env bash
# The main job on a fresh machine: set up .venv/, analyse and ingest the bundled sample corpus,
# print a summary and the commands to try next, then serve the sample store in the browser
# (Ctrl-C stops it; KABAR_DEMO_SERVE=0 skips serving, KABAR_PORT picks another port).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export KABAR_DB=${KABAR_DB:-$PWD/sample.db}
mkdir -p out
echo "== kabar analyze --sample -o out/sample.jsonl"
.venv/bin/kabar analyze --sample -o out/sample.jsonl --report out/sample-report.json
echo "== kabar ingest --sample   (store: $KABAR_DB)"
.venv/bin/kabar ingest --sample
echo "== kabar stats"
.venv/bin/kabar stats
echo "== kabar search '\"Kim Jong Un\"' --limit 5"
.venv/bin/kabar search '"Kim Jong Un"' --limit 5
cat <<NEXT

Next, try (with KABAR_DB=$KABAR_DB):
  .venv/bin/kabar search 'limusin OR Aurus' --since 2024-01-01
  .venv/bin/kabar quotes --speaker Peskov
  .venv/bin/kabar events --category CONSULT --format csv
  .venv/bin/kabar stories
  .venv/bin/kabar actor Korut
  .venv/bin/kabar analyze ../shared/seeds/*.txt -o out/seeds.jsonl
  .venv/bin/kabar --help
NEXT
if [ "${KABAR_DEMO_SERVE:-1}" != 0 ]; then
  port=${KABAR_PORT:-8000}
  echo
  echo "== kabar serve: open http://127.0.0.1:$port/  (Ctrl-C to stop)"
  exec .venv/bin/kabar serve --port "$port"
fi
