
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select profile_id
from "iceberg"."connect_lake_marts"."dim_customers"
where profile_id is null



  
  
      
    ) dbt_internal_test