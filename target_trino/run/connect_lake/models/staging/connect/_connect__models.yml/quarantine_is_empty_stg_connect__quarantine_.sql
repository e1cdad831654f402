
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select
        raw_source,
        quarantine_reason,
        count(*) as quarantined
    from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
    group by raw_source, quarantine_reason

  
  
      
    ) dbt_internal_test