-- A household's e-mail link signs in only the address it was sent to (issue 16, found in review): a
-- merge of two cases may move a link to another person, or change the person's address, so the link
-- keeps the address it was mailed to and is dead when the person's address is no longer that one.
-- Links made before this column existed have '' and are dead (they were at most 14 days old).
ALTER TABLE relocation_links ADD COLUMN email text NOT NULL DEFAULT '' CHECK (length(email) <= 254);
