-- Each deal's win probability as customer-service set it (its events carry it), so the forecast keeps no copy
-- of the funnel's probabilities. Deals replicated before this version get their stage's default until their
-- next event says otherwise.
ALTER TABLE opportunity_replica ADD COLUMN probability INT;
UPDATE opportunity_replica SET probability = CASE stage
    WHEN 'TARGET' THEN 5 WHEN 'POTENTIAL' THEN 10 WHEN 'INTENT' THEN 20 WHEN 'PROJECT' THEN 40
    WHEN 'ACKNOWLEDGED' THEN 60 WHEN 'NEGOTIATION' THEN 80 WHEN 'WON' THEN 100 ELSE 0 END;
