
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_staging"."base_connect__customer_profiles"
    where not (_row_kind <> 'record' or event_id is not null)

  
  
      
    ) dbt_internal_test