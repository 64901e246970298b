#!/usr/bin/env python3
# A provisioning script in another language: run through the interpreter its #! line names.
import os, sys
print("python provisioned %s (%s)" % (os.environ["NECKBEARD_NODE"], sys.version_info[0]))
