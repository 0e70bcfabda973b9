//! A program in a URL: the `code` key holds the editor's text compressed
//! with raw DEFLATE (RFC 1951) and written in URL-safe base64 without
//! padding (RFC 4648 §5), so that an edited program is a permalink. In
//! JavaScript: `new Response(new Blob([text]).stream().pipeThrough(new
//! CompressionStream('deflate-raw')))`, then base64url of the bytes.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The longest program a URL may carry, in bytes once decompressed.
pub const MAX_CODE_BYTES: usize = 64 * 1024;

/// The `code` value for `text`.
pub fn encode(text: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    URL_SAFE_NO_PAD.encode(packed)
}

/// The program a `code` value holds, or why it holds none.
pub fn decode(value: &str) -> Result<String, String> {
    let packed = URL_SAFE_NO_PAD
        .decode(value.trim().trim_end_matches('='))
        .map_err(|_| "it is not URL-safe base64".to_string())?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_CODE_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                format!("the program is longer than {} KB", MAX_CODE_BYTES / 1024)
            }
            _ => "it is not raw DEFLATE data".to_string(),
        })?;
    String::from_utf8(bytes).map_err(|_| "the program is not UTF-8 text".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_survives_the_round_trip_and_gets_shorter() {
        let program = "import threading\n\nfor i in range(3):\n    print(f'{i} → ok')\n".repeat(8);
        let code = encode(&program);
        assert!(
            code.len() < program.len() / 2,
            "{} vs {}",
            code.len(),
            program.len()
        );
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(decode(&code).as_deref(), Ok(program.as_str()));
    }

    #[test]
    fn what_the_browser_compresses_decodes_too() {
        // `print('hi')` through CompressionStream('deflate-raw') and base64url.
        assert_eq!(decode("KyjKzCvRUM_IVNcEAA").as_deref(), Ok("print('hi')"));
    }

    #[test]
    fn bad_values_say_what_is_wrong() {
        assert_eq!(
            decode("not base64!"),
            Err("it is not URL-safe base64".into())
        );
        assert_eq!(decode("AAAA"), Err("it is not raw DEFLATE data".into()));
        let huge = encode(&"x".repeat(MAX_CODE_BYTES + 1));
        assert_eq!(
            decode(&huge),
            Err("the program is longer than 64 KB".into())
        );
    }
}
