"""Chinese identifiers: 身份证号, 统一社会信用代码, 案号 and court codes (pure Python, no I/O)."""
