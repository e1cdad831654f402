
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    where not (external_call_error_count <= external_call_count)

  
  
      
    ) dbt_internal_test