
    
    

with all_values as (

    select
        reject_reason as value_field,
        count(*) as n_records

    from "awsdatacatalog"."connect_lake_staging"."stg_connect__rejected_lines"
    group by reject_reason

)

select *
from all_values
where value_field not in (
    'invalid_json','missing_record_key'
)


