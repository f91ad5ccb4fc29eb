"""The data engines the dlt and Spark tests drive (optional extras of the package).

``cargo xtask ci`` installs them and sets ``MEETKIT_REQUIRE_DATAENG=1``: there a missing engine
fails the suite. Elsewhere (a checkout without the extras) those tests are skipped.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

REQUIRED = os.environ.get("MEETKIT_REQUIRE_DATAENG") == "1"


def need(module: str, extra: str) -> ModuleType:
    """Imports ``module``, or skips the calling test module when it is missing (fails in CI)."""
    if REQUIRED:
        return importlib.import_module(module)
    found: ModuleType = pytest.importorskip(module, reason=f"needs the {extra} extra: pip install 'meetkit[{extra}]'")
    return found
