
    select * from "awsdatacatalog"."connect_lake_staging"."stg_connect__rejected_lines"
