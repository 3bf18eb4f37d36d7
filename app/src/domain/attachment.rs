//! Files customers and agents attach: what is accepted, judged by content and never by name.

use serde::{Deserialize, Serialize};

/// Largest single file (phone photos run to 10 MB and more).
pub const MAX_FILE_BYTES: usize = 15 * 1024 * 1024;
/// Most files in one message.
pub const MAX_FILES: usize = 5;
/// Largest total of one message's files.
pub const MAX_MESSAGE_BYTES: usize = 40 * 1024 * 1024;
/// Longest kept file name, in characters.
const MAX_NAME_CHARS: usize = 120;
/// What the file picker offers: photos (and so the camera on phones), PDFs and text logs.
pub const ACCEPT: &str = "image/*,application/pdf,text/plain,.log,.txt,.pdf";
/// What an article image picker offers.
pub const ACCEPT_IMAGES: &str = "image/jpeg,image/png,image/gif,image/webp";

/// What an accepted file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    Gif,
    Webp,
    Pdf,
    Text,
}

impl FileKind {
    /// The content type the file is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
            FileKind::Pdf => "application/pdf",
            FileKind::Text => "text/plain; charset=utf-8",
        }
    }

    /// Photos and screenshots, shown inline and downscaled for display.
    pub fn is_image(self) -> bool {
        matches!(
            self,
            FileKind::Jpeg | FileKind::Png | FileKind::Gif | FileKind::Webp
        )
    }

    /// The stable code kept in storage.
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Jpeg => "jpeg",
            FileKind::Png => "png",
            FileKind::Gif => "gif",
            FileKind::Webp => "webp",
            FileKind::Pdf => "pdf",
            FileKind::Text => "text",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<FileKind> {
        [
            FileKind::Jpeg,
            FileKind::Png,
            FileKind::Gif,
            FileKind::Webp,
            FileKind::Pdf,
            FileKind::Text,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// Why a file was refused; each has its own message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileProblem {
    Empty,
    TooLarge,
    /// A program or script, whatever its name says.
    Program,
    /// Neither a photo, a PDF nor a text log.
    Unsupported,
    /// More files, or more bytes, than one message may carry.
    TooMany,
}

/// Decides what a file is from its first bytes. Executables are named as such so the refusal
/// can say why; anything not recognised is refused.
pub fn sniff(bytes: &[u8]) -> Result<FileKind, FileProblem> {
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(FileKind::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(FileKind::Png);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Ok(FileKind::Gif);
    }
    if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Ok(FileKind::Webp);
    }
    if starts(b"%PDF-") {
        return Ok(FileKind::Pdf);
    }
    if is_program(bytes) {
        return Err(FileProblem::Program);
    }
    if is_text(bytes) {
        return Ok(FileKind::Text);
    }
    Err(FileProblem::Unsupported)
}

/// Windows, Linux and macOS executables, Java classes, and scripts with a `#!` line.
fn is_program(bytes: &[u8]) -> bool {
    const MAGIC: [&[u8]; 7] = [
        b"MZ",
        b"\x7fELF",
        &[0xCF, 0xFA, 0xED, 0xFE],
        &[0xCE, 0xFA, 0xED, 0xFE],
        &[0xCA, 0xFE, 0xBA, 0xBE],
        b"#!",
        b"\0asm",
    ];
    MAGIC.iter().any(|m| bytes.starts_with(m))
}

/// UTF-8 (with or without a byte-order mark) without control characters other than
/// whitespace: what log files and pasted console output are.
fn is_text(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')),
        Err(_) => false,
    }
}

/// A file name safe to keep and show: no folders, no control characters, not too long.
pub fn clean_name(name: &str, kind: FileKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        let ext = match kind {
            FileKind::Jpeg => "jpg",
            FileKind::Text => "txt",
            other => other.code(),
        };
        format!("file.{ext}")
    } else {
        cleaned
    }
}

/// A file as a timeline entry shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub name: String,
    pub size: i64,
    pub kind: FileKind,
    /// Opens the original.
    pub href: String,
    /// A downscaled copy for display, for images.
    pub preview_href: Option<String>,
}

/// A file staged by the picker, not yet part of a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StagedFile {
    /// Secret the form sends back to attach the file.
    pub token: String,
    pub name: String,
    pub size: i64,
    pub kind: FileKind,
}

/// One file's fate in an upload: staged, or refused with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadResult {
    Staged(StagedFile),
    Refused { name: String, problem: FileProblem },
}

/// Human-readable size: "840 KB", "3.2 MB".
pub fn format_size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_not_the_name() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Ok(FileKind::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Ok(FileKind::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(FileKind::Webp));
        assert_eq!(sniff(b"%PDF-1.7\n"), Ok(FileKind::Pdf));
        assert_eq!(
            sniff("2026-11-29 网络中断 ERROR\r\n\tretry\n".as_bytes()),
            Ok(FileKind::Text)
        );
    }

    #[test]
    fn programs_and_unknown_binaries_are_refused() {
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0"), Err(FileProblem::Program));
        assert_eq!(sniff(b"\x7fELF\x02\x01"), Err(FileProblem::Program));
        assert_eq!(sniff(b"#!/bin/sh\nrm -rf /\n"), Err(FileProblem::Program));
        assert_eq!(sniff(b"PK\x03\x04zip"), Err(FileProblem::Unsupported));
        assert_eq!(sniff(b"text\0with nul"), Err(FileProblem::Unsupported));
        assert_eq!(sniff(b""), Err(FileProblem::Empty));
        assert_eq!(
            sniff(&vec![b'a'; MAX_FILE_BYTES + 1]),
            Err(FileProblem::TooLarge)
        );
    }

    #[test]
    fn names_lose_folders_and_tricks() {
        assert_eq!(
            clean_name("C:\\Users\\a\\屏幕截图.png", FileKind::Png),
            "屏幕截图.png"
        );
        assert_eq!(clean_name("../../etc/passwd", FileKind::Text), "passwd");
        assert_eq!(clean_name("\u{7}\"<>", FileKind::Jpeg), "file.jpg");
        assert_eq!(clean_name(".htaccess", FileKind::Text), "htaccess");
        assert_eq!(clean_name(&"x".repeat(500), FileKind::Pdf).len(), 120);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_size(1), "1 KB");
        assert_eq!(format_size(3_400_000), "3.2 MB");
    }
}
