
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    where not (agent_sentiment_begin between -5 and 5)

  
  
      
    ) dbt_internal_test