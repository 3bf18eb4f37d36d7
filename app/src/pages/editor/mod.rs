//! Knowledge editors' pages: the article list, the editor, the review queue, the history.

mod diff_view;
mod edit;
mod history;
mod home;
mod review;

pub use edit::EditorPage;
pub use history::HistoryPage;
pub use home::EditorHomePage;
pub use review::ReviewPage;

/// The editor's address for one language of an article.
pub fn edit_href(slug: &str, lang: &str) -> String {
    format!("/staff/kb/edit?slug={slug}&lang={lang}")
}

/// The history's address for one language of an article.
pub fn history_href(slug: &str, lang: &str) -> String {
    format!("/staff/kb/history?slug={slug}&lang={lang}")
}
