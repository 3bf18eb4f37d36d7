//! Turning SQLite rows into domain types, and small SQL helpers.

use super::{db, from_ms};
use app::domain::kb::ArticleSummary;
use app::domain::ticket::{Code, TicketSummary, TicketView, WorkState};
use app::i18n::Locale;
use app::ports::StoreError;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

pub(super) fn locale_of(code: &str) -> Result<Locale, StoreError> {
    Locale::parse(code).ok_or_else(|| StoreError::Corrupt(format!("unknown locale {code}")))
}

pub(super) fn code_of<T: Code>(row: &AnyRow, column: &str) -> Result<T, StoreError> {
    let value: String = row.try_get(column).map_err(db)?;
    T::from_code(&value).ok_or_else(|| StoreError::Corrupt(format!("{column} = {value}")))
}

/// A `group_concat(…, ',')` column back as a list; `NULL` (no rows) is an empty list.
pub(super) fn comma_list(row: &AnyRow, column: &str) -> Result<Vec<String>, StoreError> {
    let joined: Option<String> = row.try_get(column).map_err(db)?;
    Ok(joined
        .map(|t| t.split(',').map(str::to_string).collect())
        .unwrap_or_default())
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
pub(super) fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// From rows ordered by article, keeps one translation each: `locale` when present.
pub(super) fn pick_translations(
    rows: Vec<AnyRow>,
    locale: Locale,
) -> Result<Vec<ArticleSummary>, StoreError> {
    let mut out: Vec<(i64, bool, ArticleSummary)> = Vec::new();
    for row in rows {
        let id: i64 = row.try_get("id").map_err(db)?;
        let preferred = row.try_get::<String, _>("locale").map_err(db)? == locale.code();
        let summary = ArticleSummary {
            slug: row.try_get("slug").map_err(db)?,
            title: row.try_get("title").map_err(db)?,
            summary: row.try_get("summary").map_err(db)?,
        };
        match out.iter_mut().find(|(i, _, _)| *i == id) {
            Some(entry) if preferred && !entry.1 => *entry = (id, true, summary),
            Some(_) => {}
            None => out.push((id, preferred, summary)),
        }
    }
    Ok(out.into_iter().map(|(_, _, s)| s).collect())
}

/// The columns `ticket_view` reads, for `SELECT … FROM tickets`.
pub(super) const TICKET_COLUMNS: &str =
    "number, subject, description, contact_name, category, priority, impact, \
     status, created_at, first_response_due, resolve_due, access_hash, requester_id, \
     revision, assignee_id, paused_at, first_responded_at, resolved_at, closed_at, \
     respond_minutes, resolve_minutes, locale, \
     (SELECT display_name FROM users u WHERE u.id = tickets.assignee_id) AS assignee_name";

/// An optional stored time.
fn opt_time(row: &AnyRow, column: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
    row.try_get::<Option<i64>, _>(column)
        .map_err(db)?
        .map(from_ms)
        .transpose()
}

pub(super) fn ticket_view(row: &AnyRow) -> Result<TicketView, StoreError> {
    Ok(TicketView {
        number: row.try_get("number").map_err(db)?,
        subject: row.try_get("subject").map_err(db)?,
        description: row.try_get("description").map_err(db)?,
        contact_name: row.try_get("contact_name").map_err(db)?,
        category: code_of(row, "category")?,
        priority: code_of(row, "priority")?,
        impact: code_of(row, "impact")?,
        status: code_of(row, "status")?,
        created_at: from_ms(row.try_get("created_at").map_err(db)?)?,
        first_response_due: from_ms(row.try_get("first_response_due").map_err(db)?)?,
        resolve_due: from_ms(row.try_get("resolve_due").map_err(db)?)?,
        work: WorkState {
            revision: row.try_get("revision").map_err(db)?,
            assignee_id: row.try_get("assignee_id").map_err(db)?,
            assignee_name: row.try_get("assignee_name").map_err(db)?,
            paused_at: opt_time(row, "paused_at")?,
            first_responded_at: opt_time(row, "first_responded_at")?,
            resolved_at: opt_time(row, "resolved_at")?,
            closed_at: opt_time(row, "closed_at")?,
            respond_minutes: row.try_get("respond_minutes").map_err(db)?,
            resolve_minutes: row.try_get("resolve_minutes").map_err(db)?,
        },
    })
}

/// A ticket line; the caller fills in the link.
pub(super) fn ticket_summary(row: &AnyRow) -> Result<TicketSummary, StoreError> {
    Ok(TicketSummary {
        number: row.try_get("number").map_err(db)?,
        subject: row.try_get("subject").map_err(db)?,
        status: code_of(row, "status")?,
        created_at: from_ms(row.try_get("created_at").map_err(db)?)?,
        href: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::escape_like;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("蓝屏"), "蓝屏");
        assert_eq!(escape_like("100%_a\\"), "100\\%\\_a\\\\");
    }
}
