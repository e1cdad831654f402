
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select
        contact_id, turn_sequence,
        count(*) as occurrences
    from "iceberg"."connect_lake_marts"."fct_transcript_turns"
    group by contact_id, turn_sequence
    having count(*) > 1

  
  
      
    ) dbt_internal_test