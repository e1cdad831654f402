"""Exports of the ML-ready marts for tools outside the warehouse (forecasting services, notebooks)."""
