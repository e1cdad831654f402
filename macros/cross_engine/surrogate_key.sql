{% macro surrogate_key(parts, hashed=false) -%}
    {%- set texts = [] -%}
    {%- for part in parts -%}
        {%- do texts.append("coalesce(cast(" ~ part ~ " as varchar), '')") -%}
        {%- if not loop.last %}{% do texts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {%- if hashed -%}{{ dbt.hash(dbt.concat(texts)) }}{%- else -%}{{ dbt.concat(texts) }}{%- endif -%}
{%- endmacro %}
