"""Language detectors side by side: speed and agreement on the same texts.

Run: ``python -m pipelines.bench.languages [--polnear PATH] [--lingua]``. Texts:
the development corpus (71 English articles), optionally the first 300 articles of
PolNeAR train, and one invented paragraph each in Spanish, French, German and
Portuguese. ``--lingua`` also times lingua-language-detector, which must be
importable (it has no wheels for Python 3.11: ``uv run --python 3.12 --with
lingua-language-detector==2.2.0 python -m pipelines.bench.languages --lingua``).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from pipelines.transforms.language import language_identifier

CORPUS = Path(__file__).parents[2] / "tests" / "gold" / "dev" / "texts"
FOREIGN = {
    "es": "El alcalde de la ciudad anunció el lunes que el transbordador funcionará todo el "
    "invierno por primera vez en una década, después de que los usuarios lo pidieran.",
    "fr": "Le maire de la ville a annoncé lundi que le traversier fonctionnera tout l'hiver "
    "pour la première fois depuis dix ans, après que les usagers l'ont réclamé.",
    "de": "Der Bürgermeister kündigte am Montag an, dass die Fähre zum ersten Mal seit einem "
    "Jahrzehnt den ganzen Winter über fahren wird.",
    "pt": "O prefeito da cidade anunciou na segunda-feira que a balsa funcionará durante todo "
    "o inverno pela primeira vez em uma década.",
}


def _lingua() -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> str:
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else "und"

    return detect


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, help="a PolNeAR clone: adds 300 train articles")
    parser.add_argument("--lingua", action="store_true", help="also time lingua")
    args = parser.parse_args(argv)
    texts = [(p.read_text(encoding="utf-8"), "en") for p in sorted(CORPUS.glob("*.txt"))]
    if args.polnear:
        train = sorted((args.polnear / "data" / "train" / "text").glob("*.txt"))[:300]
        texts += [(p.read_text(encoding="utf-8"), "en") for p in train]
    texts += [(text, code) for code, text in FOREIGN.items()]
    words = sum(len(text.split()) for text, _ in texts)
    detectors: dict[str, Callable[[str], str]] = {
        "py3langid": lambda text: str(language_identifier().classify(text)[0])
    }
    if args.lingua:
        detectors["lingua"] = _lingua()
    for name, detect in detectors.items():
        start = time.perf_counter()
        right = sum(detect(text) == code for text, code in texts)
        seconds = time.perf_counter() - start
        print(
            f"{name}: {right}/{len(texts)} right, {words:,} words in {seconds:.2f} s "
            f"({words / seconds:,.0f} words/s)"
        )


if __name__ == "__main__":
    main()
