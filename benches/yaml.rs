//! The YAML loader on multi-document manifests: `yaml::load_stream` (documents and nodes with
//! their ranges) and `Stream::parse` (that, plus comments and Helm `# Source:` lines):
//! `cargo bench --bench yaml`.

mod support;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use plimsoll::kubernetes::{yaml, Stream};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("yaml");
    for input in support::manifests() {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_function(format!("load_stream/{}", input.name), |b| {
            b.iter(|| yaml::load_stream(black_box(&input.text)))
        });
        group.bench_function(format!("Stream::parse/{}", input.name), |b| {
            b.iter(|| Stream::parse(black_box(&input.text)))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
