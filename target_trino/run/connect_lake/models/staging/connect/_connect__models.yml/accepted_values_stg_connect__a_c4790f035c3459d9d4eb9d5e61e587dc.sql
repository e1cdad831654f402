
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        contact_state as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
    group by contact_state

)

select *
from all_values
where value_field not in (
    'INCOMING','PENDING','CONNECTING','CONNECTED','CONNECTED_ONHOLD','PAUSED','ENDED','MISSED','REJECTED','ERROR'
)



  
  
      
    ) dbt_internal_test