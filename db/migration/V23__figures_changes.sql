-- Key figures (module figures): which actors and projects each change touched, so that the
-- figures of the whole directory are updated for those alone after a change instead of being
-- computed again from every row (seconds at 100 times the real size).
--
-- A row per actor or project written (or one "everything" row when a reference list, a campaign
-- or a whole table changes), stamped with the writing transaction. The figures remember the
-- snapshot they were computed in and, in their next repeatable-read snapshot, read the rows of
-- the transactions that the previous one did not see (pg_visible_in_snapshot): whatever order
-- transactions commit in, none is missed. Statement triggers with transition tables: one insert
-- per statement, however many rows it writes.
create table figures_change (
    tx         xid8    not null default pg_current_xact_id(),
    actor_id   bigint,
    project_id bigint,
    everything boolean not null default false
);
create index figures_change_tx_idx on figures_change (tx);

-- Rows of transactions below purged_below were deleted: figures computed in a snapshot whose
-- xmin is below it are computed again from every row.
create table figures_change_horizon (
    id           boolean primary key default true check (id),
    purged_below xid8 not null,
    next_below   xid8 not null
);
insert into figures_change_horizon (id, purged_below, next_below)
values (true, pg_snapshot_xmin(pg_current_snapshot()), pg_snapshot_xmin(pg_current_snapshot()));

create function record_figures_actor_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        insert into figures_change (actor_id) select id from old_rows;
    else
        insert into figures_change (actor_id) select id from new_rows;
    end if;
    return null;
end
$$;

-- a project, its lead actor before and after (the actor's countries come from its projects)
create function record_figures_project_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into figures_change (project_id, actor_id) select id, lead_actor_id from old_rows;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into figures_change (project_id, actor_id) select id, lead_actor_id from new_rows;
    end if;
    return null;
end
$$;

create function record_figures_project_actor_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into figures_change (project_id, actor_id) select project_id, actor_id from old_rows;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into figures_change (project_id, actor_id) select project_id, actor_id from new_rows;
    end if;
    return null;
end
$$;

-- project_country, project_domain: the project
create function record_figures_project_part_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into figures_change (project_id) select distinct project_id from old_rows;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into figures_change (project_id) select distinct project_id from new_rows;
    end if;
    return null;
end
$$;

create function record_figures_everything_change() returns trigger
    language plpgsql as
$$
begin
    insert into figures_change (everything) values (true);
    return null;
end
$$;

do
$$
    declare
        watched record;
        operation text;
    begin
        for watched in select * from (values ('actor', 'record_figures_actor_change'),
                                             ('project', 'record_figures_project_change'),
                                             ('project_actor', 'record_figures_project_actor_change'),
                                             ('project_country', 'record_figures_project_part_change'),
                                             ('project_domain', 'record_figures_project_part_change')) t (tab, fn)
            loop
                foreach operation in array array ['insert', 'update', 'delete']
                    loop
                        execute format('create trigger %I after %s on %I referencing %s '
                                           'for each statement execute function %I()',
                                       watched.tab || '_figures_' || operation, operation, watched.tab,
                                       case operation
                                           when 'insert' then 'new table as new_rows'
                                           when 'update' then 'old table as old_rows new table as new_rows'
                                           else 'old table as old_rows' end,
                                       watched.fn);
                    end loop;
                execute format('create trigger %I after truncate on %I '
                                   'for each statement execute function record_figures_everything_change()',
                               watched.tab || '_figures_truncate', watched.tab);
            end loop;
    end
$$;

-- reference lists, campaigns: everything is computed again (rare changes)
do
$$
    declare
        watched text;
    begin
        foreach watched in array array ['census_campaign', 'commune', 'epci', 'territory', 'domain', 'actor_type',
            'country']
            loop
                execute format('create trigger %I after insert or update or delete or truncate on %I '
                                   'for each statement execute function record_figures_everything_change()',
                               watched || '_figures_change', watched);
            end loop;
    end
$$;
