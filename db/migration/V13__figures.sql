-- Key figures (module figures): a version of what the figures are computed from, which moves
-- when a change to it commits, on every instance, whatever wrote it (Hibernate, JdbcClient,
-- psql). The page caches its figures with the version they were computed at and reads the
-- version on each request: a moderation decision can never leave them stale.
--
-- version = content_version.base + the rows of content_change. Every statement on a watched
-- table inserts one row: inserts never wait for each other (a counter row updated by a trigger
-- would queue every writer behind the first until its commit). The application folds the rows
-- into base now and then, in one transaction, which leaves the version unchanged.
create table content_version (
    id   boolean primary key default true check (id),
    base bigint  not null
);
insert into content_version (id, base) values (true, 0);

create table content_change (
    changed_at timestamptz not null default now()
);

create function record_content_change() returns trigger
    language plpgsql as
$$
begin
    insert into content_change default values;
    return null;
end
$$;

-- Submissions (drafts change at every step of the questionnaire) are not watched: approving one
-- changes the actor, which is.
do
$$
    declare
        watched text;
    begin
        foreach watched in array array ['actor', 'project', 'project_actor', 'project_country', 'project_domain',
            'census_campaign', 'commune', 'epci', 'territory', 'domain', 'actor_type', 'country']
            loop
                execute format('create trigger %I after insert or update or delete or truncate on %I '
                                   'for each statement execute function record_content_change()',
                               watched || '_content_change', watched);
            end loop;
    end
$$;
