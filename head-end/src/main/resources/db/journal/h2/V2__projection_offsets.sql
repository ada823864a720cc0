-- Where each projection over the journal has got to, per tag: the bridge to the MDM store resumes
-- from here after a restart (at-least-once; the store's writes are idempotent).
CREATE TABLE IF NOT EXISTS "projection_offset" (
  "projection" VARCHAR(64) NOT NULL,
  "tag" VARCHAR(64) NOT NULL,
  "offset" BIGINT NOT NULL,
  "updated_at" TIMESTAMP NOT NULL,
  PRIMARY KEY ("projection", "tag")
);
