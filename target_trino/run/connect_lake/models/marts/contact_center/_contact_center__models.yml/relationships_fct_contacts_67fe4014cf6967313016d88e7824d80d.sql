
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with child as (
    select channel as from_field
    from "iceberg"."connect_lake_marts"."fct_contacts"
    where channel is not null
),

parent as (
    select channel as to_field
    from "iceberg"."connect_lake_reference"."connect__channels"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null



  
  
      
    ) dbt_internal_test