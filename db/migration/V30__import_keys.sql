-- What an import run (or its dry run) remembers of the rows it has read, for the checks within its
-- files (module imports), instead of keeping it in memory: where each old identifier, SIREN, RNA
-- number, name in a commune and project identifier was first met, the id an actor was written under
-- or why it was left out (for its projects), the actors the run created. A run's rows are under its
-- own run key, deleted when it begins and when it ends. UNLOGGED (not written to the WAL, emptied
-- after a database crash): a run interrupted reads and checks its files again from the start.
create unlogged table import_key (
    run_key text collate "C" not null,
    key     text collate "C" not null,
    line    int              not null,
    value   bigint,
    detail  text,
    primary key (run_key, key)
);
