//! Dockerfile rules, one file per rule (file name = rule id in snake_case).

pub mod base_image_latest;
