
    
    

select
    recording_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_recordings"
where recording_id is not null
group by recording_id
having count(*) > 1


