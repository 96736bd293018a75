-- The records of every API, and what the stub needs to behave as one across instances. Bodies are the records'
-- JSON, as in the embedded H2 database.
CREATE TABLE webhook_records (
  api  VARCHAR(32)   NOT NULL,
  id   VARCHAR(1024) NOT NULL,
  body TEXT          NOT NULL,
  PRIMARY KEY (api, id));

-- An API listed here has been seeded with its fixtures; later starts keep what is there.
CREATE TABLE seeded_apis (
  api VARCHAR(32) PRIMARY KEY);

-- Ids handed out in sequence (Partoo's integers): the highest one so far, per API.
CREATE TABLE id_sequences (
  name    VARCHAR(64) PRIMARY KEY,
  highest BIGINT      NOT NULL);

CREATE TABLE deliveries (
  id     VARCHAR(64) PRIMARY KEY,
  api    VARCHAR(32) NOT NULL,
  status VARCHAR(16) NOT NULL,
  body   TEXT        NOT NULL);

CREATE TABLE gone_webhooks (
  api        VARCHAR(32)   NOT NULL,
  webhook_id VARCHAR(1024) NOT NULL,
  PRIMARY KEY (api, webhook_id));
