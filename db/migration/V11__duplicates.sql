-- Duplicates: the pairs of actors a moderator said are two different structures, and the
-- indexes that find suspected duplicates (same SIREN, same RNA, similar name in the same commune).

-- A pair dismissed as "not a duplicate" is not suggested again. Stored once, the lower id first.
create table duplicate_dismissal (
    actor_a      bigint       not null references actor on delete cascade,
    actor_b      bigint       not null references actor on delete cascade,
    dismissed_by varchar(254) not null,
    dismissed_at timestamptz  not null default now(),
    primary key (actor_a, actor_b),
    check (actor_a < actor_b)
);
create index duplicate_dismissal_b_idx on duplicate_dismissal (actor_b);

-- Similar names: pg_trgm's % operator finds the names of one actor's commune that look like its
-- name without comparing it with every other actor.
create index actor_name_trgm_idx on actor using gin (lower(immutable_unaccent(name)) gin_trgm_ops);

-- The sweep over the whole directory walks each of these in order, a page at a time (keyset on
-- the id too). Each replaces an index of the same leading columns, which every query using the
-- old one still finds.
drop index actor_commune_name_idx;
create index actor_commune_name_idx on actor (commune_insee, lower(immutable_unaccent(name)), id);
drop index actor_siren_idx;
create index actor_siren_idx on actor (left(siren_siret, 9), id);
drop index actor_rna_idx;
create index actor_rna_idx on actor (rna, id);
