#!/bin/sh
# Test provisioning: fails at once on the node named by provision.fail_node (so the failure comes
# while the nodes that started beside it are still sleeping), else sleeps provision.sleep seconds.
set -eu
param() {
  python3 -c 'import json, os, sys; print(json.load(open(os.environ["NECKBEARD_PARAMS"]))["provision"][sys.argv[1]])' "$1"
}
echo "provisioning $NECKBEARD_NODE of generation $NECKBEARD_GENERATION"
if [ "$(param fail_node)" = "$NECKBEARD_NODE" ]; then
  echo "disk full on $NECKBEARD_NODE" >&2
  exit 3
fi
sleep "$(param sleep)"
