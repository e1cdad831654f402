
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    flow_block_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
where flow_block_id is not null
group by flow_block_id
having count(*) > 1



  
  
      
    ) dbt_internal_test