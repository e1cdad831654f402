"""Writers that lay files out exactly as the AWS services land them in S3."""
