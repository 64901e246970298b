#!/usr/bin/env bash
# Provisions one node. Idempotent: running it twice changes nothing the second time.
# The shell provisioner sets NECKBEARD_PARAMS (the node's parameter tree as JSON),
# NECKBEARD_ENV, NECKBEARD_NODE and NECKBEARD_GENERATION, and runs it in the node's work directory.
set -euo pipefail

echo "provision: ${NECKBEARD_NODE:-?} of ${NECKBEARD_ENV:-?}, generation ${NECKBEARD_GENERATION:-?}"

if ! command -v python3 >/dev/null 2>&1; then
  echo "provision: python3 is required on the node" >&2
  exit 1
fi
echo "provision: $(python3 --version)"

target="node-params.json"
if [ -n "${NECKBEARD_PARAMS:-}" ] && ! cmp -s "$NECKBEARD_PARAMS" "$target"; then
  cp "$NECKBEARD_PARAMS" "$target"
  echo "provision: wrote $target"
else
  echo "provision: $target is up to date"
fi
