
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        agent_status_type as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_staging"."stg_connect__agent_events"
    group by agent_status_type

)

select *
from all_values
where value_field not in (
    'ROUTABLE','CUSTOM','OFFLINE'
)



  
  
      
    ) dbt_internal_test