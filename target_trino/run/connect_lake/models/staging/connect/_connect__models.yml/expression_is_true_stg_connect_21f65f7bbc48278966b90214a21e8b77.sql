
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
    where not (lines_read = blank_lines + lines_quarantined + records_staged)

  
  
      
    ) dbt_internal_test