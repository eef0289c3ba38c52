"""dataset.yaml is validated when the definitions load, with every problem named."""

import pytest
import yaml

from pipelines.resources import DATASET_METADATA, load_dataset_metadata


def test_the_committed_file_is_valid():
    metadata = load_dataset_metadata()
    assert metadata.versioning == "pinned"
    assert metadata.version.count(".") == 2


def test_missing_and_wrong_keys_are_named(tmp_path):
    content = yaml.safe_load(DATASET_METADATA.read_text(encoding="utf-8"))
    del content["title"]
    content["versioning"] = "sometimes"
    content["version"] = "1.0"
    content["licence"] = "typo"
    broken = tmp_path / "dataset.yaml"
    broken.write_text(yaml.safe_dump(content), encoding="utf-8")
    with pytest.raises(ValueError) as failure:
        load_dataset_metadata(broken)
    message = str(failure.value)
    assert message.startswith(f"{broken} is not valid: ")
    for key in ("title: Field required", "version: String should match", "versioning:", "licence:"):
        assert key in message
