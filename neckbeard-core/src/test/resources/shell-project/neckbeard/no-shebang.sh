echo "no #! line: run by /bin/sh"
