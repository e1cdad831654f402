{{
    config(
        materialized='incremental',
        unique_key='hierarchy_structure_snapshot_key',
        incremental_strategy='merge',
    )
}}
-- One row per daily configuration snapshot of the agent hierarchy's structure: the name of each level
-- (Level1 is the top). A snapshot object landed twice is kept once.
{%- set columns = [
    'hierarchy_structure_snapshot_key', 'hierarchy_level1_label', 'hierarchy_level2_label',
    'hierarchy_level3_label', 'hierarchy_level4_label', 'hierarchy_level5_label', 'snapshot_at',
    '_source_file', '_datehour', '_line_number',
] %}
with new_copies as (
    select * from {{ ref('base_connect__config_user_hierarchy_structure') }}
    where
        _row_kind = 'record'
        and {{ connect_lake.ingested_since_last_run() }}
),

{{ connect_lake.keep_one_copy(
    'new_copies', 'hierarchy_structure_snapshot_key', '_source_file, _line_number', columns
) }}

select
    {{ columns | join(',\n    ') }},
    delivery_count,
    newest_ingested_at as _ingested_at
from ranked
where copy_rank = 1
