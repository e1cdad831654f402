
    select
        contact_id, turn_sequence,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."fct_transcript_turns"
    group by contact_id, turn_sequence
    having count(*) > 1
