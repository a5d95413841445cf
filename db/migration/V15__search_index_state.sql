-- Whether the search index holds the whole directory (module search, which alone writes this
-- table). Every pass over the index sets complete to false when it begins: the rebuild at start,
-- a rebuild asked for later, the back office's reindex of everything or of the entries a
-- reference list change affects. Only a pass over the whole index that ends sets it back to true
-- (a partial one that ends leaves it as it was before). A start that finds false, because a pass
-- was stopped by a shutdown, a crash or an error, rebuilds the index before it is ready.
create table search_index_state (
    id         boolean     primary key default true check (id),
    complete   boolean     not null,
    changed_at timestamptz not null default now()
);
-- Unknown for a database that had an index before this table: the next start rebuilds it once.
insert into search_index_state (id, complete) values (true, false);
