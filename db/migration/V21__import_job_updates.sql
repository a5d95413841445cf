-- An import's undo also gives the entries it updated their values from before: they are kept with
-- the entries it created, with what the directory needs to restore them (module imports).
alter table import_job_entry add column outcome varchar(8) not null default 'CREATED'
    check (outcome in ('CREATED', 'UPDATED'));
alter table import_job_entry add column previous text;
alter table import_job_entry add constraint import_job_entry_previous_check
    check ((outcome = 'UPDATED') = (previous is not null));
