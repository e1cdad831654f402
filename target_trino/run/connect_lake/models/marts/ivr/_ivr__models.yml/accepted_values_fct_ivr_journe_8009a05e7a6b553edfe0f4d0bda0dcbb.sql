
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        ivr_outcome as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_ivr_journeys"
    group by ivr_outcome

)

select *
from all_values
where value_field not in (
    'queued','contained','closed','dropped'
)



  
  
      
    ) dbt_internal_test