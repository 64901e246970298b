#!/usr/bin/env bash
# Provisions one app or db node over SSH. Idempotent. NECKBEARD_PARAMS is the node's tree as JSON.
set -euo pipefail
echo "provision: ${NECKBEARD_NODE:-?} of ${NECKBEARD_ENV:-?}, generation ${NECKBEARD_GENERATION:-?}"
if command -v apt-get >/dev/null 2>&1 && ! command -v nginx >/dev/null 2>&1; then
  sudo apt-get install -y nginx memcached python3-venv
fi
sudo install -m 0600 "$NECKBEARD_PARAMS" /etc/aws-web-params.json
