use crate::domain::kb_editor::EditorForm;
use crate::i18n::Locale;
use leptos::prelude::*;

/// What the editor form starts from: the open version if any, else the published text, else
/// a new article (`slug` empty), prefilled from a ticket's article draft when `draft` names one.
#[server(endpoint = "editor/form")]
pub async fn get_editor_form(
    slug: String,
    locale: Locale,
    #[server(default)] draft: Option<i64>,
) -> Result<Option<EditorForm>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::EditKnowledge).await?;
    if slug.is_empty() {
        // A draft made from a resolved ticket starts a new article in its language.
        let from = match draft {
            Some(id) => store
                .article_drafts(500)
                .await
                .map_err(internal)?
                .into_iter()
                .find(|d| d.id == id),
            None => None,
        };
        return Ok(Some(match from {
            Some(d) => EditorForm {
                locale: d.locale.code().to_string(),
                title: d.title,
                body_md: d.body_md,
                ..Default::default()
            },
            None => EditorForm {
                locale: locale.code().to_string(),
                ..Default::default()
            },
        }));
    }
    let Some(labels) = store.article_labels(&slug).await.map_err(internal)? else {
        return Ok(None);
    };
    let versions = store.versions(&slug, locale).await.map_err(internal)?;
    let open = versions.iter().find(|v| v.status.is_open()).cloned();
    let base = open
        .as_ref()
        .or_else(|| versions.iter().find(|v| v.live))
        .map(|v| v.version);
    let text = match base {
        Some(v) => store
            .version_text(&slug, locale, v)
            .await
            .map_err(internal)?,
        None => None,
    };
    Ok(Some(EditorForm {
        slug,
        locale: locale.code().to_string(),
        category_slug: labels.category_slug,
        internal: labels.internal,
        tags: labels.tags.join(", "),
        related: labels.related.join(", "),
        title: text
            .as_ref()
            .map(|t| t.info.title.clone())
            .unwrap_or_default(),
        summary: text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        body_md: text.map(|t| t.body_md).unwrap_or_default(),
        open,
        published: versions.iter().find(|v| v.live).map(|v| v.version),
    }))
}
