#!/bin/sh
[ -f seen-params.json ] && echo "second ran after the first" > second.out
