-- The organisation: regions and the teams in each, as versions that hold from a date on (until the next
-- one), so that a past period is measured in the structure it had. Codes are the ones tokens carry
-- (a team's code is its `team` claim). An admin changes them through /api/v1/organisation.
CREATE TABLE org_region (
    id             UUID        PRIMARY KEY,
    region         TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    name           TEXT        NOT NULL,
    -- the region's head (区域负责人), a user id; null: none
    head_id        TEXT,
    -- the region's change count when this version was last written: the events' aggregate version
    version        BIGINT      NOT NULL,
    changed_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (region, effective_from)
);

CREATE TABLE org_team (
    id             UUID        PRIMARY KEY,
    team           TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    region         TEXT        NOT NULL,
    manager_id     TEXT,
    -- whom the manager reports to when an admin named someone; null: the region's head
    reports_to     TEXT,
    version        BIGINT      NOT NULL,
    changed_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (team, effective_from)
);
CREATE INDEX org_team_region ON org_team (region, effective_from);

-- The structure configuration held until now (crm.regions.east=east, crm.regions.west=west), from the
-- earliest day a figure can have, published like an admin's change so that every consumer's replica
-- starts from it. Ids and the key are the name-based UUIDs of events' Organisation class.
INSERT INTO org_region (id, region, effective_from, name, head_id, version, changed_by, created_at, updated_at)
VALUES (gen_random_uuid(), 'east', DATE '2000-01-01', 'east', NULL, 1, 'system', now(), now()),
       (gen_random_uuid(), 'west', DATE '2000-01-01', 'west', NULL, 1, 'system', now(), now());
INSERT INTO org_team (id, team, effective_from, region, manager_id, reports_to, version, changed_by, created_at,
                      updated_at)
VALUES (gen_random_uuid(), 'east', DATE '2000-01-01', 'east', NULL, NULL, 1, 'system', now(), now()),
       (gen_random_uuid(), 'west', DATE '2000-01-01', 'west', NULL, NULL, 1, 'system', now(), now());

WITH s AS (
    SELECT v.*, gen_random_uuid() AS id, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
    FROM (VALUES
    ('crm.region.changed.v1', 'f6e1f510-7f7d-3b44-9450-3d685d873aec', NULL, jsonb_build_object('region', 'east', 'name', 'east', 'headId', NULL, 'effectiveFrom', '2000-01-01', 'changedBy', 'system')),
    ('crm.region.changed.v1', 'bee14163-f4b5-3062-859e-db50599edf95', NULL, jsonb_build_object('region', 'west', 'name', 'west', 'headId', NULL, 'effectiveFrom', '2000-01-01', 'changedBy', 'system')),
    ('crm.team.changed.v1', '904585d0-daa0-3a4e-80c1-3b31d345dc6b', 'east', jsonb_build_object('team', 'east', 'region', 'east', 'managerId', NULL, 'reportsTo', NULL, 'effectiveFrom', '2000-01-01', 'changedBy', 'system')),
    ('crm.team.changed.v1', 'f238d0ed-0c81-38b4-b2cb-d47ac6d37f88', 'west', jsonb_build_object('team', 'west', 'region', 'west', 'managerId', NULL, 'reportsTo', NULL, 'effectiveFrom', '2000-01-01', 'changedBy', 'system'))
         ) AS v (type, aggregate_id, team, data)
)
INSERT INTO outbox_event (event_id, topic, record_key, type, payload, created_at)
SELECT s.id, 'crm.organisation', '0295c50f-ee00-3868-aec4-16d855dab6ba', s.type,
       jsonb_build_object('specversion', '1.0', 'id', s.id, 'source', '/target-service', 'type', s.type,
                          'subject', s.aggregate_id, 'time', s.at, 'datacontenttype', 'application/json',
                          'data', jsonb_build_object('eventId', s.id, 'aggregateId', s.aggregate_id,
                                                     'aggregateVersion', 1, 'ownerId', NULL, 'ownerTeam', s.team,
                                                     'occurredAt', s.at) || s.data)::text,
       now()
FROM s ORDER BY s.type;
