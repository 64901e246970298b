# Records whether PORT reached it (it must not), then waits like a real worker.
echo "worker PORT=${PORT:-unset} GREETING=$GREETING" > "${NECKBEARD_WORKER_FILE:-worker.out}"
exec sleep 600
