//! Human-readable ticket numbers such as `IT-2026-000123` (PRODUCT.md step 8).

/// Prefix of every ticket number.
pub const PREFIX: &str = "IT";

/// Formats the `seq`-th ticket of `year`; sequences past 999,999 simply grow wider.
pub fn format(year: i32, seq: i64) -> String {
    format!("{PREFIX}-{year:04}-{seq:06}")
}

/// Parses a ticket number (case-insensitive, surrounding spaces ignored) into year and sequence.
pub fn parse(number: &str) -> Option<(i32, i64)> {
    let upper = number.trim().to_ascii_uppercase();
    let mut parts = upper.splitn(3, '-');
    if parts.next()? != PREFIX {
        return None;
    }
    let year = parts.next()?;
    let seq = parts.next()?;
    let digits = |s: &str, min: usize| s.len() >= min && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || year.len() != 4 || !digits(seq, 6) || seq.len() > 12 {
        return None;
    }
    let seq: i64 = seq.parse().ok()?;
    (seq > 0).then_some((year.parse().ok()?, seq))
}

/// The canonical form of a number typed by someone, if it is one.
pub fn normalise(number: &str) -> Option<String> {
    parse(number).map(|(y, s)| format(y, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_six_digits_and_grows_past_them() {
        assert_eq!(format(2026, 1), "IT-2026-000001");
        assert_eq!(format(2026, 123), "IT-2026-000123");
        assert_eq!(format(2026, 1_234_567), "IT-2026-1234567");
    }

    #[test]
    fn parses_what_it_formats_and_rejects_the_rest() {
        assert_eq!(parse("IT-2026-000123"), Some((2026, 123)));
        assert_eq!(parse(" it-2026-000123 "), Some((2026, 123)));
        assert_eq!(
            normalise("it-2026-1234567").as_deref(),
            Some("IT-2026-1234567")
        );
        for bad in [
            "",
            "IT-26-000001",
            "IT-2026-12",
            "XX-2026-000001",
            "IT-2026-000000",
            "IT-2026-00001a",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
