//! Word boundaries for mixed Chinese and English text.
//!
//! Chinese is written without spaces, so jieba finds the words. Documents are cut in search mode,
//! which also emits the shorter words inside long ones (无线网络 → 无线, 网络, 无线网络), so a
//! query for part of a compound still matches. Latin words are lower-cased and stemmed.

use jieba_rs::Jieba;
use std::sync::OnceLock;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Name the index registers the document analyzer under.
pub const MIXED: &str = "mixed";

/// The shared segmenter; its dictionary is loaded once per process.
pub fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Cuts text into words with jieba, dropping spaces and punctuation.
#[derive(Clone)]
pub struct JiebaTokenizer {
    /// Search mode also emits the words inside compounds; precise mode emits each word once.
    pub search_mode: bool,
    jieba: &'static Jieba,
}

impl JiebaTokenizer {
    /// A tokenizer in search mode (documents) or precise mode (queries).
    pub fn new(search_mode: bool) -> Self {
        Self {
            search_mode,
            jieba: jieba(),
        }
    }
}

/// The tokens of one text.
pub struct JiebaStream {
    tokens: Vec<Token>,
    index: usize,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaStream {
        let cut = if self.search_mode {
            self.jieba.cut_for_search(text, true)
        } else {
            self.jieba.cut(text, true)
        };
        let tokens = cut
            .into_iter()
            .filter(|t| t.word.chars().any(char::is_alphanumeric))
            .enumerate()
            .map(|(position, t)| Token {
                offset_from: t.byte_start,
                offset_to: t.byte_end,
                position,
                text: t.word.to_string(),
                position_length: 1,
            })
            .collect();
        JiebaStream { tokens, index: 0 }
    }
}

impl TokenStream for JiebaStream {
    fn advance(&mut self) -> bool {
        if self.index < self.tokens.len() {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self
            .index
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self
            .index
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

/// The analyzer for indexed text (search mode) or for queries (precise mode).
pub fn analyzer(search_mode: bool) -> TextAnalyzer {
    TextAnalyzer::builder(JiebaTokenizer::new(search_mode))
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analysed terms of a text, in order, duplicates kept.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The analysed tokens of a text with their byte ranges in it.
pub fn spans(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, usize, String)> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.offset_from, t.offset_to, t.text.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_without_spaces_is_cut_into_words() {
        let words = terms(&mut analyzer(false), "打印机无法连接网络");
        assert!(words.contains(&"打印机".to_string()), "{words:?}");
        assert!(words.contains(&"网络".to_string()), "{words:?}");
    }

    #[test]
    fn search_mode_also_emits_the_words_inside_compounds() {
        let words = terms(&mut analyzer(true), "无线网络连接");
        for w in ["无线", "网络", "无线网络"] {
            assert!(words.contains(&w.to_string()), "{w} missing from {words:?}");
        }
    }

    #[test]
    fn english_is_lower_cased_and_stemmed_and_punctuation_dropped() {
        let words = terms(&mut analyzer(true), "Printers, PRINTING!");
        assert_eq!(words, vec!["printer", "print"]);
    }

    #[test]
    fn mixed_text_keeps_both_scripts() {
        let words = terms(&mut analyzer(false), "Wi-Fi 经常断开");
        assert!(words.contains(&"wi-fi".to_string()), "{words:?}");
        assert!(words.contains(&"断开".to_string()), "{words:?}");
    }
}
