-- Deliveries shared by every instance: each attempt is claimed by one instance for a while (its lease), so two
-- instances never attempt it at once, and another takes it over when the holder dies before the lease runs out.
-- next_attempt_at is the stub clock's time of the next attempt and lease_until real time, both epoch milliseconds;
-- position keeps the log oldest first.
ALTER TABLE deliveries
  ADD COLUMN next_attempt_at BIGINT,
  ADD COLUMN lease_owner     VARCHAR(64),
  ADD COLUMN lease_until     BIGINT,
  ADD COLUMN position        BIGSERIAL;

CREATE INDEX deliveries_waiting ON deliveries (status, next_attempt_at);
