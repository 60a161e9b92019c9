-- sandbox_unparse: turns the statement the sandbox checked back into SQL
-- text, so that what runs is exactly what the allow-list saw.
SELECT json_deserialize_sql($1::JSON);
