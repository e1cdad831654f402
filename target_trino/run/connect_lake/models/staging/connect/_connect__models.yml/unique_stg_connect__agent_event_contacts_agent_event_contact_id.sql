
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    agent_event_contact_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_staging"."stg_connect__agent_event_contacts"
where agent_event_contact_id is not null
group by agent_event_contact_id
having count(*) > 1



  
  
      
    ) dbt_internal_test