
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    routing_profile_arn as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."dim_routing_profiles"
where routing_profile_arn is not null
group by routing_profile_arn
having count(*) > 1



  
  
      
    ) dbt_internal_test