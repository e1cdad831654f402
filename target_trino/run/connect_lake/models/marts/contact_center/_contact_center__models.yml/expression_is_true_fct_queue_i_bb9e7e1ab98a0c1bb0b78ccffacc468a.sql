
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    select *
    from "iceberg"."connect_lake_marts"."fct_queue_intervals"
    where not (contacts_answered_in_x <= contacts_removed_from_queue_in_x and contacts_abandoned <= contacts_queued and contacts_answered <= contacts_handled)

  
  
      
    ) dbt_internal_test