-- What several instances on one database share besides the directory (issue 16). With one
-- instance (the default) these tables stay empty, except reference_list_version's one row.

-- Staff sessions (module security), when repertoire.cluster.enabled: Spring Session JDBC's tables,
-- as its schema-postgresql.sql gives them (spring-session-jdbc 4.1.0). Times are epoch
-- milliseconds written by Spring Session; expired sessions are deleted by it every minute.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Rate limits counted across instances (module limits), when repertoire.cluster.enabled: one token
-- bucket per key (the kind of limit and an IP or email address). Each take refills the bucket for
-- the time elapsed (the application's clock, passed as a parameter) and takes one token, in one
-- statement that locks the row: instances never count the same token twice. A bucket is full
-- again at expires_at; rows past it are deleted.
create table rate_limit_bucket (
    bucket_key text             primary key,
    tokens     double precision not null,
    taken      boolean          not null,
    updated_at timestamptz      not null,
    expires_at timestamptz      not null
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);

-- The version of the reference lists held in memory by every instance (module reference): any
-- statement changing countries, domains, territories or actor types moves it, whatever wrote it.
-- Each instance compares it with the version it loaded (repertoire.cluster.check-interval) and
-- reloads its lists when it moved. These tables change only when an administrator edits a list:
-- writers may queue on this one row.
create table reference_list_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into reference_list_version (id, version) values (true, 0);

create function record_reference_list_change() returns trigger
    language plpgsql as
$$
begin
    update reference_list_version set version = version + 1 where id;
    return null;
end
$$;

do
$$
    declare
        watched text;
    begin
        foreach watched in array array ['country', 'domain', 'territory', 'actor_type']
            loop
                execute format('create trigger %I after insert or update or delete or truncate on %I '
                                   'for each statement execute function record_reference_list_change()',
                               watched || '_reference_list_change', watched);
            end loop;
    end
$$;
