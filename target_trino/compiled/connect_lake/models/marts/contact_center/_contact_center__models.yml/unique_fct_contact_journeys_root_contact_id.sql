
    
    

select
    root_contact_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_contact_journeys"
where root_contact_id is not null
group by root_contact_id
having count(*) > 1


