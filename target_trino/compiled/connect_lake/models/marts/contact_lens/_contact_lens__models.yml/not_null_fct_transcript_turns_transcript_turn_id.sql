
    
    



select transcript_turn_id
from "iceberg"."connect_lake_marts"."fct_transcript_turns"
where transcript_turn_id is null


