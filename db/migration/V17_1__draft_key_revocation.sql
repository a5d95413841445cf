-- A browser's key to a questionnaire is revoked when the questionnaire is sent (issue 12): the
-- browser that sent it gets a new key that shows the thank-you page once, and any other copy of
-- the old cookie (another tab, another person) no longer shows the answers. A revoked key is kept
-- so that a second click on "send" is told the questionnaire was received, without its answers.
alter table submission_draft_key add column revoked_at timestamptz;
