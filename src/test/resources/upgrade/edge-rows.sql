-- Hand-made edge rows on the demo directory of release a7ece0d (schema V9), as that release would
-- have left them. Applied by src/test/resources/upgrade/README.md's procedure.
begin;
-- a merge: "merged" (no projects) folded into "survivor"; its slug now redirects to the survivor
create temporary table edge as
select (select id from actor where published order by id limit 1) as survivor,
       (select a.id from actor a where a.published
          and not exists (select 1 from project p where p.lead_actor_id = a.id)
          and not exists (select 1 from project_actor pa where pa.actor_id = a.id)
        order by a.id limit 1) as merged;
insert into change_log (entity_type, entity_id, action, changed_by, changes, note)
select 'ACTOR', e.survivor, 'MERGED', 'admin@lianes.example', '[]',
       'Fusion de « ' || a.name || ' » (fiche n° ' || a.id || ', ' || a.slug || ')'
from edge e join actor a on a.id = e.merged;
insert into change_log (entity_type, entity_id, action, changed_by, changes, note)
select 'ACTOR', e.merged, 'MERGED_INTO', 'admin@lianes.example', '[]', 'Fusionnée dans la fiche n° ' || e.survivor
from edge e;
create temporary table merged_slug as select a.slug from actor a join edge e on a.id = e.merged;
delete from actor where id = (select merged from edge);
insert into actor_slug_redirect (old_slug, actor_id) select slug, (select survivor from edge) from merged_slug;
-- an old name of the survivor, after a rename
insert into actor_slug_redirect (old_slug, actor_id)
select 'ancien-nom-avant-renommage', survivor from edge;
-- a field edited by a moderator, with its history
update actor set website = 'https://www.exemple-modifie.fr', version = version + 1 where id = (select survivor from edge);
insert into change_log (entity_type, entity_id, action, changed_by, changes)
select 'ACTOR', survivor, 'EDITED', 'moderatrice@lianes.example',
       '[{"field": "website", "before": null, "after": "https://www.exemple-modifie.fr"}]'::jsonb
from edge;
-- a contact person who withdrew the publication of their name
insert into contact_consent (contact_person_id, field, granted, recorded_at, recorded_by, notice_version, channel)
select c.id, 'NAME', false, now(), 'retrait@exemple.fr', '2026-11', 'EMAIL'
from contact_person c join actor a on a.id = c.actor_id
where a.published and exists (select 1 from contact_consent k where k.contact_person_id = c.id and k.field = 'NAME' and k.granted)
order by c.id limit 1;
-- a census campaign under way
insert into census_campaign (name, opens_on, closes_on, as_of) values ('Recensement permanent', '2026-09-01', '2099-12-31', '2026-09-01');
commit;
