//! `mandelbrot`: task i renders tile i of one picture of the Mandelbrot set.
//!
//! Tiles differ a lot in cost (the set's interior runs every iteration, the
//! outside escapes at once), so this workload shows how a pool balances
//! uneven tasks.

use crate::image::Image;
use serde::{Deserialize, Serialize};

/// Tile width and height in pixels.
pub const TILE_SIDE: u32 = 32;

/// Escape-time limit per sample.
const MAX_ITER: u32 = 200;

/// Samples per pixel for each unit of `work` (anti-aliasing passes).
pub const SAMPLES_PER_UNIT: u32 = 65;

/// The region of the complex plane the whole picture shows.
const VIEW: (f64, f64, f64, f64) = (-2.2, -1.25, 0.8, 1.25);

/// How `tasks` tiles are arranged into a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TileGrid {
    /// Tiles per row.
    pub cols: u32,
    /// Rows of tiles.
    pub rows: u32,
}

impl TileGrid {
    /// The most nearly 6:5 grid that holds `tasks` tiles.
    pub fn for_tasks(tasks: u32) -> Self {
        let tasks = tasks.max(1);
        let cols = ((f64::from(tasks) * 1.2).sqrt().ceil() as u32).clamp(1, tasks);
        let rows = tasks.div_ceil(cols);
        Self { cols, rows }
    }

    /// The picture's size in pixels.
    pub fn size(&self) -> (u32, u32) {
        (self.cols * TILE_SIDE, self.rows * TILE_SIDE)
    }

    /// Top-left pixel of tile `index`.
    pub fn origin(&self, index: u32) -> (u32, u32) {
        (
            (index % self.cols) * TILE_SIDE,
            (index / self.cols) * TILE_SIDE,
        )
    }
}

/// Escape iterations of c = (re, im), or `MAX_ITER` inside the set.
fn escape_time(re: f64, im: f64) -> u32 {
    let (mut x, mut y) = (0.0f64, 0.0f64);
    for i in 0..MAX_ITER {
        let (xx, yy) = (x * x, y * y);
        if xx + yy > 4.0 {
            return i;
        }
        y = 2.0 * x * y + im;
        x = xx - yy + re;
    }
    MAX_ITER
}

/// A deep-blue-to-gold palette over the average escape time.
fn colour(mean_iterations: f64) -> [u8; 3] {
    if mean_iterations >= f64::from(MAX_ITER) - 0.5 {
        return [12, 10, 28];
    }
    let t = (mean_iterations / f64::from(MAX_ITER)).sqrt();
    let r = 255.0 * (9.0 * (1.0 - t) * t * t * t).min(1.0);
    let g = 255.0 * (15.0 * (1.0 - t) * (1.0 - t) * t * t).min(1.0);
    let b = 255.0 * (8.5 * (1.0 - t) * (1.0 - t) * (1.0 - t) * t + 0.15).min(1.0);
    [r as u8, g as u8, b as u8]
}

/// One tile being rendered, a row per slice.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TileRender {
    grid: TileGrid,
    origin: (u32, u32),
    samples: u32,
    row: u32,
    /// The tile's pixels so far.
    pub tile: Image,
}

impl TileRender {
    /// Starts tile `index` of a `tasks`-tile picture.
    pub fn new(index: u32, tasks: u32, work: u32) -> Self {
        let grid = TileGrid::for_tasks(tasks);
        Self {
            grid,
            origin: grid.origin(index),
            samples: work.max(1) * SAMPLES_PER_UNIT,
            row: 0,
            tile: Image::new(TILE_SIDE, TILE_SIDE),
        }
    }

    /// Top-left pixel of this tile in the picture.
    pub fn origin(&self) -> (u32, u32) {
        self.origin
    }

    /// Renders one row of the tile; returns `true` once all rows are done.
    pub fn advance(&mut self) -> bool {
        let (width, height) = self.grid.size();
        let (x0, y0, x1, y1) = VIEW;
        let (scale_x, scale_y) = ((x1 - x0) / f64::from(width), (y1 - y0) / f64::from(height));
        let py = self.origin.1 + self.row;
        for col in 0..TILE_SIDE {
            let px = self.origin.0 + col;
            let total: u64 = (0..self.samples)
                .map(|s| {
                    // Deterministic sub-pixel jitter (golden-ratio sequence).
                    let jx = (f64::from(s) * 0.618_034).fract();
                    let jy = (f64::from(s) * 0.754_878).fract();
                    let re = x0 + (f64::from(px) + jx) * scale_x;
                    let im = y0 + (f64::from(py) + jy) * scale_y;
                    u64::from(escape_time(re, im))
                })
                .sum();
            let rgb = colour(total as f64 / f64::from(self.samples));
            let at = ((self.row * TILE_SIDE + col) * 4) as usize;
            self.tile.rgba[at..at + 3].copy_from_slice(&rgb);
        }
        self.row += 1;
        self.row >= TILE_SIDE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_hold_every_task() {
        for tasks in 1..=256 {
            let grid = TileGrid::for_tasks(tasks);
            assert!(grid.cols * grid.rows >= tasks, "{tasks}: {grid:?}");
            assert!(
                grid.cols * (grid.rows - 1) < tasks,
                "{tasks}: a whole empty row"
            );
        }
    }

    #[test]
    fn the_origin_is_inside_the_set_and_far_points_escape() {
        assert_eq!(escape_time(0.0, 0.0), MAX_ITER);
        assert!(escape_time(2.0, 2.0) < 2);
    }

    #[test]
    fn a_tile_renders_deterministically() {
        let render = |index| {
            let mut tile = TileRender::new(index, 8, 1);
            while !tile.advance() {}
            tile.tile
        };
        assert_eq!(render(4), render(4));
        assert_ne!(render(4), render(0));
    }
}
