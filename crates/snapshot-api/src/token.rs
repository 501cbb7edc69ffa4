use std::fmt;

/// An API bearer token. Its `Debug` and `Display` never show the secret; read it with
/// [`BearerToken::secret`] only where it must go on the wire.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(String);

impl BearerToken {
    /// Accepts a non-empty token of visible ASCII characters (what an HTTP header can carry);
    /// surrounding whitespace, as left by copy and paste, is removed first.
    pub fn parse(text: &str) -> Result<Self, crate::InvalidInput> {
        let text = text.trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(crate::InvalidInput::Token);
        }
        Ok(Self(text.to_owned()))
    }

    /// The secret itself.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

impl fmt::Display for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_secret() {
        let token = BearerToken::parse("  s3cr3t-token\n").unwrap();
        assert_eq!(token.secret(), "s3cr3t-token");
        assert!(!format!("{token:?} {token} {token:#?}").contains("s3cr3t"));
    }

    #[test]
    fn refuses_what_cannot_be_a_header() {
        for bad in ["", "   ", "two words", "tab\there", "naïve"] {
            assert!(BearerToken::parse(bad).is_err(), "{bad:?}");
        }
    }
}
