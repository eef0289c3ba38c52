"""Schema identity: a fingerprint of every published table's structure.

Belongs here: deriving a stable identifier from the models, so the manifest
records exactly which schema a version was written with.
"""

from __future__ import annotations

import hashlib
import json

from schemas.registry import TABLES


def schema_structure() -> dict[str, list[dict[str, object]]]:
    """Table name to its columns' name, dtype and nullability, in order."""
    return {
        name: [
            {"name": col_name, "type": str(col.dtype), "nullable": bool(col.nullable)}
            for col_name, col in spec.model.to_schema().columns.items()
        ]
        for name, spec in TABLES.items()
    }


def schema_fingerprint() -> str:
    """``sha256:`` plus the first 16 hex digits of the hash of ``schema_structure()``."""
    blob = json.dumps(schema_structure(), sort_keys=True).encode("utf-8")
    return "sha256:" + hashlib.sha256(blob).hexdigest()[:16]
