
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_staging"."base_connect__contact_records"
    where not (_row_kind <> 'record' or contact_id is not null)

  
  
      
    ) dbt_internal_test