-- The console sorts by the next clock to run out and by priority; as indexed (virtual)
-- columns those orders read 50 lines off an index instead of sorting every matching ticket.

-- The response due while unanswered (if earlier), else the resolve due; a paused clock sorts last.
ALTER TABLE tickets ADD COLUMN next_due INTEGER GENERATED ALWAYS AS (
    CASE WHEN first_responded_at IS NULL AND first_response_due < resolve_due THEN first_response_due
         WHEN paused_at IS NOT NULL THEN 9223372036854775807
         ELSE resolve_due END
) VIRTUAL;
ALTER TABLE tickets ADD COLUMN priority_rank INTEGER GENERATED ALWAYS AS (
    CASE priority WHEN 'urgent' THEN 0 WHEN 'important' THEN 1 ELSE 2 END
) VIRTUAL;

-- Open work by assignee (NULL: the unassigned queue), in either order.
CREATE INDEX tickets_open_due_idx ON tickets (assignee_id, next_due)
    WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX tickets_open_priority_idx ON tickets (assignee_id, priority_rank, next_due)
    WHERE status NOT IN ('resolved', 'closed');
-- Every ticket, in either order.
CREATE INDEX tickets_next_due_idx ON tickets (next_due);
CREATE INDEX tickets_priority_due_idx ON tickets (priority_rank, next_due);
