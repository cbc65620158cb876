"""Data protection shared by every exporter: the export watermark (who, when, for what) and the
masking of personal data inside generated documents."""
