
    
    

select
    queue_arn as unique_field,
    count(*) as n_records

from "awsdatacatalog"."connect_lake_marts"."dim_queues"
where queue_arn is not null
group by queue_arn
having count(*) > 1


