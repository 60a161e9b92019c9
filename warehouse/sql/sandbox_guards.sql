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
