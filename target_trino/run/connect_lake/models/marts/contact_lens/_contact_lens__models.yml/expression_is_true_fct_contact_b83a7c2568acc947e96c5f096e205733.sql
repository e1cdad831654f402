
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    where not (customer_sentiment_without_agent between -5 and 5)

  
  
      
    ) dbt_internal_test