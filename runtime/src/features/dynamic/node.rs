//! The tree behind a dynamic mock: one `Node` per attribute, each with
//! its child mock (a `DynMethod`), made on first access.

// Arguments are taken by value to be journaled, as in `core/method/`.
#![allow(clippy::needless_pass_by_value)]

use super::value::{Args, Value};
use crate::core::call::Call;
use crate::core::journal;
use crate::core::lock::lock;
use crate::core::method::Method;
use crate::core::mock_core::MockCore;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The answer closure of a dynamic mock's calls.
type Answer = dyn Fn(&Args) -> Value + Send + Sync;

/// The child mock behind every dynamic mock: a [`Method`] journaling
/// [`Args`] and answering [`Value`]s, with all of `Method`'s assertions.
pub type DynMethod = Method<Args, Value, Answer>;

/// Numbers the nodes, for identity hashes.
static NEXT_NODE: AtomicU64 = AtomicU64::new(1);

/// One attribute of a dynamic mock (or the mock itself).
pub(super) struct Node {
    pub(super) method: DynMethod,
    pub(super) core: Arc<MockCore>,
    /// The dotted path below the root: `""`, `get`, `cache.get`, `connect()`.
    path: String,
    /// `Some("NonCallableMock")` for a mock that cannot be called.
    not_callable: Option<&'static str>,
    pub(super) id: u64,
    children: Mutex<BTreeMap<String, Arc<Node>>>,
}

impl Node {
    #[inline]
    pub(super) fn root(name: &str, not_callable: Option<&'static str>) -> Arc<Node> {
        let name: &'static str = Box::leak(name.into());
        Node::new(&MockCore::new(name), String::new(), not_callable)
    }

    #[inline]
    fn new(core: &Arc<MockCore>, path: String, not_callable: Option<&'static str>) -> Arc<Node> {
        let head = match path.as_str() {
            "" => "call".to_owned(),
            call if call.starts_with('(') => format!("call{call}"),
            _ => path.clone(),
        };
        Arc::new(Node {
            method: Method::__new(
                core,
                &head,
                "",
                |args: &Args| args.texts().to_vec(),
                || None,
                None,
            ),
            core: Arc::clone(core),
            path,
            not_callable,
            id: NEXT_NODE.fetch_add(1, Ordering::Relaxed),
            children: Mutex::new(BTreeMap::new()),
        })
    }

    /// `db.cache.get`: the root's name and the path.
    #[inline]
    pub(super) fn dotted(&self) -> String {
        dotted(self.core.name(), &self.path)
    }

    /// The child under `key`, made on first access unless the mock is sealed.
    #[track_caller]
    #[inline]
    fn child(&self, key: &str, path: String) -> Arc<Node> {
        let mut children = lock(&self.children);
        if let Some(child) = children.get(key) {
            return Arc::clone(child);
        }
        if self.core.is_sealed() {
            drop(children);
            let dotted = dotted(self.core.name(), &path);
            assert!(key != "()", "{dotted}: the mock is sealed, so it makes no return-value mock; configure an answer, or call return_value(), before seal()");
            panic!("{dotted}: the mock is sealed, so it makes no new attributes; create `{key}` before seal()");
        }
        let child = Node::new(&self.core, path, None);
        children.insert(key.to_owned(), Arc::clone(&child));
        child
    }

    #[track_caller]
    #[inline]
    pub(super) fn attr(&self, name: &str) -> Arc<Node> {
        let path = if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        };
        self.child(name, path)
    }

    #[track_caller]
    #[inline]
    pub(super) fn return_value(&self) -> Arc<Node> {
        self.child("()", format!("{}()", self.path))
    }

    /// Journals a call; answers from the configuration, else `fallback`.
    #[track_caller]
    #[inline]
    pub(super) fn call_or(self: &Arc<Self>, args: Args, fallback: impl FnOnce() -> Value) -> Value {
        if let Some(kind) = self.not_callable {
            panic!("{kind} '{}' is not callable", self.dotted());
        }
        let given = args.clone();
        self.method
            .__call_or(args, |answer| answer(&given), fallback)
    }

    /// This node and every node below it.
    #[inline]
    fn subtree(self: &Arc<Self>) -> Vec<Arc<Node>> {
        let mut nodes = vec![Arc::clone(self)];
        let mut next = 0;
        while next < nodes.len() {
            let children: Vec<Arc<Node>> = lock(&nodes[next].children).values().cloned().collect();
            nodes.extend(children);
            next += 1;
        }
        nodes
    }

    /// Every call of this node and below, named relative to it.
    #[inline]
    pub(super) fn mock_calls(self: &Arc<Self>) -> Vec<Call> {
        let mut calls: Vec<(u64, Call)> = Vec::new();
        for node in self.subtree() {
            let relative = node.path.strip_prefix(&self.path).unwrap_or(&node.path);
            let name = match relative {
                "" => "call".to_owned(),
                call if call.starts_with('(') => format!("call{call}"),
                path => path.strip_prefix('.').unwrap_or(path).to_owned(),
            };
            for (seq, call) in journal::sequenced(&node.method) {
                calls.push((seq, Call::new(name.clone(), call.args().to_vec())));
            }
        }
        calls.sort_by_key(|(seq, _)| *seq);
        calls.into_iter().map(|(_, call)| call).collect()
    }

    #[inline]
    pub(super) fn reset_mock(self: &Arc<Self>) {
        for node in self.subtree() {
            node.method.reset();
        }
    }
}

/// `db.cache.get` for the path `cache.get` below the root `db`.
#[inline]
fn dotted(root: &str, path: &str) -> String {
    match path {
        "" => root.to_owned(),
        call if call.starts_with('(') => format!("{root}{call}"),
        path => format!("{root}.{path}"),
    }
}
