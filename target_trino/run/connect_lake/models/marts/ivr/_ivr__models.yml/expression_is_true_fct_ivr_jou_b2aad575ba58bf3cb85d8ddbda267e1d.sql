
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    where not (ivr_outcome <> 'queued' or reached_queue)

  
  
      
    ) dbt_internal_test