name 'app-server'
version '0.1.0'
