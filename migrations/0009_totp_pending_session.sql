-- An authenticator-app secret that is not confirmed yet belongs to the session it was shown to:
-- another session (say, one opened from a stolen sign-in e-mail) that saw a set-up page gets its own
-- secret and can never see, or later use, the one the owner confirms.
ALTER TABLE totp_secrets ADD COLUMN pending_session text;
