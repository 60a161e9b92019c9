-- 0116_summary_rollup_uncompressed: store.summary_rollup's sums (its 46
-- DECIMAL(38, 6) columns) are stored uncompressed, so that a query reading
-- them does not decode them first.
--
-- DuckDB stores a DECIMAL(38, 6) column (a 128-bit integer) with bit
-- packing, and unpacks it one value at a time through 128-bit shifts and a
-- 128-bit modulo: perf over applications_year_sums for the whole country
-- (2,994 roll-up rows at 1M reports, 25 sums) put ~28 % of the query's CPU
-- in BitpackingScanPartial<hugeint_t> and 4.5 % more in DeltaDecode, while
-- the sums themselves took ~3 %. Every page without a piece of a name
-- reads these rows: the trends of 总览, 依申请公开, 复议诉讼, 主动公开, and
-- 地区比较 and 报送与质量 (summary_groups). The BIGINT counts beside them
-- (<column>_n) unpack fast and keep their compression. The commit gives
-- the figures measured; the table takes ~16 bytes a sum and row
-- uncompressed (~2.2 MB at 1M reports).
--
-- As 0078 and 0089 do: a column's compression is part of its definition,
-- kept by every later write and checkpoint, and DuckDB has no ALTER for it,
-- so the table is built again with the columns of 0021 and 0040 in the same
-- order (the writer inserts into it by position: rollup_rebuild,
-- rollup_merge, summary_rollup_dense), its rows copied in their stored
-- order, and put in the old one's place. No index or constraint but NOT
-- NULL is on it; the macros (summary_groups) and queries bind it by name
-- when they run. TestUpgradeKeepsSummaryRollup runs this again on a loaded
-- warehouse and compares every row.

CREATE TABLE store.summary_rollup_0116 (
    year INTEGER NOT NULL,
    province VARCHAR,
    city VARCHAR,
    county VARCHAR,
    level VARCHAR,
    reports BIGINT NOT NULL,
    agencies BIGINT NOT NULL,
    zero_reports BIGINT NOT NULL,
    litigation_total_n BIGINT NOT NULL,
    litigation_corrected_n BIGINT NOT NULL,
    apps_new DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_new_n BIGINT NOT NULL,
    apps_carried_in DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_carried_in_n BIGINT NOT NULL,
    apps_granted DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_granted_n BIGINT NOT NULL,
    apps_partial DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_partial_n BIGINT NOT NULL,
    apps_withheld DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_n BIGINT NOT NULL,
    apps_unavailable DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_unavailable_n BIGINT NOT NULL,
    apps_not_processed DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_not_processed_n BIGINT NOT NULL,
    apps_other DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_other_n BIGINT NOT NULL,
    apps_total DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_total_n BIGINT NOT NULL,
    apps_carried_out DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_carried_out_n BIGINT NOT NULL,
    licensing_decisions DECIMAL(38,6) USING COMPRESSION uncompressed,
    licensing_decisions_n BIGINT NOT NULL,
    penalty_decisions DECIMAL(38,6) USING COMPRESSION uncompressed,
    penalty_decisions_n BIGINT NOT NULL,
    coercion_decisions DECIMAL(38,6) USING COMPRESSION uncompressed,
    coercion_decisions_n BIGINT NOT NULL,
    normative_docs_issued DECIMAL(38,6) USING COMPRESSION uncompressed,
    normative_docs_issued_n BIGINT NOT NULL,
    normative_docs_made DECIMAL(38,6) USING COMPRESSION uncompressed,
    normative_docs_made_n BIGINT NOT NULL,
    normative_docs_in_force DECIMAL(38,6) USING COMPRESSION uncompressed,
    normative_docs_in_force_n BIGINT NOT NULL,
    proactive_items DECIMAL(38,6) USING COMPRESSION uncompressed,
    proactive_items_n BIGINT NOT NULL,
    review_upheld DECIMAL(38,6) USING COMPRESSION uncompressed,
    review_upheld_n BIGINT NOT NULL,
    review_corrected DECIMAL(38,6) USING COMPRESSION uncompressed,
    review_corrected_n BIGINT NOT NULL,
    review_other DECIMAL(38,6) USING COMPRESSION uncompressed,
    review_other_n BIGINT NOT NULL,
    review_pending DECIMAL(38,6) USING COMPRESSION uncompressed,
    review_pending_n BIGINT NOT NULL,
    review_total DECIMAL(38,6) USING COMPRESSION uncompressed,
    review_total_n BIGINT NOT NULL,
    litigation_direct_upheld DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_direct_upheld_n BIGINT NOT NULL,
    litigation_direct_corrected DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_direct_corrected_n BIGINT NOT NULL,
    litigation_direct_other DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_direct_other_n BIGINT NOT NULL,
    litigation_direct_pending DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_direct_pending_n BIGINT NOT NULL,
    litigation_direct_total DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_direct_total_n BIGINT NOT NULL,
    litigation_after_review_upheld DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_after_review_upheld_n BIGINT NOT NULL,
    litigation_after_review_corrected DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_after_review_corrected_n BIGINT NOT NULL,
    litigation_after_review_other DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_after_review_other_n BIGINT NOT NULL,
    litigation_after_review_pending DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_after_review_pending_n BIGINT NOT NULL,
    litigation_after_review_total DECIMAL(38,6) USING COMPRESSION uncompressed,
    litigation_after_review_total_n BIGINT NOT NULL,
    apps_withheld_state_secret DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_state_secret_n BIGINT NOT NULL,
    apps_withheld_prohibited_by_law DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_prohibited_by_law_n BIGINT NOT NULL,
    apps_withheld_three_safeties DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_three_safeties_n BIGINT NOT NULL,
    apps_withheld_third_party DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_third_party_n BIGINT NOT NULL,
    apps_withheld_internal_affairs DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_internal_affairs_n BIGINT NOT NULL,
    apps_withheld_process_info DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_process_info_n BIGINT NOT NULL,
    apps_withheld_enforcement_file DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_enforcement_file_n BIGINT NOT NULL,
    apps_withheld_query_matter DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_withheld_query_matter_n BIGINT NOT NULL,
    apps_new_natural DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_new_natural_n BIGINT NOT NULL,
    apps_new_business DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_new_business_n BIGINT NOT NULL,
    apps_new_research DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_new_research_n BIGINT NOT NULL,
    apps_new_ngo DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_new_ngo_n BIGINT NOT NULL,
    apps_new_legal_services DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_new_legal_services_n BIGINT NOT NULL,
    apps_new_other DECIMAL(38,6) USING COMPRESSION uncompressed,
    apps_new_other_n BIGINT NOT NULL,
    errors BIGINT DEFAULT 0 NOT NULL,
    warnings BIGINT DEFAULT 0 NOT NULL
);
INSERT INTO store.summary_rollup_0116 BY NAME SELECT * FROM store.summary_rollup;
DROP TABLE store.summary_rollup;
ALTER TABLE store.summary_rollup_0116 RENAME TO summary_rollup;
