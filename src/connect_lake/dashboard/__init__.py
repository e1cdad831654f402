"""The KPI dashboard: one self-contained HTML file built from the DuckDB warehouse's marts."""
