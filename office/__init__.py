"""The office's view of the province: summaries and KPI per unit (summary.py), the
monthly report duties, the Excel export (xlsx.py), the KPI chart (chart.py) and the
texts shared by the chat, the weekly digest and the CLI (text.py)."""
