-- measure_catalogue: the codes of store.measures, each with whether it is
-- a sum of money whose unit the format does not give (kind 'money', no
-- unit), for region_rollup's form by id (warehouse.measureCatalogue): the
-- named query keeps only the catalogue's measures and blanks such a sum
-- unless it is 0.
SELECT code, coalesce(kind = 'money' AND coalesce(unit, '') = '', false) AS money_no_unit
FROM store.measures
