"""The one intermediate form every exporter reads: headings, paragraphs, lists, tables,
clauses carrying their recommendation ids, notes. Charters and plans lay themselves out into
it; no exporter knows what a charter is."""
