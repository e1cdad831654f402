
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select recording_location
from "iceberg"."connect_lake_marts"."fct_recordings"
where recording_location is null



  
  
      
    ) dbt_internal_test