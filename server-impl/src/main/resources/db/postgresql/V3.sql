-- The resets so far, numbered, and the instance that made the last: one row. A notice of a reset is lost on an
-- instance whose listening connection is down as the reset commits; when it listens again it compares this with
-- the last generation it knew, and so learns it missed one. Seeded here, once, under the migrations' lock.
CREATE TABLE reset_generation (
  one        BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (one),
  generation BIGINT      NOT NULL,
  instance   VARCHAR(64));

INSERT INTO reset_generation (generation) VALUES (0);
