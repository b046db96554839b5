-- Quotes are records now: the default quote items are proved by them instead of ticked by hand.
-- An admin who changed either item keeps what they chose.
UPDATE playbook_item SET proof = 'DATA' WHERE item_key IN ('first-quote', 'formal-quote') AND proof = 'TICK';
