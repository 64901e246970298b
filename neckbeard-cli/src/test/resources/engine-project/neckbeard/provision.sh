#!/bin/sh
# Test provisioning: sleeps provision.sleep seconds, fails on the node named by provision.fail_node.
set -eu
param() {
  python3 -c 'import json, os, sys; print(json.load(open(os.environ["NECKBEARD_PARAMS"]))["provision"][sys.argv[1]])' "$1"
}
echo "provisioning $NECKBEARD_NODE of generation $NECKBEARD_GENERATION"
sleep "$(param sleep)"
if [ "$(param fail_node)" = "$NECKBEARD_NODE" ]; then
  echo "disk full on $NECKBEARD_NODE" >&2
  exit 3
fi
