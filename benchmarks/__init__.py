"""docgen's benchmarks against the anchors (Typst, LibreOffice, plain WeasyPrint), in one run.

``python -m benchmarks`` (``make bench``) prints a table and, as its last line, one JSON
object; see benchmarks/README.md for what each figure means and a recorded run.
"""
