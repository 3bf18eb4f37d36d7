//! Strings of knowledge-base search, feedback and the editors' search analytics.

/// Knowledge-base strings.
pub struct KbStrings {
    pub filter_language: &'static str,
    pub filter_mine: &'static str,
    pub filter_zh: &'static str,
    pub filter_en: &'static str,
    pub filter_all: &'static str,
    pub filter_category: &'static str,
    pub filter_any_category: &'static str,
    pub filter_apply: &'static str,
    pub in_chinese: &'static str,
    pub in_english: &'static str,
    pub suggestions: &'static str,
    pub none_try: &'static str,
    pub views: &'static str,
    pub tags: &'static str,
    pub related: &'static str,
    pub helped_question: &'static str,
    pub helped_yes: &'static str,
    pub helped_no: &'static str,
    pub helped_comment: &'static str,
    pub helped_send: &'static str,
    pub helped_thanks: &'static str,
    pub helped_counts: &'static str,
    pub feedback_no_article: &'static str,
    pub feedback_too_long: &'static str,
    pub insights_title: &'static str,
    pub insights_intro: &'static str,
    pub insights_top: &'static str,
    pub insights_empty: &'static str,
    pub insights_none: &'static str,
    pub insights_query: &'static str,
    pub insights_searches: &'static str,
    pub insights_clicks: &'static str,
    pub insights_results: &'static str,
    pub insights_total: &'static str,
    pub synonyms_title: &'static str,
    pub synonyms_hint: &'static str,
    pub synonyms_save: &'static str,
    pub synonyms_saved: &'static str,
    pub synonyms_too_many: &'static str,
}

impl KbStrings {
    /// "The comment may be at most N characters".
    pub fn feedback_too_long(&self, max: usize) -> String {
        self.feedback_too_long.replace("{max}", &max.to_string())
    }

    /// The name of a content language, for result badges.
    pub fn language(&self, code: &str) -> &'static str {
        if code == "en" {
            self.in_english
        } else {
            self.in_chinese
        }
    }
}

/// English.
pub const EN: KbStrings = KbStrings {
    filter_language: "Language",
    filter_mine: "My language",
    filter_zh: "Chinese",
    filter_en: "English",
    filter_all: "Both languages",
    filter_category: "Category",
    filter_any_category: "All categories",
    filter_apply: "Filter",
    in_chinese: "Chinese",
    in_english: "English",
    suggestions: "Suggested articles",
    none_try: "Try fewer or other words, or browse the categories.",
    views: "Views",
    tags: "Tags",
    related: "Related articles",
    helped_question: "Did this help?",
    helped_yes: "Yes, it helped",
    helped_no: "No",
    helped_comment: "What was missing? (optional)",
    helped_send: "Send feedback",
    helped_thanks: "Thank you: your feedback helps us improve this article.",
    helped_counts: "found this helpful",
    feedback_no_article: "This article cannot take feedback.",
    feedback_too_long: "The comment may be at most {max} characters.",
    insights_title: "Search analytics",
    insights_intro: "What customers search for, without who searched. Searches that found nothing are the articles to write next.",
    insights_top: "Top searches",
    insights_empty: "Searches that found nothing",
    insights_none: "No searches in this period.",
    insights_query: "Query",
    insights_searches: "Searches",
    insights_clicks: "Opened a result",
    insights_results: "Results",
    insights_total: "Searches in the last 30 days",
    synonyms_title: "Synonyms",
    synonyms_hint: "One group per line, words separated by commas. A search for any word of a group finds all of them.",
    synonyms_save: "Save synonyms",
    synonyms_saved: "Synonyms saved; searches use them now.",
    synonyms_too_many: "At most 500 groups of 20 words each.",
};

/// Simplified Chinese.
pub const ZH: KbStrings = KbStrings {
    filter_language: "语言",
    filter_mine: "当前语言",
    filter_zh: "中文",
    filter_en: "英文",
    filter_all: "中英文",
    filter_category: "分类",
    filter_any_category: "全部分类",
    filter_apply: "筛选",
    in_chinese: "中文",
    in_english: "英文",
    suggestions: "推荐文章",
    none_try: "请换用更少或其他的关键词，或按分类浏览。",
    views: "浏览次数",
    tags: "标签",
    related: "相关文章",
    helped_question: "这篇文章对您有帮助吗？",
    helped_yes: "有帮助",
    helped_no: "没有帮助",
    helped_comment: "还缺少什么？（选填）",
    helped_send: "提交反馈",
    helped_thanks: "谢谢！您的反馈将帮助我们改进这篇文章。",
    helped_counts: "人认为有帮助",
    feedback_no_article: "这篇文章无法接收反馈。",
    feedback_too_long: "意见最多 {max} 个字符。",
    insights_title: "搜索分析",
    insights_intro: "客户搜索了什么（不记录是谁）。没有结果的搜索就是接下来该写的文章。",
    insights_top: "热门搜索",
    insights_empty: "无结果的搜索",
    insights_none: "这段时间没有搜索。",
    insights_query: "搜索词",
    insights_searches: "次数",
    insights_clicks: "打开了结果",
    insights_results: "结果数",
    insights_total: "近 30 天的搜索次数",
    synonyms_title: "同义词",
    synonyms_hint: "每行一组，词之间用逗号分隔。搜索组内任何一个词，都会找到包含其他词的文章。",
    synonyms_save: "保存同义词",
    synonyms_saved: "同义词已保存，搜索立即生效。",
    synonyms_too_many: "最多 500 组，每组最多 20 个词。",
};
