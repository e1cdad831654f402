
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select routing_profile_arn
from "iceberg"."connect_lake_marts"."dim_routing_profiles"
where routing_profile_arn is null



  
  
      
    ) dbt_internal_test