"""docgen: GB/T 9704-2012 会议纪要 — YAML → DOCX/PDF, and archived minutes back to YAML."""

__version__ = "0.1.0"
