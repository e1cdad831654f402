
    
    

select
    contact_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_contact_analysis"
where contact_id is not null
group by contact_id
having count(*) > 1


