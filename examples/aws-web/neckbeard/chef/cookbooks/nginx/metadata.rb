name 'nginx'
version '0.1.0'
description 'nginx in front of the app server, with the upstreams from the neckbeard attributes'
