
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
    where not (records_staged = records_kept + records_superseded + records_not_modelled)

  
  
      
    ) dbt_internal_test