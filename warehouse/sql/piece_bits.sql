-- piece_bits: the agencies whose names hold a piece of a name ($2), as one
-- bit string by agency id over 0 .. $1 ($1 + 1 a multiple of 8, so that
-- the BLOB holds the bits without padding and casts back to the same BIT),
-- and the highest agency id up to $1 it read (top). The quality forms test
-- an agency's bit (get_bit) instead of matching the piece against every
-- name again; an agency above $1, added since piece_top was read, is not
-- in the bits, and then not below top either (ids only grow).
SELECT coalesce(max(agency_id), 0) AS top,
       coalesce(bitstring_agg(agency_id, 0, $1) FILTER (WHERE contains(name, $2)),
                repeat('0', ($1 + 1)::INTEGER)::BIT)::BLOB AS bits
FROM store.agencies
WHERE agency_id <= $1;
