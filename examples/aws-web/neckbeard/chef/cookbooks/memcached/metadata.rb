name 'memcached'
version '0.1.0'
description 'memcached sized by node["memcached"]["memory_mb"]'
