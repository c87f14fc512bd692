"""Generate distinct articles for ingest benchmarks and tests from the bundled example report."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "wire_report.txt"


def generate(out: Path, n: int, source: Path = EXAMPLE) -> list[Path]:
    """Write ``n`` article files to ``out``: the example with paragraphs rotated and a number changed.

    Every text hashes differently, so none is skipped as already stored.
    """
    title, _, body = source.read_text(encoding="utf-8").partition("\n\n")
    paras = [p for p in body.split("\n\n") if p.strip()][:7]
    head, rest = paras[0], paras[1:]
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        k = i % len(rest)
        text = "\n\n".join([head.replace("at least seven", f"at least {i + 2}"), *rest[k:], *rest[:k]])
        f = out / f"article_{i:05d}.txt"
        f.write_text(f"{title} ({i})\n\n{text}\n", encoding="utf-8")
        files.append(f)
    return files
