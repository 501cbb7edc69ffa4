//! Where accepted tokens come from: `--token` (seen by anyone who can run `ps`, so meant for
//! tests), `--token-file`, and the `SNAPSHOT_SIM_TOKENS` variable.

use std::path::Path;

use crate::{Config, StartError};

/// The environment variable read for tokens: comma- or whitespace-separated.
pub const TOKENS_VAR: &str = "SNAPSHOT_SIM_TOKENS";

/// Every token configured, from all three sources. A file or variable that is given but
/// holds no token is an error: starting with a demo token instead would surprise.
pub fn configured(config: &Config, env: Option<&str>) -> Result<Vec<String>, StartError> {
    let mut tokens = config.tokens.clone();
    if let Some(path) = &config.token_file {
        let found = from_file(path)?;
        tokens.extend(found);
    }
    if let Some(value) = env {
        let found = split_list(value);
        if found.is_empty() {
            return Err(StartError::Config(format!(
                "{TOKENS_VAR} is set but holds no token"
            )));
        }
        tokens.extend(found);
    }
    Ok(tokens)
}

/// One token a line; blank lines and `#` comments are skipped.
fn from_file(path: &Path) -> Result<Vec<String>, StartError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        StartError::Config(format!("cannot read --token-file {}: {e}", path.display()))
    })?;
    let tokens = file_lines(&text);
    if tokens.is_empty() {
        return Err(StartError::Config(format!(
            "--token-file {} holds no token (one a line; # starts a comment)",
            path.display()
        )));
    }
    Ok(tokens)
}

fn file_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_lines_skip_blanks_and_comments() {
        let text = "# tokens for the lab\n\nalpha\n  beta  \n# gamma\n";
        assert_eq!(file_lines(text), ["alpha", "beta"]);
    }

    #[test]
    fn the_variable_splits_on_commas_and_whitespace() {
        assert_eq!(split_list("a,b c\n d,,"), ["a", "b", "c", "d"]);
        assert!(split_list(" , ").is_empty());
    }
}
