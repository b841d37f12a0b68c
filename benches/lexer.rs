//! Dockerfile lexer and parser (`plimsoll::dockerfile::parse`, `RUN` bodies through
//! tree-sitter-bash included) on Dockerfiles from small to large, and over the whole corpus
//! of Dockerfiles when `../shared/corpus` is there: `cargo bench --bench lexer`.

mod support;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn parse_files(c: &mut Criterion) {
    let mut group = c.benchmark_group("dockerfile-parse");
    for input in support::dockerfiles() {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_function(&input.name, |b| {
            b.iter(|| plimsoll::dockerfile::parse(black_box(&input.text)))
        });
    }
    group.finish();
}

fn parse_corpus(c: &mut Criterion) {
    let texts = support::dockerfile_corpus();
    if texts.is_empty() {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("dockerfile-parse-corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("{}-files", texts.len()), |b| {
        b.iter(|| {
            for text in &texts {
                black_box(plimsoll::dockerfile::parse(black_box(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse_files, parse_corpus);
criterion_main!(benches);
