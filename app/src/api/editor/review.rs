use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A reviewer's decision on a version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewForm {
    pub slug: String,
    pub locale: Locale,
    pub version: i64,
    pub approve: bool,
    #[serde(default)]
    pub comment: String,
}

/// Approves and publishes a version in review, or sends it back with a comment. Reviewers may
/// not decide on their own text unless an admin allowed it.
#[server(endpoint = "editor/review")]
pub async fn review_article(form: ReviewForm) -> Result<(), ServerFnError> {
    use super::super::ssr::{audit, internal, require_signed_in, services};
    use super::{outcome, refused, reindex};
    use crate::domain::auth::Operation;
    use crate::domain::review::{check_reviewer, step, ReviewAction, ReviewProblem};
    use crate::ports::VersionMove;
    let services = services()?;
    let store = &services.store;
    let reviewer = require_signed_in(Operation::EditKnowledge).await?;
    let Some(current) = store
        .version_text(&form.slug, form.locale, form.version)
        .await
        .map_err(internal)?
    else {
        return Err(refused(ReviewProblem::NotFound));
    };
    let allowed = store.self_review_allowed().await.map_err(internal)?;
    check_reviewer(current.info.author_id, reviewer.id, allowed).map_err(refused)?;
    let comment = form.comment.trim().to_string();
    let action = if form.approve {
        ReviewAction::Approve
    } else {
        if comment.is_empty() {
            return Err(refused(ReviewProblem::CommentMissing));
        }
        ReviewAction::SendBack
    };
    let to = step(current.info.status, action).map_err(refused)?;
    let done = store
        .move_version(VersionMove {
            slug: form.slug.clone(),
            locale: form.locale,
            version: form.version,
            from: current.info.status,
            to,
            by: reviewer.id,
            comment,
            at: chrono::Utc::now(),
            body_html: form
                .approve
                .then(|| crate::markdown::render(&current.body_md)),
        })
        .await
        .map_err(internal)?;
    outcome(done)?;
    if form.approve {
        reindex(&services, &form.slug).await;
        let target = format!("{}/{} v{}", form.slug, form.locale.code(), form.version);
        audit(Some(&reviewer), "", "kb.publish", &target, "").await?;
    }
    super::back_without_js("/staff/kb/review?done=1");
    Ok(())
}
