-- measures_clear: empties the catalogue before Open rewrites it from the format definitions.
DELETE FROM store.measures;
