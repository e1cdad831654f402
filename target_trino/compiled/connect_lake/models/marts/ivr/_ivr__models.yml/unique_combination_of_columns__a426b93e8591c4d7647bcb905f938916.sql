
    select
        contact_id, block_sequence,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."fct_contact_flow_blocks"
    group by contact_id, block_sequence
    having count(*) > 1
