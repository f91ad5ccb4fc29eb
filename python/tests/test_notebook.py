"""The example notebooks run top to bottom."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from engines import need

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(name: str) -> str:
    """Executes ``examples/<name>`` in a fresh kernel; returns its text output (no errors allowed)."""
    path = EXAMPLES / name
    nb = nbformat.read(str(path), as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    return "".join(str(o.get("text", "")) for o in outputs)


def test_quickstart_notebook_runs() -> None:
    text = run("quickstart.ipynb")
    assert "match the ground truth" in text
    assert "AuthError daily 401" in text


def test_dlt_notebook_runs() -> None:
    need("dlt", "dlt")
    need("duckdb", "dlt")
    text = run("dlt_duckdb.ipynb")
    assert "match the ground truth" in text
    assert "the edited one is now titled 'Quarterly review (moved)'" in text


def test_spark_notebook_runs() -> None:
    need("pyspark", "spark")
    text = run("spark_local.ipynb")
    assert "match the ground truth" in text
    assert "5 partitions: one per provider account" in text
