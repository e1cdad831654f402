
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        transcript_output as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_marts"."fct_transcript_turns"
    group by transcript_output

)

select *
from all_values
where value_field not in (
    'Redacted','Raw'
)



  
  
      
    ) dbt_internal_test