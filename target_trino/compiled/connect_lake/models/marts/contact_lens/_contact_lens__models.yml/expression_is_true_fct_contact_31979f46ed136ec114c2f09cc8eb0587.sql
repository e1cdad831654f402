
    select *
    from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    where not (customer_sentiment_overall between -5 and 5)
