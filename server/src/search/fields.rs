//! The index's schema and how an article's text becomes a document.

use super::analyzer::{analyzer, MIXED};
use crate::store::SearchDoc;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STORED,
    STRING,
};
use tantivy::{Index, TantivyDocument};

/// Handles of the schema's fields.
#[derive(Clone)]
pub struct Fields {
    pub schema: Schema,
    /// The article's slug: stored, and the key that deletes its entries.
    pub slug: Field,
    pub lang: Field,
    pub title: Field,
    pub summary: Field,
    pub body: Field,
    pub tags: Field,
    /// The category and each one above it; the first is the article's own.
    pub category: Field,
    pub internal: Field,
}

impl Fields {
    /// The schema of this build.
    pub fn schema() -> Self {
        let mut b = Schema::builder();
        let text = |stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(MIXED)
                .set_index_option(IndexRecordOption::WithFreqs);
            let options = TextOptions::default().set_indexing_options(indexing);
            if stored {
                options.set_stored()
            } else {
                options
            }
        };
        let slug = b.add_text_field("slug", STRING | STORED);
        let lang = b.add_text_field("lang", STRING | STORED);
        let title = b.add_text_field("title", text(true));
        let summary = b.add_text_field("summary", STORED);
        let body = b.add_text_field("body", text(true));
        let tags = b.add_text_field("tags", text(false));
        let category = b.add_text_field("category", STRING | STORED);
        let internal = b.add_u64_field("internal", NumericOptions::default().set_indexed());
        Self {
            schema: b.build(),
            slug,
            lang,
            title,
            summary,
            body,
            tags,
            category,
            internal,
        }
    }

    /// The document for one language of one article.
    pub fn document(&self, doc: &SearchDoc) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_text(self.slug, &doc.slug);
        d.add_text(self.lang, doc.lang.code());
        d.add_text(self.title, &doc.title);
        d.add_text(self.summary, &doc.summary);
        d.add_text(self.body, plain_text(&doc.body_md));
        for tag in &doc.tags {
            d.add_text(self.tags, tag);
        }
        for category in &doc.categories {
            d.add_text(self.category, category);
        }
        d.add_u64(self.internal, u64::from(doc.internal));
        d
    }
}

/// Registers the analyser the text fields name.
pub fn register(index: &Index) {
    index.tokenizers().register(MIXED, analyzer(true));
}

/// Markdown's readable text: what a reader sees, without markup, links' targets or image paths.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn markdown_markup_and_link_targets_are_not_indexed() {
        let text = plain_text("## 步骤\n1. 打开 [设置](https://x.example/secret)\n\n**重启**");
        assert!(text.contains("步骤") && text.contains("设置") && text.contains("重启"));
        assert!(!text.contains("https") && !text.contains("**") && !text.contains("##"));
    }
}
