//! `plimsoll-lsp`: the plimsoll language server on standard input and output. Protocol only:
//! every finding comes from the core's `lint_source`, the same as `plimsoll check`.

mod actions;
mod convert;
mod documents;
mod lint;
mod server;
mod transport;

use tower_lsp_server::{LspService, Server};

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("plimsoll-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    let (service, socket) = LspService::new(server::Backend::new);
    Server::new(
        transport::filtered(tokio::io::stdin()),
        tokio::io::stdout(),
        socket,
    )
    .serve(service)
    .await;
    // The stdin reader blocks in a thread the runtime would wait for: exit as the protocol
    // asks, now.
    std::process::exit(0);
}
