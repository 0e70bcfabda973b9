//! A plain RGBA image, the currency of the image workloads.

use serde::{Deserialize, Serialize};

/// An 8-bit RGBA image, rows top to bottom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

impl Image {
    /// A black, opaque image.
    pub fn new(width: u32, height: u32) -> Self {
        let mut rgba = vec![0; (width * height * 4) as usize];
        rgba.chunks_exact_mut(4).for_each(|px| px[3] = 255);
        Self {
            width,
            height,
            rgba,
        }
    }

    /// Wraps raw RGBA bytes, checking that they fit the size.
    pub fn from_rgba(width: u32, height: u32, rgba: Vec<u8>) -> Result<Self, String> {
        let expected = (width * height * 4) as usize;
        if rgba.len() == expected {
            Ok(Self {
                width,
                height,
                rgba,
            })
        } else {
            Err(format!(
                "expected {expected} bytes for a {width}×{height} image, got {}",
                rgba.len()
            ))
        }
    }

    /// The pixel at (x, y), clamped to the edges.
    pub fn pixel_clamped(&self, x: i64, y: i64) -> [u8; 4] {
        let x = x.clamp(0, i64::from(self.width) - 1) as usize;
        let y = y.clamp(0, i64::from(self.height) - 1) as usize;
        let at = (y * self.width as usize + x) * 4;
        [
            self.rgba[at],
            self.rgba[at + 1],
            self.rgba[at + 2],
            self.rgba[at + 3],
        ]
    }

    /// A copy scaled to `width × height` by sampling the nearest pixel.
    pub fn resized(&self, width: u32, height: u32) -> Image {
        let mut out = Image::new(width, height);
        for y in 0..height {
            self.resize_row_into(&mut out, y);
        }
        out
    }

    /// Fills row `y` of `out` with this picture scaled to `out`'s size
    /// (nearest neighbour), so that a large resize can be done a few rows
    /// at a time.
    pub fn resize_row_into(&self, out: &mut Image, y: u32) {
        let (width, height) = (out.width, out.height.max(1));
        let sy = u64::from(y) * u64::from(self.height) / u64::from(height);
        for x in 0..width {
            let sx = u64::from(x) * u64::from(self.width) / u64::from(width.max(1));
            let px = self.pixel_clamped(sx as i64, sy as i64);
            let at = ((y * width + x) * 4) as usize;
            out.rgba[at..at + 4].copy_from_slice(&px);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bytes_that_do_not_fit() {
        assert!(Image::from_rgba(2, 2, vec![0; 16]).is_ok());
        let err = Image::from_rgba(2, 2, vec![0; 15]).unwrap_err();
        assert!(err.contains("expected 16 bytes"), "{err}");
    }

    #[test]
    fn resizing_keeps_corner_colours() {
        let mut image = Image::new(2, 2);
        image.rgba[0..4].copy_from_slice(&[255, 0, 0, 255]);
        image.rgba[12..16].copy_from_slice(&[0, 0, 255, 255]);
        let big = image.resized(8, 8);
        assert_eq!(big.pixel_clamped(0, 0), [255, 0, 0, 255]);
        assert_eq!(big.pixel_clamped(7, 7), [0, 0, 255, 255]);
    }
}
