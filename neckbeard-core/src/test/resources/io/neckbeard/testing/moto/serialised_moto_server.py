"""moto_server, handling one request at a time.

moto checks an S3 precondition (If-Match, If-None-Match) and stores the object in two steps, and
its threaded server interleaves requests between them: two racing conditional writes could then
both succeed, where S3 lets exactly one through. Holding one lock around each request restores
S3's semantics (and also stops a GET from reading an object buffer that an overwrite just closed).
Connections are still served by threads, so keep-alive clients do not block one another.

Usage: python serialised_moto_server.py -H 127.0.0.1 -p PORT  (the arguments of moto_server)
"""
import sys
import threading

import moto.server as server

_one_at_a_time = threading.Lock()
_run_simple = server.run_simple


def _serialised_run_simple(host, port, application, **options):
    def serialised(environ, start_response):
        with _one_at_a_time:
            # The whole body is produced under the lock: moto may read object buffers lazily.
            return list(application(environ, start_response))

    _run_simple(host, port, serialised, **options)


server.run_simple = _serialised_run_simple
server.main(sys.argv[1:])
