"""Tooling for the connect_lake dbt project."""
