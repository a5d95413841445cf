-- The search outbox (module search, which alone writes this table): every change of an indexed
-- entity made through Hibernate ORM writes a row here in the transaction that makes it, before it
-- commits (search.OutboxRecording). The instance that committed deletes the rows once the indexing
-- of the transaction succeeded (search.IndexWrites); rows left by a failed indexing or by an
-- instance that stopped between its commit and its indexing are taken, older than a grace period,
-- by any instance with "for update skip locked", which reindexes the entities (or purges those
-- gone) and then deletes them (search.OutboxPoller).
create table search_outbox (
    id          bigserial    primary key,
    -- the entity's JPA name (Actor, Project) and id
    entity_name varchar(100) not null,
    entity_id   bigint       not null,
    -- deleted by the transaction (informative: the poller looks the entity up again)
    deleted     boolean      not null,
    -- the application's clock when the transaction was about to commit
    created_at  timestamptz  not null
);
create index search_outbox_created_at_idx on search_outbox (created_at, id);
