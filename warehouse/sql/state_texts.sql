-- state_texts: the string dictionary the writer keeps in memory.
SELECT text_id, text FROM store.texts;
