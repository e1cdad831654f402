
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        _row_kind as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_staging"."base_connect__contact_records"
    group by _row_kind

)

select *
from all_values
where value_field not in (
    'record','blank_line','quarantined_line','quarantined_object'
)



  
  
      
    ) dbt_internal_test