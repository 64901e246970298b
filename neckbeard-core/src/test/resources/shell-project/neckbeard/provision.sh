#!/bin/sh
# Reports what the shell provisioner gave it, for ShellProvisionerTest.
echo "node=$NECKBEARD_NODE env=$NECKBEARD_ENV generation=$NECKBEARD_GENERATION app=$NECKBEARD_APP roles=$NECKBEARD_ROLES"
echo "cwd=$(pwd)"
cp "$NECKBEARD_PARAMS" seen-params.json
cp "$NECKBEARD_PEERS" seen-peers.json
