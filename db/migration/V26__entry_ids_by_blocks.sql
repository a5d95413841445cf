-- Actors, projects, contact persons and their consents take their ids from a sequence by blocks
-- of 50 (@SequenceGenerator allocationSize 50, Hibernate's pooled-lo optimizer: the sequence's
-- value is the first id of a block): an id is known without inserting the row, so that many new
-- entries (an import's batch) are inserted in JDBC batches instead of one statement each. The
-- identity columns become columns with a sequence of their own as default (Hibernate's schema
-- validation does not see an identity's sequence); a row inserted without an id takes the first
-- of a block of its own, and pg_get_serial_sequence still finds the sequence.
alter table actor alter column id drop identity;
create sequence actor_id_seq increment by 50 owned by actor.id;
select setval('actor_id_seq', (select coalesce(max(id), 0) + 1 from actor), false);
alter table actor alter column id set default nextval('actor_id_seq');

alter table project alter column id drop identity;
create sequence project_id_seq increment by 50 owned by project.id;
select setval('project_id_seq', (select coalesce(max(id), 0) + 1 from project), false);
alter table project alter column id set default nextval('project_id_seq');

alter table contact_person alter column id drop identity;
create sequence contact_person_id_seq increment by 50 owned by contact_person.id;
select setval('contact_person_id_seq', (select coalesce(max(id), 0) + 1 from contact_person), false);
alter table contact_person alter column id set default nextval('contact_person_id_seq');

alter table contact_consent alter column id drop identity;
create sequence contact_consent_id_seq increment by 50 owned by contact_consent.id;
select setval('contact_consent_id_seq', (select coalesce(max(id), 0) + 1 from contact_consent), false);
alter table contact_consent alter column id set default nextval('contact_consent_id_seq');
