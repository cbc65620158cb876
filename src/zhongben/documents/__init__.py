"""Sendable documents: 检察建议书, 说明案件执行情况通知书 and 调查核实报告 composed from a lead's
evidence and the case's facts, laid out to GB/T 9704-2012, rendered to .docx and PDF, edited,
versioned, approved and issued (see docs/workflow.md)."""
