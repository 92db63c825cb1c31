//! Arguments whose types are not `Clone`, owned or borrowed, mock with no
//! edit to the trait (issue #16, item 12): the journal keeps their text.
#![allow(missing_docs)]

use autospec::prelude::*;

mod support;
use support::panic_message;

/// Debug, not Clone.
#[derive(Debug, PartialEq)]
pub struct Context {
    pub retries: u32,
}

/// Neither Debug nor Clone.
pub struct Engine {
    pub power: u32,
}

#[autospec]
pub trait Runner {
    fn update(&mut self, ctx: &mut Context);
    fn run(&self, engine: Engine, label: &str) -> Engine;
    fn peek(&self, ctx: &Context, n: u32) -> u32;
}

#[test]
fn arguments_without_clone_are_journaled_as_text() {
    let mut runner = MockRunner::default();
    let mut ctx = Context { retries: 1 };
    runner.update(&mut ctx);
    runner.run.returns_with(|engine, _| Engine {
        power: engine.power * 2,
    });
    assert_eq!(runner.run(Engine { power: 3 }, "fast").power, 6);
    assert_eq!(runner.peek(&ctx, 7), 0);
    assert_eq!(
        format!("{:?}", runner.mock_calls()),
        "[update(Context { retries: 1 }), run(Engine, \"fast\"), peek(Context { retries: 1 }, 7) -> 0]"
    );
}

#[test]
fn assertions_compare_the_expected_arguments_text() {
    let runner = MockRunner::default();
    let ctx = Context { retries: 2 };
    runner.peek(&ctx, 7);
    runner
        .peek
        .assert_called_once_with((Context { retries: 2 }, 7));
    runner.peek.assert_called_with(args!(_, 7));
    assert_eq!(
        runner.peek.calls_matching(args!(Context { retries: 2 }, _)),
        1
    );
    assert_eq!(runner.peek.calls_matching(args!(_, 8)), 0);
    assert_eq!(
        panic_message(|| runner.peek.assert_called_with((Context { retries: 3 }, 7))),
        "MockRunner.peek: expected call not found.\n\
         Expected: peek(Context { retries: 3 }, 7)\n  \
         Actual: peek(Context { retries: 2 }, 7)\n\
         \x20         arg 0 (ctx): expected Context { retries: 3 }, got Context { retries: 2 }\n\
         Calls (1): [peek(Context { retries: 2 }, 7)]"
    );
}

#[test]
fn when_rules_match_arguments_journaled_as_text() {
    let runner = MockRunner::default();
    runner.peek.when(args!(_, 1)).returns(10);
    runner.peek.when((Context { retries: 5 }, 2)).returns(20);
    let ctx = Context { retries: 5 };
    assert_eq!(
        (
            runner.peek(&ctx, 1),
            runner.peek(&ctx, 2),
            runner.peek(&ctx, 3)
        ),
        (10, 20, 0)
    );
}

#[test]
fn a_rule_closure_over_the_journaled_arguments_says_why_it_cannot_run() {
    let runner = MockRunner::default();
    runner.peek.when(args!(_, 1)).returns_with(|(_, n)| *n);
    let ctx = Context { retries: 0 };
    let message = panic_message(|| {
        runner.peek(&ctx, 1);
    });
    assert!(
        message.starts_with(
            "this method journals its arguments as text, since one of their types is not `Clone`"
        ),
        "{message}"
    );
    // The call was journaled before the answer ran.
    assert_eq!(runner.peek.call_count(), 1);
}

#[autospec]
pub trait Mixed {
    fn send(&self, #[cfg_attr(test, autospec(skip))] engine: Engine, id: u32) -> bool;
}

#[test]
fn skip_works_behind_cfg_attr_and_keeps_the_other_values() {
    let mixed = MockMixed::default();
    mixed.send.returns(true);
    assert!(mixed.send(Engine { power: 1 }, 4));
    // `skip` journals that one argument as text, so the rest stay values.
    assert_eq!(
        mixed.send.call_args_list(),
        [(autospec::Opaque::new("Engine"), 4)]
    );
}
