-- lake_measures: store.measures for the Parquet lake (see Export), one file.
SELECT * FROM store.measures ORDER BY code;
