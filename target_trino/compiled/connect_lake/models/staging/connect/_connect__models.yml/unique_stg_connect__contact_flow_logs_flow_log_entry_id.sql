
    
    

select
    flow_log_entry_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_staging"."stg_connect__contact_flow_logs"
where flow_log_entry_id is not null
group by flow_log_entry_id
having count(*) > 1


