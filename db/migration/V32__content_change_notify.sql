-- Key figures (module figures): every statement that moves the content version also notifies the
-- channel content_change, delivered when its transaction commits (once per transaction: the same
-- payload is folded). An instance listening on it keeps the version in memory and reads it again
-- only after a notification or a commit of its own, instead of on every request (ContentVersion).
create or replace function record_content_change() returns trigger
    language plpgsql as
$$
begin
    insert into content_change default values;
    perform pg_notify('content_change', '');
    return null;
end
$$;
