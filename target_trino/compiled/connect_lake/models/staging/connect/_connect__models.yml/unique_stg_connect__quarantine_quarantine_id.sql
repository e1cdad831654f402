
    
    

select
    quarantine_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_staging"."stg_connect__quarantine"
where quarantine_id is not null
group by quarantine_id
having count(*) > 1


