
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select
        profile_id, version_number,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."dim_customers"
    group by profile_id, version_number
    having count(*) > 1

  
  
      
    ) dbt_internal_test