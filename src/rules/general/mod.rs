//! Rules that apply to every kind of file; the engine reports their findings itself.

pub mod internal_error;
pub mod invalid_suppression;
pub mod parse_error;
