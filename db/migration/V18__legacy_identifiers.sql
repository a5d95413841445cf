-- The identifier an actor or a project had in the network's old directory, kept by the import
-- (module imports, through the directory's write path): importing the same export again finds
-- the entries it brought in and changes nothing; a newer export updates only what changed.
create table actor_legacy_id (
    legacy_id varchar(100) primary key check (length(trim(legacy_id)) > 0),
    actor_id  bigint       not null references actor on delete cascade
);
create index actor_legacy_id_actor_idx on actor_legacy_id (actor_id);

create table project_legacy_id (
    legacy_id  varchar(100) primary key check (length(trim(legacy_id)) > 0),
    project_id bigint       not null references project on delete cascade
);
create index project_legacy_id_project_idx on project_legacy_id (project_id);

-- A contact person's consent found in an imported file: the channel IMPORT, recorded_by naming the
-- file and the person who imported it ("import de <fichier> par <personne>").
alter table contact_consent drop constraint contact_consent_channel_check;
alter table contact_consent add constraint contact_consent_channel_check
    check (channel in ('CENSUS_FORM', 'EMAIL', 'STAFF', 'PAPER', 'PHONE', 'IMPORT'));
