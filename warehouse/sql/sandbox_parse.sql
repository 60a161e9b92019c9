-- sandbox_parse: parses (never runs) a statement for the sandbox: DuckDB
-- serializes only SELECT statements, and lists each statement it found.
SELECT json_serialize_sql($1::VARCHAR)::VARCHAR;
