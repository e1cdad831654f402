"""A seeded discrete-event simulation of one Amazon Connect instance.

It writes the raw files Connect, Kinesis Data Firehose, CloudWatch Logs, Contact Lens and Customer Profiles
land in S3, and beside them (never inside the landing folder) the ground truth of what happened.
"""
