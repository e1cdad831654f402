
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select root_contact_id
from "iceberg"."connect_lake_marts"."fct_contacts"
where root_contact_id is null



  
  
      
    ) dbt_internal_test