
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        relation_to_previous as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_contacts"
    group by relation_to_previous

)

select *
from all_values
where value_field not in (
    'TRANSFER','CONSULT','CONFERENCE','EXTERNAL_TRANSFER','EXTERNAL_CONSULT','EXTERNAL_CONFERENCE','CALLBACK','QUEUE_TRANSFER'
)



  
  
      
    ) dbt_internal_test