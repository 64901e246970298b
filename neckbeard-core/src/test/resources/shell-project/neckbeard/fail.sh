#!/bin/sh
for i in $(seq 1 60); do echo "step $i"; done
echo "memcached: port 11211 already in use" >&2
exit 3
