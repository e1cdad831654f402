
    
    

select
    transcript_item_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_staging"."stg_connect__transcript_items"
where transcript_item_id is not null
group by transcript_item_id
having count(*) > 1


