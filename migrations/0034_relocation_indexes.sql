-- Two reads of the navigators' inbox that read a whole table for each case listed (bench part
-- `navigator`, 20,000 cases; issue 16's target is p95 ≤ 300 ms a page):
--
-- The slot a case booked, found by its case: the inbox shows each listed case's booked time and
-- erasing a case frees its slot (ON DELETE SET NULL). Without this index each read every slot of
-- the region (about 1 ms a listed case at 8,000 slots).
CREATE INDEX relocation_slots_case ON relocation_slots (region_id, case_id) WHERE case_id IS NOT NULL;

-- A person's consents, withdrawn ones too: whether and when the main mover withdrew 'contact' (the
-- inbox and the case file say so), and the cascade when a person is erased. The unique index on
-- the live consents does not serve the withdrawn ones.
CREATE INDEX relocation_consents_person ON relocation_consents (region_id, person_id, purpose);
