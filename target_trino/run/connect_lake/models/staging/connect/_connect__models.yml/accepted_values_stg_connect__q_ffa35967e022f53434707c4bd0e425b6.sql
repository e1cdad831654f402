
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        quarantine_reason_family as value_field,
        count(*) as n_records

    from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
    group by quarantine_reason_family

)

select *
from all_values
where value_field not in (
    'empty_object','not_gzip','truncated_gzip','unexpected_object_key','object_vanished','invalid_utf8','invalid_json','missing_field','invalid_timestamp','invalid_number','negative_duration'
)



  
  
      
    ) dbt_internal_test