-- With several instances (repertoire.cluster.enabled), the count of every instance's index writes
-- (search_index_writes, module search: moved by the instance that wrote once the search cluster
-- shows the write) moves the content version too (module figures, V13), as a change to anything a
-- public page shows does (V24): the lists are read from the index. The public pages kept in memory
-- (pages.PublicPageCache) are then keyed by the content version alone, read in one statement per
-- request, and a page rendered between another instance's commit and its indexing is still not
-- kept past the indexing. On one instance the count stays in memory and this table is not written.
create trigger search_index_writes_content_change after update on search_index_writes
    for each statement execute function record_content_change();
