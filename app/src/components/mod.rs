//! Reusable pieces of the layout and forms.

pub mod article_list;
pub mod breadcrumb;
pub mod field;
pub mod footer;
pub mod header;
pub mod lang_switch;
pub mod loading;
pub mod search_box;
