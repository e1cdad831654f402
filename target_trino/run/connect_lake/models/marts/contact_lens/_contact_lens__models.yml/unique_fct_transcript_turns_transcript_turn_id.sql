
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    transcript_turn_id as unique_field,
    count(*) as n_records

from "iceberg"."connect_lake_marts"."fct_transcript_turns"
where transcript_turn_id is not null
group by transcript_turn_id
having count(*) > 1



  
  
      
    ) dbt_internal_test