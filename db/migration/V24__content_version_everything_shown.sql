-- The content version (module figures, V13) moves on a change to anything a public page shows,
-- not only to the actors, projects, campaigns and reference lists: a contact person and their
-- consents (a withdrawal, an erasure, a purge), networks, partners, former addresses (slugs and
-- legacy identifiers), DAC sectors and departements. The public pages kept in memory
-- (pages.PublicPageCache) and their ETag are keyed by this version: a page kept before such a
-- change is never served after it, on any instance, whatever wrote it (the application, an
-- import, psql). Statement triggers, as in V13: one row per statement, writers never queue.
do
$$
    declare
        watched text;
    begin
        foreach watched in array array ['contact_person', 'contact_consent', 'network', 'actor_network',
            'partner_organisation', 'project_partner', 'actor_slug_redirect', 'project_slug_redirect',
            'actor_legacy_id', 'project_legacy_id', 'dac_sector', 'domain_dac_sector', 'departement']
            loop
                execute format('create trigger %I after insert or update or delete or truncate on %I '
                                   'for each statement execute function record_content_change()',
                               watched || '_content_change', watched);
            end loop;
    end
$$;
