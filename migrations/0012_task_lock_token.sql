-- Tasks: the worker that claims a task gets a fresh lock token with it. It extends its lock with
-- that token while the task runs (a heartbeat) and records the outcome only while the token is still
-- the task's: a worker whose lock ran out and was taken over can no longer mark the task done,
-- failed or due again.
ALTER TABLE jobs ADD COLUMN lock_token uuid;
