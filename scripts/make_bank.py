"""Write docs/assets/javascripts/exam-bank.js, the question bank the practice exam
and review load, and bank-index.js, its lean index (ids, hashes, domains, sources)
that progress and review count from, from quizzes/ (make bank).

    python scripts/make_bank.py          # write it
    python scripts/make_bank.py --check  # fail if the committed file is out of date

Both files are committed so that every builder publishes it: MkDocs regenerates it
in the site anyway (macros/hooks.py), Zensical runs no hooks and copies them as they are.
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
    stale = data.stale_scripts()
    for name in data.generated_scripts():
        path = data.docs_dir / name
        shown = path.relative_to(ROOT)
        if path not in stale:
            print(f"{shown} is up to date ({len(data.questions)} questions)")
        elif "--check" in argv:
            print(f"{shown} is out of date with quizzes/: run `make bank`", file=sys.stderr)
        else:
            path.write_text(stale[path], encoding="utf-8")
            print(f"wrote {shown} ({len(data.questions)} questions)")
    if stale and "--check" in argv:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
