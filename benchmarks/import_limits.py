"""Import within the limits, and refusal past them: time and peak memory of each, against
``json.load`` of the same file in the same run.

Builds, in a temporary folder:
  * 10x the sample Local Reform Plan (its 16 parts ten times over, ids made unique);
  * 10x a 300-section generated plan (3,000 parts, 33,000 items), far past any real plan;
  * a million paragraphs, which the import must refuse at once, naming the limit.
For each it prints ``reformkit import`` (and ``reformkit dump`` of what was imported) in a
fresh process, and ``python -c "import json; json.load(open(F))"`` as the reference. The
target: every import within the limits under 1 GiB peak memory.
Run with ``make bench`` or ``.venv/bin/python benchmarks/import_limits.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

MEASURE = """
import resource, sys, time
sys.path.insert(0, {root!r})
started = time.perf_counter()
{body}
elapsed = time.perf_counter() - started
print("@@", code, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
REFERENCE = "import json\njson.load(open({file!r}, encoding='utf-8'))\ncode = 0"
COMMAND = (
    "from reformkit.cli.main import main\n"
    "import io, contextlib\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    code = main({args!r})"
)


def measure(body: str) -> tuple[int, float, float]:
    """Exit code, seconds and peak memory (MiB) of ``body`` run in a fresh process."""
    script = MEASURE.format(root=str(ROOT), body=body)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("@@")), None)
    if line is None:
        raise SystemExit(f"the measured process failed:\n{done.stderr}")
    _, code, seconds, peak = line.split()
    return int(code), float(seconds), int(peak) / 1024


def ten_sample_plans() -> dict[str, Any]:
    """The sample plan's parts ten times over; each copy's ids (and references) suffixed."""
    sample = json.loads((ROOT / "resources" / "samples" / "local-reform-plan.json").read_text())
    sections = []
    for copy in range(10):
        for section in json.loads(json.dumps(sample["sections"])):
            section.pop("id", None)
            for item in section["items"]:
                item["id"] = f"{item['id']}-{copy}" if "id" in item else None
                if item["id"] is None:
                    del item["id"]
                parent = item.get("fields", {}).get("parent")
                if parent:
                    item["fields"]["parent"] = f"{parent}-{copy}"
            sections.append(section)
    meta = {**sample["meta"], "title": "Ten sample plans"}
    meta.pop("id", None)
    return {**sample, "meta": meta, "sections": sections}


def generated(sections: int) -> dict[str, Any]:
    from generated_plan import generated_plan

    from reformkit.document.interchange import to_json

    return to_json(generated_plan(sections))


def million_items() -> dict[str, Any]:
    item = {"type": "paragraph", "fields": {"text": "One of a million."}}
    return {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "plan",
        "meta": {"title": "A million items"},
        "sections": [{"key": "foreword", "title": "Foreword", "items": [item] * 1_000_000}],
    }


def report(name: str, data: dict[str, Any], folder: Path) -> None:
    source = folder / f"{name}.json"
    source.write_text(json.dumps(data), "utf-8")
    target = folder / f"{name}.reformkit"
    items = sum(len(s.get("items", [])) for s in data["sections"])
    print(
        f"{name}: {len(data['sections']):,} parts, {items:,} items, "
        f"{source.stat().st_size / 1024 / 1024:.1f} MB of JSON"
    )
    _, seconds, peak = measure(REFERENCE.format(file=str(source)))
    print(f"  json.load (reference):  {seconds * 1000:8.0f} ms, peak {peak:6.0f} MiB")
    args = ["import", str(source), "-o", str(target), "--force"]
    code, seconds, peak = measure(COMMAND.format(args=args))
    outcome = "imported" if code == 0 else f"refused (exit {code})"
    print(f"  reformkit import:       {seconds * 1000:8.0f} ms, peak {peak:6.0f} MiB, {outcome}")
    if code == 0:
        code, seconds, peak = measure(COMMAND.format(args=["dump", str(target)]))
        print(f"  reformkit dump:         {seconds * 1000:8.0f} ms, peak {peak:6.0f} MiB")


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        report("ten-sample-plans", ten_sample_plans(), folder)
        report("ten-300-section-plans", generated(3000), folder)
        report("a-million-items", million_items(), folder)
        print(f"(all in {time.perf_counter() - started:.0f} s; target: each import < 1024 MiB)")


if __name__ == "__main__":
    main()
