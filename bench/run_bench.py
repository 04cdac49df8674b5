"""The extraction benchmark without installing the `rakor` command: same options as `rakor bench`.

    python bench/run_bench.py --pages 2000 --workers 2 --rss-pages 1000,20000
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.cli import app  # noqa: E402

if __name__ == "__main__":
    app(["bench", *sys.argv[1:]])
