-- One database per service: no service reads another's data (see DESIGN.md).
-- Runs once, when the PostgreSQL container starts with an empty data directory.
CREATE DATABASE customer;
CREATE DATABASE visit;
CREATE DATABASE target;
CREATE DATABASE analytics;
