//! `image-filter`: blur then sepia-tone a picture, as a photo batch job would.
//!
//! The picture is the task's resource image scaled up; its area grows with
//! `work`, so a task's cost is proportional to `work` while the result still
//! looks like the same picture.

use crate::image::Image;
use serde::{Deserialize, Serialize};

/// Pixels processed per unit of `work` (about 10 ms on a laptop core).
pub const PIXELS_PER_UNIT: u32 = 51_000;

/// Side of the thumbnail each task returns.
pub const THUMB_SIDE: u32 = 48;

/// Rows processed per slice.
const ROWS_PER_SLICE: u32 = 4;

/// Radius of the box blur.
const RADIUS: i64 = 2;

/// The side of the square picture a task of this `work` filters.
pub fn side_for(work: u32) -> u32 {
    ((f64::from(work.max(1)) * f64::from(PIXELS_PER_UNIT))
        .sqrt()
        .round() as u32)
        .max(THUMB_SIDE)
}

/// The passes over the picture, in order.
#[derive(Clone, Debug, Serialize, Deserialize)]
enum Stage {
    /// Scaling the small picture up to the working size.
    Scale,
    Blur,
    Sepia,
}

/// A picture being filtered, a few rows per slice: scaling it up, blurring
/// and toning are all sliced, so that no work happens outside a recorded
/// interval and a GIL holder reaches its checks often.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FilterJob {
    picture: Image,
    side: u32,
    source: Image,
    output: Image,
    stage: Stage,
    row: u32,
}

impl FilterJob {
    /// A job that will scale `picture` up to the size `work` asks for and
    /// filter it. Allocates nothing large: the first slice does.
    pub fn new(picture: Image, work: u32) -> Self {
        Self {
            picture,
            side: side_for(work),
            source: Image::new(0, 0),
            output: Image::new(0, 0),
            stage: Stage::Scale,
            row: 0,
        }
    }

    /// Filters a few rows; returns `true` once the picture is done.
    pub fn advance(&mut self) -> bool {
        if self.output.width == 0 {
            self.source = Image::new(self.side, self.side);
            self.output = Image::new(self.side, self.side);
        }
        let stop = (self.row + ROWS_PER_SLICE).min(self.output.height);
        for y in self.row..stop {
            match self.stage {
                Stage::Scale => self.picture.resize_row_into(&mut self.source, y),
                Stage::Blur => self.blur_row(y),
                Stage::Sepia => self.sepia_row(y),
            }
        }
        self.row = stop;
        if self.row < self.output.height {
            return false;
        }
        self.row = 0;
        match self.stage {
            Stage::Scale => {
                self.stage = Stage::Blur;
                false
            }
            Stage::Blur => {
                // The blurred rows become the sepia pass's input.
                std::mem::swap(&mut self.source, &mut self.output);
                self.stage = Stage::Sepia;
                false
            }
            Stage::Sepia => true,
        }
    }

    fn blur_row(&mut self, y: u32) {
        let taps = ((2 * RADIUS + 1) * (2 * RADIUS + 1)) as u32;
        for x in 0..self.output.width {
            let mut sum = [0u32; 3];
            for dy in -RADIUS..=RADIUS {
                for dx in -RADIUS..=RADIUS {
                    let px = self
                        .source
                        .pixel_clamped(i64::from(x) + dx, i64::from(y) + dy);
                    (0..3).for_each(|c| sum[c] += u32::from(px[c]));
                }
            }
            let at = ((y * self.output.width + x) * 4) as usize;
            (0..3).for_each(|c| self.output.rgba[at + c] = (sum[c] / taps) as u8);
        }
    }

    fn sepia_row(&mut self, y: u32) {
        let width = self.output.width as usize;
        let start = y as usize * width * 4;
        for at in (start..start + width * 4).step_by(4) {
            let [r, g, b] = [0, 1, 2].map(|c| u32::from(self.source.rgba[at + c]));
            let tone =
                |wr: u32, wg: u32, wb: u32| ((wr * r + wg * g + wb * b) / 1000).min(255) as u8;
            self.output.rgba[at] = tone(393, 769, 189);
            self.output.rgba[at + 1] = tone(349, 686, 168);
            self.output.rgba[at + 2] = tone(272, 534, 131);
            self.output.rgba[at + 3] = 255;
        }
    }

    /// The filtered picture (complete once `advance` returned `true`).
    pub fn output(&self) -> &Image {
        &self.output
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::resource_bytes;
    use crate::resource::resource_image;

    fn filtered(work: u32) -> Image {
        let picture = resource_image(resource_bytes(2)).expect("a resource is a valid image");
        let mut job = FilterJob::new(picture, work);
        while !job.advance() {}
        job.output().clone()
    }

    #[test]
    fn the_picture_grows_with_work() {
        assert_eq!(filtered(1).width, side_for(1));
        assert!(side_for(16) >= 4 * side_for(1) - 1);
    }

    #[test]
    fn sepia_leaves_red_at_least_as_strong_as_blue() {
        let out = filtered(1);
        for px in out.rgba.chunks_exact(4) {
            assert!(px[0] >= px[2], "{px:?}");
            assert_eq!(px[3], 255);
        }
    }
}
