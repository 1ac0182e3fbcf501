#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The README's example must be the code of examples/tipc-readme.cc (which is built and run)."""
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
readme = open(os.path.join(root, "README.md")).read()
block = re.search(r"```cpp\n(.*?)```", readme, re.S).group(1)
source = open(os.path.join(root, "examples", "tipc-readme.cc")).read()
body = "".join(l for l in source.splitlines(True) if not l.startswith("//"))
if block.strip() != body.strip():
    print("README.md example differs from examples/tipc-readme.cc")
    sys.exit(1)
print("README example matches examples/tipc-readme.cc (%d lines)" % len(block.strip().splitlines()))
