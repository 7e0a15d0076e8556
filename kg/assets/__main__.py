"""``python -m kg.assets NODE_MODULES_DIR``: copy the npm-built browser files into kg (make setup)."""

from __future__ import annotations

import sys

from kg.assets import install
from kg.errors import AssetError

if len(sys.argv) != 2:
    sys.exit("usage: python -m kg.assets NODE_MODULES_DIR")
try:
    for path in install(sys.argv[1]):
        print(f"installed {path.name}")
except AssetError as error:
    sys.exit(f"error: {error}")
