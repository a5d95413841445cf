-- What the instances of a cluster share about the search index (module search, which alone writes
-- these tables).
--
-- The runs of the search reindex queue (module search, which alone writes this table): the back
-- office's reindex of everything and the reindex of the entries a reference list change affects.
-- Every instance of a cluster sees every run and its progress here. A run is run by the one
-- instance that holds its claim, a PostgreSQL session advisory lock (search.ReindexClaims), taken
-- when the run starts and kept until it ends; the claim goes with its connection when the
-- instance stops or dies, and a run left QUEUED or RUNNING without a claim is taken up by another
-- instance (from its start: a pass replaces documents, it can be run again).
create table search_reindex_run (
    id          bigserial    primary key,
    scope       varchar(8)   not null check (scope in ('ALL', 'AFFECTED')),
    reason_key  varchar(100) not null,
    reason_args text         not null default '',
    -- AFFECTED: the entities to reindex, by entity name ("Actor:1,2;Project:7"); ALL: empty
    entity_ids  text         not null default '',
    state       varchar(8)   not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total       bigint       not null default 0,
    done        bigint       not null default 0,
    -- the instance running it, or that ran it last (host and process id)
    run_by      varchar(200),
    -- how many times another instance took it up
    takeovers   int          not null default 0,
    queued_at   timestamptz  not null,
    started_at  timestamptz,
    finished_at timestamptz
);
create index search_reindex_run_unfinished_idx on search_reindex_run (id) where state in ('QUEUED', 'RUNNING');

-- With several instances, the index writes of all of them, each counted by the instance that made
-- it once the search cluster shows it (search.IndexWrites): the public pages each instance keeps
-- are keyed by it, so that a page rendered between another instance's commit and its indexing is
-- not kept past the indexing.
create table search_index_writes (
    id    boolean primary key default true check (id),
    count bigint  not null
);
insert into search_index_writes (id, count) values (true, 0);
