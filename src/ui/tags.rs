//! Tags as papers for the print queue: the same label on the tag printer set under 기기 설정
//! (ZPL for a label printer, or ESC/POS on the receipt printer when none is set), `copies`
//! times in one job.

use crate::config::{Config, LabelLanguage, Paths};
use crate::hardware::queue::Paper;
use crate::hardware::render;
use crate::hardware::tags::{TagLabel, tag_document, tag_zpl};
use crate::{explain, t};

pub fn tag_paper(config: &Config, paths: &Paths, label: &TagLabel, copies: u32) -> Result<Paper, String> {
    let spec = if config.labels.spec.is_empty() { config.printer.spec(paths) } else { config.labels.spec.parse() }
        .map_err(|e| explain::spec_error(&e))?;
    let (one, spec) = match config.labels.language {
        // A label printer speaks ZPL: status requests mean nothing to it.
        LabelLanguage::Zpl => (tag_zpl(label, &config.labels.zpl()).into_bytes(), spec.without_status()),
        LabelLanguage::Escpos => {
            let rendered = render(&tag_document(label), &config.printer.profile()).map_err(|e| {
                tracing::error!("{e}");
                t!("cli-render-failed")
            })?;
            (rendered.bytes, spec)
        }
    };
    let title = if copies > 1 {
        t!("job-tags", code = label.code.clone(), count = copies)
    } else {
        t!("job-tag", code = label.code.clone())
    };
    Ok(Paper {
        title,
        bytes: one.repeat(copies.max(1) as usize),
        opens_drawer: false,
        printer: Some(spec),
        receipt_of: None,
    })
}
