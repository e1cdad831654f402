
    
    



select contact_id
from "iceberg"."connect_lake_marts"."fct_transcript_turns"
where contact_id is null


