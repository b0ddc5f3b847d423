#!/usr/bin/env bash
# Create .venv/ in the checkout (if missing) and install kabar with its dev tools into it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "kabar needs Python 3.11 or newer (set PYTHON=...)" >&2; exit 1; }
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.kabar-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[dev]'
  touch "$stamp"
fi
