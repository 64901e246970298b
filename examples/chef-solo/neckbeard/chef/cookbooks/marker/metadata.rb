name 'marker'
version '0.1.0'
description 'Leaves traces a test can check: a file, a package, a service of its own'
