//! Integration tests of the assistant against a real OpenAI-compatible
//! server (llama.cpp with SmolLM2-135M-Instruct, see `server`): the model
//! list, schema-constrained proposals that stream, parse and validate,
//! cancellation, and every failure a learner can meet. The model writes poor
//! content; the tests check the pipeline, not the prose.

mod failures;
mod fuzz;
mod proposals;
mod server;
mod streaming;
