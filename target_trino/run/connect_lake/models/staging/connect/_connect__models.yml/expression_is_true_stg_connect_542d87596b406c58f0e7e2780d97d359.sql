
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
    where not (lines_quarantined = quarantined_invalid_json + quarantined_invalid_utf8 + quarantined_missing_field + quarantined_invalid_timestamp + quarantined_invalid_number + quarantined_negative_duration)

  
  
      
    ) dbt_internal_test