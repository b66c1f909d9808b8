-- Events' back-office (issue 17): the comment an approver gave when sending an event back to its
-- organiser, shown on the event's page until it is sent for review again or published.
ALTER TABLE events ADD COLUMN review_comment text NOT NULL DEFAULT '' CHECK (length(review_comment) <= 1000);
