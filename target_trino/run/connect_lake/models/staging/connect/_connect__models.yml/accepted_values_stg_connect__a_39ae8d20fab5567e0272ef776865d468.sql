
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        channel as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
    group by channel

)

select *
from all_values
where value_field not in (
    'VOICE','CHAT','TASK','EMAIL'
)



  
  
      
    ) dbt_internal_test