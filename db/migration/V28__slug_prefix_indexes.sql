-- The free slugs of an import's batch are found in one statement that looks, for each new entry's
-- slug, for the slugs taken that start with it (`base-2`, `base-3`…): a range of the byte order
-- (from 'base-' to 'base.'), which these indexes serve whatever the database's collation. With
-- `like 'base-%'` on a pattern known only while the statement runs, each entry read the whole
-- slug index: a batch of 500 took 13.5 s in a directory of 36,000 actors, growing with it.
create index actor_slug_prefix_idx on actor (slug collate "C");
create index actor_slug_redirect_prefix_idx on actor_slug_redirect (old_slug collate "C");
create index project_slug_prefix_idx on project (slug collate "C");
create index project_slug_redirect_prefix_idx on project_slug_redirect (old_slug collate "C");
