"""Write docs/assets/javascripts/exam-bank.js, the question bank the practice exam,
review and progress pages load, from quizzes/ (make bank).

    python scripts/make_bank.py          # write it
    python scripts/make_bank.py --check  # fail if the committed file is out of date

The file is committed so that every builder publishes it: MkDocs regenerates it
in the site anyway (macros/hooks.py), Zensical runs no hooks and copies it as is.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    from macros.loader import DataError
    from macros.site_data import SiteData

    conf = load_config(config_file=str(ROOT / "mkdocs.yml"))
    try:
        data = SiteData.load(str(ROOT), conf)
    except DataError as exc:
        print(f"make_bank: {exc}", file=sys.stderr)
        return 1
    path = data.docs_dir / data.EXAM_BANK_FILE
    text = data.exam_bank_script()
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if "--check" in argv:
        if current != text:
            print(f"{path.relative_to(ROOT)} is out of date with quizzes/: run `make bank`",
                  file=sys.stderr)
            return 1
        print(f"{path.relative_to(ROOT)} is up to date ({len(data.questions)} questions)")
        return 0
    if current != text:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(data.questions)} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
