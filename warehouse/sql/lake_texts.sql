-- lake_texts: store.texts for the Parquet lake (see Export), one file.
SELECT * FROM store.texts ORDER BY text_id;
