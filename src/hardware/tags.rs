//! Price tags for donated goods: the same label printed on the receipt printer (ESC/POS, cut
//! after each tag) or on a label printer that speaks ZPL. The barcode is the tag's CODE128 code;
//! the week's colour is printed in words so a tag on white stock still says which colour it is.

use super::document::Document;
use crate::domain::Won;
use crate::t_ko;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagLabel {
    /// `P…` or `I…`.
    pub code: String,
    /// The category or the item's description.
    pub name: String,
    pub price: Won,
    /// The intake week's colour, e.g. `파랑`.
    pub colour: Option<String>,
    /// Small print: the intake week, the condition.
    pub note: String,
}

/// Label stock and font for a ZPL printer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZplLabel {
    /// Label width in dots (400 = 50 mm at 203 dpi).
    pub width: u32,
    pub height: u32,
    /// A font on the printer that has Hangul, e.g. `E:NANUMGOTHIC.TTF` (downloaded once with the
    /// printer's utility). Printers without one print the Korean text blank.
    pub font: String,
}

impl Default for ZplLabel {
    fn default() -> ZplLabel {
        ZplLabel { width: 400, height: 240, font: "E:NANUMGOTHIC.TTF".into() }
    }
}

/// The tag on the receipt printer: name, big price, barcode, note, cut.
pub fn tag_document(label: &TagLabel) -> Document {
    let mut doc = Document::new();
    doc.center(label.name.clone());
    doc.title(t_ko!("won", amount = label.price.to_string()));
    if let Some(colour) = &label.colour {
        doc.center(t_ko!("tag-colour", colour = colour.clone()));
    }
    doc.barcode(label.code.clone());
    if !label.note.is_empty() {
        doc.center(label.note.clone());
    }
    doc.cut();
    doc
}

/// ZPL field data may not hold the format (`^`) or control (`~`) prefixes.
fn field(text: &str) -> String {
    text.chars().map(|c| if c == '^' || c == '~' { ' ' } else { c }).collect()
}

/// The tag as a ZPL II label, UTF-8 (`^CI28`).
pub fn tag_zpl(label: &TagLabel, stock: &ZplLabel) -> String {
    let font = field(&stock.font);
    let mut zpl = format!("^XA^CI28^PW{}^LL{}", stock.width, stock.height);
    zpl += &format!("^FO20,12^A@N,26,26,{font}^FD{}^FS", field(&label.name));
    zpl += &format!("^FO20,46^A@N,52,52,{font}^FD{}^FS", field(&t_ko!("won", amount = label.price.to_string())));
    if let Some(colour) = &label.colour {
        zpl += &format!("^FO{},12^A@N,24,24,{font}^FD{}^FS", stock.width.saturating_sub(110), field(colour));
    }
    zpl += &format!("^FO20,108^BY2^BCN,70,Y,N,N^FD{}^FS", field(&label.code));
    if !label.note.is_empty() {
        zpl += &format!("^FO20,{}^A@N,20,20,{font}^FD{}^FS", stock.height.saturating_sub(28), field(&label.note));
    }
    zpl += "^XZ\n";
    zpl
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zpl_fields_are_escaped() {
        let label = TagLabel {
            code: "P012000350026267".into(),
            name: "유아^용품".into(),
            price: Won::new(3500),
            colour: None,
            note: String::new(),
        };
        let zpl = tag_zpl(&label, &ZplLabel::default());
        assert!(zpl.starts_with("^XA^CI28") && zpl.ends_with("^XZ\n"));
        assert!(zpl.contains("^FD유아 용품^FS"));
        assert!(zpl.contains("^BCN,70,Y,N,N^FDP012000350026267^FS"));
    }
}
