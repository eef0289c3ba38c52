"""A content-addressed cache of parses: an article whose text and model are unchanged
is never parsed again.

Belongs here: where one parse is stored (``<root>/<model key>/<sha[:2]>/<sha>.spacy``,
the DocBin bytes of one article, keyed by the SHA-256 of its text) and reading and
writing it atomically. The model key is the model's name and version and spaCy's
version and our tokenizer rules (``nlp.TOKENIZER_RULES``), so another model, spaCy
version or tokenizer never reads these parses. Not here:
parsing (``nlp.py``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pipelines.transforms.hashing import sha256_text

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class ParseCache:
    """Parses of one model under ``root``."""

    root: Path
    model_key: str

    @classmethod
    def for_model(cls, root: Path, info: dict[str, str]) -> ParseCache:
        """The cache of the model ``info`` describes (``nlp.installed_model_info``)."""
        return cls(Path(root), model_key(info))

    def _path(self, text_sha256: str) -> Path:
        return self.root / self.model_key / text_sha256[:2] / f"{text_sha256}.spacy"

    def get(self, text_sha256: str) -> bytes | None:
        """The stored parse of the text with this SHA-256, or None."""
        try:
            return self._path(text_sha256).read_bytes()
        except OSError:
            return None

    def has(self, text_sha256: str) -> bool:
        """Whether the text with this SHA-256 has a stored parse."""
        return self._path(text_sha256).is_file()

    def count(self, texts: list[str]) -> int:
        """How many of ``texts`` have a stored parse."""
        return sum(self._path(sha256_text(t)).is_file() for t in texts)

    def put(self, text_sha256: str, doc: bytes) -> None:
        """Store one parse (write to a temporary name, then rename: never half a file)."""
        path = self._path(text_sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(doc)
        os.replace(tmp, path)


def model_key(info: dict[str, str]) -> str:
    """What makes a parse: the model's name and version, spaCy's version and our
    tokenizer rules, as one file-name-safe string."""
    key = (
        f"{info['name']}-{info['version']}-spacy{info.get('spacy_version', '')}"
        f"-{info.get('tokenizer_rules', '')}"
    )
    return _UNSAFE.sub("_", key)
