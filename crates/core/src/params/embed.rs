//! The iframe snippet the page offers: the current view and settings, in
//! the compact layout.

use super::Params;
use crate::lab::View;

impl Params {
    /// An `<iframe>` that embeds this page (at `page_url`, without a query)
    /// with these settings in the compact layout. The URL is escaped for an
    /// HTML attribute.
    pub fn embed_snippet(&self, page_url: &str) -> String {
        let embedded = Params {
            embed: true,
            autorun: false,
            ..self.clone()
        };
        let src = format!("{page_url}?{}", embedded.to_query()).replace('&', "&amp;");
        let (title, height) = match self.view {
            View::Compare => ("Threadline: Python's concurrency models, run for real", 900),
            View::Lab => ("Threadline lab: a Python program and its threads", 760),
        };
        format!(
            "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
             loading=\"lazy\" style=\"border: 0\"></iframe>",
            src.replace('"', "&quot;")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_embeds_the_current_settings_compactly_and_escapes_its_url() {
        let (params, _) = Params::from_pairs([
            ("scenario", "io-bound"),
            ("autorun", "1"),
            ("theme", "dark"),
        ]);
        let snippet = params.embed_snippet("https://example.org/threadline/");
        assert!(
            snippet.starts_with(
                "<iframe src=\"https://example.org/threadline/?scenario=io-bound&amp;embed=1&amp;theme=dark\""
            ),
            "{snippet}"
        );
        assert!(
            !snippet.contains("autorun"),
            "an embed waits for its reader"
        );
        assert!(snippet.contains("height=\"900\""));
        let (lab, _) = Params::from_pairs([("lesson", "main-thread")]);
        let snippet = lab.embed_snippet("https://example.org/t/");
        assert!(snippet.contains("?view=lab&amp;lesson=main-thread&amp;embed=1\""));
        assert!(snippet.contains("height=\"760\""));
    }
}
