//! Putting a task's picture on a canvas, tinted by the lane that made it.

use threadline_core::image::Image;
use wasm_bindgen::JsCast;

/// Lane tints: the Okabe–Ito hues, so lanes stay distinguishable.
const TINTS: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000",
];

/// The tint of `lane`.
pub fn tint(lane: u16) -> &'static str {
    TINTS[usize::from(lane) % TINTS.len()]
}

/// The canvas's 2D context.
pub fn context_of(
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Draws `image` at (x, y), tinted with `lane`'s colour if given.
pub fn put(
    canvas: &web_sys::HtmlCanvasElement,
    image: &Image,
    x: u32,
    y: u32,
    tinted: Option<u16>,
) {
    let Some(context) = context_of(canvas) else {
        return;
    };
    // ImageData refuses views of shared memory (the threaded build's), so
    // the pixels are copied out first.
    let pixels = js_sys::Uint8ClampedArray::new_with_length(image.rgba.len() as u32);
    pixels.copy_from(&image.rgba);
    if let Ok(data) =
        web_sys::ImageData::new_with_js_u8_clamped_array_and_sh(&pixels, image.width, image.height)
    {
        let _ = context.put_image_data(&data, f64::from(x), f64::from(y));
    }
    if let Some(lane) = tinted {
        context.set_global_alpha(0.38);
        context.set_fill_style_str(tint(lane));
        context.fill_rect(
            f64::from(x),
            f64::from(y),
            f64::from(image.width),
            f64::from(image.height),
        );
        context.set_global_alpha(1.0);
    }
}
