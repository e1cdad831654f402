
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select interval_start
from "iceberg"."connect_lake_marts"."fct_agent_intervals"
where interval_start is null



  
  
      
    ) dbt_internal_test