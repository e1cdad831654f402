
    
    



select landing_accounting_id
from "iceberg"."connect_lake_staging"."stg_connect__landing_accounting"
where landing_accounting_id is null


