//! One module a page.

pub mod account;
pub mod article;
pub mod article_feedback;
pub mod audit;
pub mod canned;
pub mod complaints;
pub mod console;
pub mod console_bulk;
pub mod diagnosis;
pub mod drafts;
pub mod home;
pub mod kb;
pub mod kb_category;
pub mod my_tickets;
pub mod new_ticket;
pub mod not_found;
pub mod rate;
pub mod search;
pub mod search_insights;
pub mod settings;
pub mod staff;
pub mod teams;
pub mod ticket;
pub mod ticket_care;
pub mod ticket_merge;
pub mod ticket_work;
