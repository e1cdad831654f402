
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        final_disposition as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_contact_journeys"
    group by final_disposition

)

select *
from all_values
where value_field not in (
    'HANDLED','ABANDONED','TRANSFERRED_EXTERNAL','ENDED_IN_FLOW','OTHER'
)



  
  
      
    ) dbt_internal_test