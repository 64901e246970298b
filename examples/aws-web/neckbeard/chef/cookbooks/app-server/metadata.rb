name 'app-server'
version '0.1.0'
description 'the gunicorn app server runs as the Neckbeard Stack process; this prepares its user and directories'
