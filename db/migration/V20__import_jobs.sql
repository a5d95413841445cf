-- The imports run in the background (module imports): each job, its files' mapping, where it is
-- (the rows read, the entries written in committed batches) so that a job a restart interrupted
-- continues from its last committed batch, and at its end its counts and reported rows.
create table import_job (
    id            bigserial    primary key,
    upload_token  varchar(32)  not null,
    file_names    text         not null,
    request       text         not null,
    started_by    varchar(320) not null,
    state         varchar(16)  not null check (state in ('RUNNING', 'DONE', 'FAILED', 'UNDONE')),
    rows_total    bigint       not null default 0,
    rows_read     bigint       not null default 0,
    written       bigint       not null default 0,
    write_counts  varchar(200) not null default '',
    counts        varchar(200),
    started_at    timestamptz  not null,
    finished_at   timestamptz,
    undone_at     timestamptz
);
create index import_job_token_idx on import_job (upload_token);

-- The entries a job created, for its undo.
create table import_job_entry (
    job_id   bigint      not null references import_job on delete cascade,
    entry    varchar(8)  not null check (entry in ('ACTOR', 'PROJECT')),
    entry_id bigint      not null,
    primary key (job_id, entry, entry_id)
);

-- The refused and doubtful rows of a job: the write failures while it runs, all of them at its end;
-- and, after an undo, the entries left alone because they were edited since (severity KEPT).
create table import_job_problem (
    job_id    bigint       not null references import_job on delete cascade,
    position  int          not null,
    file      text         not null,
    line      int          not null,
    entry     varchar(8)   not null,
    severity  varchar(16)  not null,
    reason    text         not null,
    primary key (job_id, position)
);

-- Mappings saved under a name, to be used again on the next export of the same tool.
create table import_mapping (
    name       varchar(100) primary key check (length(trim(name)) > 0),
    mapping    text         not null,
    saved_by   varchar(320) not null,
    saved_at   timestamptz  not null
);
