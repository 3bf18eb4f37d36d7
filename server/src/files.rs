//! Attached files, with display copies of images: in a local folder outside the web root (the
//! default; a shared mount for several instances), or in an S3-compatible bucket.

use app::domain::attachment::FileKind;
use app::ports::{FileBytes, FileError, StoredFile};
use async_trait::async_trait;
use sha2::{Digest, Sha256};
use std::io::Cursor;
use std::path::PathBuf;

/// Longest side of an image's display copy, in pixels.
const DISPLAY_EDGE: u32 = 1600;
/// Largest image accepted for decoding: guards against decompression bombs.
const MAX_PIXELS_EDGE: u32 = 16_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// Files spread over 256 folders (or key prefixes) by the first byte of their random key.
#[derive(Clone, Debug)]
pub struct FileStore {
    root: PathBuf,
    /// The bucket, when files live in object storage instead of `root`.
    bucket: Option<std::sync::Arc<object_store::aws::AmazonS3>>,
}

impl FileStore {
    /// Files kept under `root`, created on first use.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            bucket: None,
        }
    }

    /// Files kept in the S3-compatible `bucket`; endpoint, region and credentials come from the
    /// standard `AWS_*` variables (`AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_ALLOW_HTTP`).
    pub fn s3(bucket: &str) -> Result<Self, FileError> {
        let store = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|e| FileError::Io(format!("S3 bucket {bucket}: {e}")))?;
        Ok(Self {
            root: PathBuf::new(),
            bucket: Some(std::sync::Arc::new(store)),
        })
    }

    /// Keys are ours (hex); anything else never reaches the file system or the bucket.
    fn checked(key: &str) -> Result<&str, FileError> {
        if key.len() < 3 || !key.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') {
            return Err(FileError::Io(format!("bad storage key {key:?}")));
        }
        Ok(key)
    }

    fn path(&self, key: &str) -> Result<PathBuf, FileError> {
        let key = Self::checked(key)?;
        Ok(self.root.join(&key[..2]).join(key))
    }

    fn object(key: &str) -> Result<object_store::path::Path, FileError> {
        let key = Self::checked(key)?;
        Ok(object_store::path::Path::from(format!(
            "{}/{key}",
            &key[..2]
        )))
    }

    async fn write(&self, key: &str, bytes: &[u8]) -> Result<(), FileError> {
        if let Some(bucket) = &self.bucket {
            use object_store::ObjectStore;
            // A PUT is atomic: the object appears whole or not at all.
            bucket
                .put(&Self::object(key)?, bytes.to_vec().into())
                .await
                .map_err(|e| FileError::Io(format!("S3 put {key}: {e}")))?;
            return Ok(());
        }
        let path = self.path(key)?;
        let io = |e: std::io::Error| FileError::Io(format!("{}: {e}", path.display()));
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await.map_err(io)?;
        }
        // Written aside and renamed, so a crash never leaves half a file under the key.
        let partial = path.with_extension("partial");
        let mut file = tokio::fs::File::create(&partial).await.map_err(io)?;
        tokio::io::AsyncWriteExt::write_all(&mut file, bytes)
            .await
            .map_err(io)?;
        file.sync_all().await.map_err(io)?;
        tokio::fs::rename(&partial, &path).await.map_err(io)
    }
}

fn random_key() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Decodes an image (orientation applied) and encodes a JPEG no larger than the display
/// edge. Re-encoding also drops camera metadata such as the GPS position.
pub fn display_copy(bytes: &[u8]) -> Result<Vec<u8>, FileError> {
    use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
    let unreadable = |e: image::ImageError| FileError::Unreadable(e.to_string());
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| FileError::Unreadable(e.to_string()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PIXELS_EDGE);
    limits.max_image_height = Some(MAX_PIXELS_EDGE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    img.apply_orientation(orientation);
    if img.width().max(img.height()) > DISPLAY_EDGE {
        img = img.resize(
            DISPLAY_EDGE,
            DISPLAY_EDGE,
            image::imageops::FilterType::Triangle,
        );
    }
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
    rgb.write_with_encoder(encoder)
        .map_err(|e| FileError::Io(e.to_string()))?;
    Ok(out)
}

#[async_trait]
impl FileBytes for FileStore {
    async fn put(&self, bytes: Vec<u8>, kind: FileKind) -> Result<StoredFile, FileError> {
        let (bytes, display) = if kind.is_image() {
            tokio::task::spawn_blocking(move || {
                let display = display_copy(&bytes);
                (bytes, display)
            })
            .await
            .map_err(|e| FileError::Io(e.to_string()))?
        } else {
            (bytes, Ok(Vec::new()))
        };
        let display = display?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let key = random_key();
        self.write(&key, &bytes).await?;
        let display_key = if kind.is_image() {
            let k = format!("{key}-d");
            self.write(&k, &display).await?;
            Some(k)
        } else {
            None
        };
        Ok(StoredFile {
            key,
            display_key,
            sha256,
        })
    }

    async fn read(&self, key: &str) -> Result<Vec<u8>, FileError> {
        if let Some(bucket) = &self.bucket {
            use object_store::ObjectStore;
            let io = |e: object_store::Error| FileError::Io(format!("S3 get {key}: {e}"));
            let got = bucket.get(&Self::object(key)?).await.map_err(io)?;
            return Ok(got.bytes().await.map_err(io)?.to_vec());
        }
        let path = self.path(key)?;
        tokio::fs::read(&path)
            .await
            .map_err(|e| FileError::Io(format!("{}: {e}", path.display())))
    }

    async fn remove(&self, key: &str) -> Result<(), FileError> {
        if let Some(bucket) = &self.bucket {
            use object_store::ObjectStore;
            return match bucket.delete(&Self::object(key)?).await {
                Err(e) if !matches!(e, object_store::Error::NotFound { .. }) => {
                    Err(FileError::Io(format!("S3 delete {key}: {e}")))
                }
                _ => Ok(()),
            };
        }
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(FileError::Io(e.to_string())),
            _ => Ok(()),
        }
    }
}
