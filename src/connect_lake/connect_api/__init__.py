"""Amazon Connect's own APIs through boto3: its metrics (GetMetricDataV2) to reconcile the warehouse against."""
