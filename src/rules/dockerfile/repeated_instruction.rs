//! Shared check for `multiple-cmd`, `multiple-entrypoint` and `multiple-healthcheck`: an
//! instruction that only its last occurrence in a stage makes take effect.

use crate::rules::prelude::*;

/// Reports every `keyword` instruction of a stage that a later one in the same stage overrides,
/// naming the line of the one that replaces it. Instructions behind `ONBUILD` belong to the
/// images built from this one, so they neither override nor are overridden here.
pub fn check_repeated(df: &Dockerfile, cx: &mut Context, keyword: Keyword) {
    for stage in &df.stages {
        let mut earlier: Option<&Instruction> = None;
        for inst in df.stage_keyword(stage, keyword) {
            if let Some(overridden) = earlier {
                let line = cx.line_of(inst.keyword_range.start as usize);
                let name = keyword.as_str();
                cx.report(
                    overridden.keyword_range,
                    format!("`{name}` has no effect: the `{name}` on line {line} overrides it"),
                )
                .help(format!(
                    "delete this `{name}`, or merge it into the one on line {line}; only the last `{name}` of a stage counts"
                ));
            }
            earlier = Some(inst);
        }
    }
}
