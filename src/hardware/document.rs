//! A printed paper as a list of blocks (title, text, left/right rows, rules, barcode, cut),
//! independent of the printer. Receipts and later papers (refunds, donation slips, till reports)
//! are built from these; [`super::escpos`] turns them into bytes for a given paper width.

pub use crate::i18n::columns::Align;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// One line of text; `scale` doubles width and height when 2.
    Text {
        text: String,
        align: Align,
        bold: bool,
        scale: u8,
    },
    /// `left` and `right` on one line, `right` flush with the right edge.
    Row {
        left: String,
        right: String,
        bold: bool,
        scale: u8,
    },
    /// A line of `-` or `=` across the paper.
    Rule(char),
    /// A CODE128 barcode with its text printed under it.
    Barcode(String),
    Feed(u8),
    /// Opens the cash drawer wired to the printer.
    DrawerKick,
    Cut,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    blocks: Vec<Block>,
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    fn push(&mut self, block: Block) -> &mut Document {
        self.blocks.push(block);
        self
    }

    /// Large, bold and centred: the store's name.
    pub fn title(&mut self, text: impl Into<String>) -> &mut Document {
        self.push(Block::Text { text: text.into(), align: Align::Center, bold: true, scale: 2 })
    }

    pub fn center(&mut self, text: impl Into<String>) -> &mut Document {
        self.push(Block::Text { text: text.into(), align: Align::Center, bold: false, scale: 1 })
    }

    pub fn text(&mut self, text: impl Into<String>) -> &mut Document {
        self.push(Block::Text { text: text.into(), align: Align::Left, bold: false, scale: 1 })
    }

    pub fn row(&mut self, left: impl Into<String>, right: impl Into<String>) -> &mut Document {
        self.push(Block::Row { left: left.into(), right: right.into(), bold: false, scale: 1 })
    }

    pub fn bold_row(&mut self, left: impl Into<String>, right: impl Into<String>) -> &mut Document {
        self.push(Block::Row { left: left.into(), right: right.into(), bold: true, scale: 1 })
    }

    /// Double size and bold: the total a customer looks for.
    pub fn big_row(&mut self, left: impl Into<String>, right: impl Into<String>) -> &mut Document {
        self.push(Block::Row { left: left.into(), right: right.into(), bold: true, scale: 2 })
    }

    pub fn rule(&mut self) -> &mut Document {
        self.push(Block::Rule('-'))
    }

    pub fn double_rule(&mut self) -> &mut Document {
        self.push(Block::Rule('='))
    }

    pub fn barcode(&mut self, data: impl Into<String>) -> &mut Document {
        self.push(Block::Barcode(data.into()))
    }

    pub fn feed(&mut self, lines: u8) -> &mut Document {
        self.push(Block::Feed(lines))
    }

    pub fn drawer_kick(&mut self) -> &mut Document {
        self.push(Block::DrawerKick)
    }

    /// Printing this opens the cash drawer.
    pub fn opens_drawer(&self) -> bool {
        self.blocks.contains(&Block::DrawerKick)
    }

    pub fn cut(&mut self) -> &mut Document {
        self.push(Block::Cut)
    }
}
