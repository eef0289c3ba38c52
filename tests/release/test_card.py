"""The dataset card's code runs: every Python block, in the version folder it describes."""

import re
import subprocess
import sys

import pytest
import yaml

from schemas.registry import TABLES

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _blocks(folder):
    return BLOCK.findall((folder / "README.md").read_text(encoding="utf-8"))


def test_the_front_matter_names_one_config_per_table(seeds_build):
    text = (seeds_build.folder / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["configs"] == [
        {"config_name": name, "data_files": f"{name}.parquet"} for name in TABLES
    ]


def test_every_loading_example_runs_in_the_version_folder(seeds_build):
    blocks = _blocks(seeds_build.folder)
    assert len(blocks) == 6
    ran = []
    for code in blocks:
        if "from datasets import" in code:
            continue  # Hugging Face `datasets` is not a dependency here; see the next test
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=seeds_build.folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"{code}\n{done.stderr[-2000:]}"
        ran.append(done.stdout)
    assert len(ran) == 5
    assert "quote_text" in ran[0] and "published_date" in ran[1]
    assert "quotations" in ran[2]
    assert "│ Democratic Party │ Democrat " in ran[3]  # one alias per row, from the list
    assert ran[4].strip().endswith("mentions")


def test_the_hugging_face_example_when_datasets_is_installed(seeds_build):
    # (`datasets.load`: the project's own datasets/ folder is importable as a namespace)
    pytest.importorskip("datasets.load", reason="Hugging Face datasets is not installed")
    (code,) = [b for b in _blocks(seeds_build.folder) if "from datasets import" in b]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=seeds_build.folder, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
