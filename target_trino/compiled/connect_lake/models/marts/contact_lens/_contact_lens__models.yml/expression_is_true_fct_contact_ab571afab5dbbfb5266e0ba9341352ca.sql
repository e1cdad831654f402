
    select *
    from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    where not (customer_sentiment_with_agent between -5 and 5)
