
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select initiated_at
from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where initiated_at is null



  
  
      
    ) dbt_internal_test