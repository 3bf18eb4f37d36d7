//! Sending e-mail: over SMTP (lettre) when configured, else into the development outbox folder.

use lettre::message::header::{self, ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SmtpTls {
    /// Plain text: only for a relay on loopback or a trusted network.
    None,
    /// Upgrade with STARTTLS (port 587), required.
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// SMTP settings; an empty host means the development outbox folder.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub user: String,
    pub password: String,
}

/// A rendered e-mail as kept in a delivery, so every retry sends the same message.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MailPayload {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Where e-mail goes.
#[derive(Clone)]
pub enum MailTransport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(PathBuf),
}

/// Why a message could not be sent; the text goes to the delivery log.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("bad message: {0}")]
    Message(String),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("outbox folder: {0}")]
    Folder(#[from] std::io::Error),
}

impl MailTransport {
    /// The transport the settings describe.
    pub fn new(smtp: &SmtpSettings, folder: PathBuf) -> Result<Self, MailError> {
        if smtp.host.is_empty() {
            return Ok(MailTransport::Folder(folder));
        }
        let tls = || TlsParameters::new(smtp.host.clone());
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .port(smtp.port)
            .timeout(Some(Duration::from_secs(20)));
        builder = match smtp.tls {
            SmtpTls::None => builder.tls(Tls::None),
            SmtpTls::Starttls => builder.tls(Tls::Required(tls()?)),
            SmtpTls::Tls => builder.tls(Tls::Wrapper(tls()?)),
        };
        if !smtp.user.is_empty() {
            builder =
                builder.credentials(Credentials::new(smtp.user.clone(), smtp.password.clone()));
        }
        Ok(MailTransport::Smtp(builder.build()))
    }

    /// Sends one message with `message_id` (the delivery's idempotency key) as its Message-ID.
    pub async fn send(
        &self,
        from: &str,
        message_id: &str,
        mail: &MailPayload,
    ) -> Result<(), MailError> {
        let message = build(
            from,
            message_id,
            mail,
            matches!(self, MailTransport::Folder(_)),
        )?;
        match self {
            MailTransport::Smtp(t) => {
                t.send(message).await?;
            }
            MailTransport::Folder(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let name = format!(
                    "{}-{message_id}.eml",
                    chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ")
                );
                // Write then rename, so a reader never sees half a message.
                let tmp = dir.join(format!(".{name}.tmp"));
                tokio::fs::write(&tmp, message.formatted()).await?;
                tokio::fs::rename(&tmp, dir.join(name)).await?;
            }
        }
        Ok(())
    }
}

/// A multipart (plain text and HTML) message; `readable` keeps the parts as raw UTF-8 (8bit)
/// so the development outbox can be read as it is.
pub fn build(
    from: &str,
    message_id: &str,
    mail: &MailPayload,
    readable: bool,
) -> Result<Message, MailError> {
    let bad = |e: &dyn std::fmt::Display| MailError::Message(e.to_string());
    let from: Mailbox = from.parse().map_err(|e| bad(&e))?;
    let to: Mailbox = mail.to.parse().map_err(|e| bad(&e))?;
    let domain = from.email.domain().to_string();
    Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(format!("<{message_id}@{domain}>")))
        .header(header::MIME_VERSION_1_0)
        .multipart(if readable {
            // 8bit allows lines up to 998 bytes with CRLF ends; a longer line is encoded.
            let part = |kind: ContentType, body: &str| {
                let crlf = body.replace("\r\n", "\n").replace('\n', "\r\n");
                let body = if crlf.split("\r\n").all(|l| l.len() <= 990) {
                    Body::dangerous_pre_encoded(
                        crlf.into_bytes(),
                        ContentTransferEncoding::EightBit,
                    )
                } else {
                    Body::new(crlf)
                };
                SinglePart::builder().header(kind).body(body)
            };
            MultiPart::alternative()
                .singlepart(part(ContentType::TEXT_PLAIN, &mail.text))
                .singlepart(part(ContentType::TEXT_HTML, &mail.html))
        } else {
            MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone())
        })
        .map_err(|e| bad(&e))
}
