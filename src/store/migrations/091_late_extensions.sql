-- 091_late_extensions: an answer extension counts only when it was granted
-- before the deadline it moves (seed 002 如不能即时回复,应承诺答复期限; the
-- rule since session 25, POST /messages/{id}/extend refuses a late one with
-- 409).  Extensions recorded before that rule (their extend event has no
-- granted_at: the event's own time is when they were granted) whose first
-- one came after the answer due no longer move the deadline: the late
-- answer reads late again everywhere (lists, figures, the assessment).
-- History is kept: the extend events stay as they were, and each message
-- corrected gets an event 'extend_void' (延期不计) at the voided
-- extension's own time, saying why.  A message whose first extension was in
-- time keeps what it had.
INSERT INTO message_events (message_id, at, event, login, detail)
SELECT m.id, e.at, 'extend_void', 'system:migration',
       '{"reason":"延期在答复期限届满后才批准,不计入答复期限(迁移 091 更正)"}'
FROM messages m
JOIN message_events e ON e.message_id = m.id
WHERE m.extended_until IS NOT NULL
  AND e.id = (SELECT MIN(f.id) FROM message_events f
              WHERE f.message_id = m.id AND f.event = 'extend')
  AND e.detail NOT LIKE '%"granted_at"%'
  AND e.at > m.answer_due;

UPDATE messages SET extended_until = NULL
WHERE id IN (SELECT message_id FROM message_events WHERE event = 'extend_void'
             AND login = 'system:migration');
