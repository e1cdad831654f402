{#- The one way an id is built: the parts as text joined by '|', a null part as '' (a timestamp part goes
    through timestamp_key, so the id prints the same on every engine); `hashed` gives the md5 of that text
    instead, for ids whose parts are long (recording locations) or that only join (type-2 version keys). -#}
{% macro surrogate_key(parts, hashed=false) -%}
    {%- set texts = [] -%}
    {%- for part in parts -%}
        {%- do texts.append("coalesce(cast(" ~ part ~ " as " ~ dbt.type_string() ~ "), '')") -%}
        {%- if not loop.last %}{% do texts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {%- if hashed -%}{{ dbt.hash(dbt.concat(texts)) }}{%- else -%}{{ dbt.concat(texts) }}{%- endif -%}
{%- endmacro %}
