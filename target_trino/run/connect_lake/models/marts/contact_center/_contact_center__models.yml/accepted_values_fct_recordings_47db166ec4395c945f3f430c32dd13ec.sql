
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        media_stream_type as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_recordings"
    group by media_stream_type

)

select *
from all_values
where value_field not in (
    'AUDIO','VIDEO','CHAT'
)



  
  
      
    ) dbt_internal_test