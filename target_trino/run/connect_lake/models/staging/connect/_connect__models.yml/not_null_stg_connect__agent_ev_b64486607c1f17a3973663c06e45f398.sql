
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select contact_state_started_at
from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
where contact_state_started_at is null



  
  
      
    ) dbt_internal_test