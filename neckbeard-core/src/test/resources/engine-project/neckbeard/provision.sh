#!/bin/sh
# Nothing to install: the Procfile only needs sleep.
echo "provisioned $NECKBEARD_NODE"
