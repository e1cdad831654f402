
    
    

select
    event_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_staging"."stg_connect__customer_profiles"
where event_id is not null
group by event_id
having count(*) > 1


