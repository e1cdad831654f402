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
{{ connect_lake.config_snapshot_staging(
    ref('base_connect__config_user_hierarchy_structure'), 'hierarchy_structure_snapshot_key', columns
) }}
