-- reports_years_outside_bits: whether some report of store.reports, current,
-- retired or pending, has a year outside 1990-2100, the years of
-- store.agency_status's bit sets. Only a hand edit makes one (the loader
-- refuses such years, and no writer changes a report's year), so that a
-- warehouse without one keeps none for as long as it is open: see
-- warehouse.DB.reportsInBitYears.
SELECT EXISTS (SELECT 1 FROM store.reports r WHERE r.year < 1990 OR r.year > 2100) AS outside;
