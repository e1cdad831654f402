
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with child as (
    select disconnect_reason as from_field
    from "iceberg"."connect_lake_marts"."fct_contacts"
    where disconnect_reason is not null
),

parent as (
    select disconnect_reason as to_field
    from "iceberg"."connect_lake_reference"."connect__disconnect_reasons"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null



  
  
      
    ) dbt_internal_test