"""PNG pictures of the pages worth looking at in a built site's PDFs, to review by eye.

    python bench/pdf_pages.py site bench/out/pdf [--dpi 70]

For every guide PDF and directory PDF (the whole one and its parts, in
`directorio/`) under `site`: the cover (page 1), the contents (page 2), the first
page of text (3) and, for the directory, a page from the middle of the groups and
the last page (the index).  Needs poppler's
`pdftoppm` (Debian: poppler-utils).
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from pypdf import PdfReader


def pages_to_show(pdf: Path) -> list[int]:
    count = len(PdfReader(pdf).pages)
    wanted = [1, 2, 3]
    if pdf.name.startswith(("directorio-", "directory-")):
        wanted += [count // 2, count]
    return sorted({page for page in wanted if page <= count})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pdfs = (sorted(args.site.glob("directorio-*.pdf")) + sorted(args.site.glob("directorio/*.pdf"))
            + sorted(args.site.glob("guias/*/*.pdf")))
    for pdf in pdfs:
        for page in pages_to_show(pdf):
            target = args.out / f"{pdf.stem}-p{page}"
            subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(page), "-l",
                            str(page), "-singlefile", str(pdf), str(target)], check=True)
            print(f"{target}.png")


if __name__ == "__main__":
    main()
