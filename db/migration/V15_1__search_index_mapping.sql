-- The shape of the index (fields, their types and analyzers) when it was last made whole: a
-- new version of the application that indexes other fields finds it changed and rebuilds the
-- index once at start, where the document counts alone would still add up.
alter table search_index_state add column mapping text;
