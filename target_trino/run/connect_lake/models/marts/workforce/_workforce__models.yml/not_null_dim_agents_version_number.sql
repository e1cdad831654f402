
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select version_number
from "iceberg"."connect_lake_marts"."dim_agents"
where version_number is null



  
  
      
    ) dbt_internal_test