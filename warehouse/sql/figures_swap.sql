-- figures_swap: migration 0029 replaces store.figures with its copy in
-- blocks (store.figures_by_cell), once every block is copied.
DROP TABLE store.figures;
ALTER TABLE store.figures_by_cell RENAME TO figures;
