
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        quarantine_level as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
    group by quarantine_level

)

select *
from all_values
where value_field not in (
    'object','line'
)



  
  
      
    ) dbt_internal_test