
  
    create table
    "iceberg"."connect_lake_marts"."fct_contact_analysis_categories__dbt_tmp"
    
  (
    contact_category_id varchar,
    contact_id varchar,
    category_name varchar,
    channel varchar,
    queue_name varchar,
    agent_arn varchar,
    agent_version_key varchar,
    contact_date date,
    _ingested_at timestamp
    
    )

    
    comment 'One row per analysed contact leg and Contact Lens category (rule) it matched: the bridge from fct_contact_analysis to categories, for category rates (e.g. complaints per queue and day).
'
    
    with (
        format = 'PARQUET'
    )
  ;

  insert into "iceberg"."connect_lake_marts"."fct_contact_analysis_categories__dbt_tmp"
    (
      
    select contact_category_id, contact_id, category_name, channel, queue_name, agent_arn, agent_version_key, contact_date, _ingested_at
    from (
        
-- One row per analysed contact leg and Contact Lens category it matched: the bridge between
-- fct_contact_analysis and the categories, for category rates by queue, agent or day.
with categories as (
    select * from "iceberg"."connect_lake_staging"."stg_connect__contact_analysis_categories"
),

analyses as (
    select * from "iceberg"."connect_lake_marts"."fct_contact_analysis"
    where true
),

final as (
    select
        categories.contact_id || '|' || categories.category_name as contact_category_id,
        categories.contact_id,
        categories.category_name,
        analyses.channel,
        analyses.queue_name,
        analyses.agent_arn,
        analyses.agent_version_key,
        analyses.contact_date,
        cast('2026-12-02 03:54:05.883060' as timestamp(6)) as _ingested_at
    from categories
    inner join analyses on categories.contact_id = analyses.contact_id
)

select * from final
    ) as model_subq
    )
  ;

  