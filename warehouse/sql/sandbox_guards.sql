-- sandbox_guards: the checks in front of the functions whose work is not set
-- by the size of their input, created as temporary macros on the sandbox's
-- connection before a statement that calls such a function runs
-- (sandbox.go). DuckDB looks at its interrupt flag only between vectors of up
-- to 2,048 rows, so one vector of such calls ran on long past the sandbox's
-- timeout. The policy wraps one argument of each call in its check
-- (sandbox_policy.go, guarded), which returns the argument or, for a row
-- whose work would be large, stops the statement before the work is done.
--
-- The edit distances cost the product of the two lengths in time (measured
-- ~2 ns a pair of bytes: 2,048 rows at the bound of 250,000 are ~1 s of CPU).
-- replace and regexp_replace can write (length + 1) times the replacement's
-- length (every match, and regexp_replace's \0..\9 copy matched text): above
-- 65,536 bytes of that product a row is refused, so one vector of one call
-- writes at most a few hundred MB. The messages start with 沙箱限制, which
-- sandboxError passes on to the analyst.
CREATE OR REPLACE TEMP MACRO sandbox_check_levenshtein(a, b) AS
    CASE WHEN strlen(a) * strlen(b) > 250000
         THEN error('沙箱限制：levenshtein 的两段文字长度（字节）之积超过 250000，计算太慢，已停止；请先截短（如 left(x, 500)）')
         ELSE a END;
CREATE OR REPLACE TEMP MACRO sandbox_check_editdist3(a, b) AS
    CASE WHEN strlen(a) * strlen(b) > 250000
         THEN error('沙箱限制：editdist3 的两段文字长度（字节）之积超过 250000，计算太慢，已停止；请先截短（如 left(x, 500)）')
         ELSE a END;
CREATE OR REPLACE TEMP MACRO sandbox_check_damerau_levenshtein(a, b) AS
    CASE WHEN strlen(a) * strlen(b) > 250000
         THEN error('沙箱限制：damerau_levenshtein 的两段文字长度（字节）之积超过 250000，计算太慢，已停止；请先截短（如 left(x, 500)）')
         ELSE a END;
CREATE OR REPLACE TEMP MACRO sandbox_check_jaro_similarity(a, b) AS
    CASE WHEN strlen(a) * strlen(b) > 250000
         THEN error('沙箱限制：jaro_similarity 的两段文字长度（字节）之积超过 250000，计算太慢，已停止；请先截短（如 left(x, 500)）')
         ELSE a END;
CREATE OR REPLACE TEMP MACRO sandbox_check_jaro_winkler_similarity(a, b) AS
    CASE WHEN strlen(a) * strlen(b) > 250000
         THEN error('沙箱限制：jaro_winkler_similarity 的两段文字长度（字节）之积超过 250000，计算太慢，已停止；请先截短（如 left(x, 500)）')
         ELSE a END;
CREATE OR REPLACE TEMP MACRO sandbox_check_replace(s, f, r) AS
    CASE WHEN strlen(r) > strlen(f) AND (strlen(s) + 1) * strlen(r) > 65536
         THEN error('沙箱限制：replace 的文字长度乘以替换文字的长度超过 65536 字节，结果可能过大，已停止；请先缩短文字，或在汇总（string_agg）之前替换')
         ELSE r END;
CREATE OR REPLACE TEMP MACRO sandbox_check_regexp_replace(s, r) AS
    CASE WHEN strlen(r) > 0 AND (strlen(s) + 1) * strlen(r) > 65536
         THEN error('沙箱限制：regexp_replace 的文字长度乘以替换文字的长度超过 65536 字节，结果可能过大，已停止；请先缩短文字，或在汇总（string_agg）之前替换')
         ELSE r END;
-- list_reduce (sandbox_policy.go, guarded) carries an accumulator from one
-- element to the next, one step at a time for all of a vector's rows: text
-- or a list grows at every step, so only lists of numbers, dates, times,
-- intervals and booleans, and such an initial value, are reduced (typeof
-- depends on the types alone); and each step costs ~1.3 µs whatever the
-- rows, so a list of 10,000,000 numbers ran 13 s past a 2 s timeout: at
-- most 100,000 elements (~0.13 s).
CREATE OR REPLACE TEMP MACRO sandbox_fixed_size_type(t) AS
    regexp_full_match(t, '(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|BOOLEAN|DATE|TIME|TIME WITH TIME ZONE|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE|INTERVAL|"NULL")');
CREATE OR REPLACE TEMP MACRO sandbox_check_reduce(l) AS
    CASE WHEN NOT sandbox_fixed_size_type(regexp_replace(typeof(l), '\[\d*\]$', ''))
         THEN error('沙箱限制：list_reduce 只能归约数值、日期、时间或布尔值的列表（这里是 ' || typeof(l) || '）：文字或列表的累积值每一步都会变长，可能运行很久；请改用 string_agg、array_to_string 或 flatten')
         WHEN len(l) > 100000
         THEN error('沙箱限制：list_reduce 的列表超过 100000 个元素，逐个归约太慢，已停止；求和、最大值等请用 list_sum、list_max、list_aggregate 或聚合函数')
         ELSE l END;
CREATE OR REPLACE TEMP MACRO sandbox_check_reduce_init(l, init) AS
    CASE WHEN NOT sandbox_fixed_size_type(regexp_replace(typeof(l), '\[\d*\]$', '')) OR NOT sandbox_fixed_size_type(typeof(init))
         THEN error('沙箱限制：list_reduce 只能归约数值、日期、时间或布尔值的列表，初始值也是（这里是 ' || typeof(l) || ' 和 ' || typeof(init) || '）：文字或列表的累积值每一步都会变长，可能运行很久；请改用 string_agg、array_to_string 或 flatten')
         WHEN len(l) > 100000
         THEN error('沙箱限制：list_reduce 的列表超过 100000 个元素，逐个归约太慢，已停止；求和、最大值等请用 list_sum、list_max、list_aggregate 或聚合函数')
         ELSE l END;
