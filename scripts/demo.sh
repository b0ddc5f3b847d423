#!/usr/bin/env bash
# The main job on a fresh machine: set up .venv/, analyse and ingest the bundled sample corpus,
# print a summary and the commands to try next.
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
  .venv/bin/kabar show <id from a search>
  .venv/bin/kabar analyze ../shared/seeds/*.txt -o out/seeds.jsonl
  .venv/bin/kabar --help
NEXT
