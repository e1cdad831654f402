
    select *
    from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    where not (agent_sentiment_end between -5 and 5)
