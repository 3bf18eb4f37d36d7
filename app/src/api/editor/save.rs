use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The editor form as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleForm {
    pub slug: String,
    /// True when the form creates a new article, so an existing slug is refused.
    #[serde(default)]
    pub new: bool,
    pub locale: Locale,
    pub category: String,
    /// Present (any value) when ticked.
    #[serde(default)]
    pub internal: Option<String>,
    #[serde(default)]
    pub tags: String,
    /// Related articles' slugs, comma-separated.
    #[serde(default)]
    pub related: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub body: String,
}

/// Saves the editor's text as the language's open draft; returns the article's slug.
#[server(endpoint = "editor/save")]
pub async fn save_article(form: ArticleForm) -> Result<String, ServerFnError> {
    use super::super::ssr::{bad_request, internal, request_locale, require_signed_in, services};
    use super::{outcome, refused, reindex};
    use crate::domain::auth::Operation;
    use crate::domain::review::{check_slug, check_tags, check_text};
    use crate::ports::{ArticleLabels, DraftSave};
    let services = services()?;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let slug = check_slug(&form.slug).map_err(refused)?;
    let text = check_text(&form.title, &form.summary, &form.body).map_err(refused)?;
    let tags = check_tags(&form.tags).map_err(refused)?;
    let existing = services
        .store
        .article_labels(&slug)
        .await
        .map_err(internal)?;
    if form.new && existing.is_some() {
        return Err(bad_request(request_locale().strings().editor.p_slug_taken));
    }
    let labels = ArticleLabels {
        category_slug: form.category,
        internal: form.internal.is_some(),
        tags,
        related: form
            .related
            .split([',', '，', ' '])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .fold(Vec::new(), |mut list: Vec<String>, r| {
                if !list.iter().any(|x| x == r) {
                    list.push(r.to_string());
                }
                list
            }),
    };
    let changed_labels = existing.as_ref() != Some(&labels);
    let done = services
        .store
        .save_article_draft(DraftSave {
            slug: slug.clone(),
            locale: form.locale,
            labels,
            title: text.title,
            summary: text.summary,
            body_md: text.body_md,
            author_id: editor.id,
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    outcome(done)?;
    // Category, tags and the internal flag apply to the published text at once.
    if changed_labels && existing.is_some() {
        reindex(&services, &slug).await;
    }
    super::back_without_js(&format!(
        "/staff/kb/edit?slug={slug}&lang={}&saved=1",
        form.locale.code()
    ));
    Ok(slug)
}
