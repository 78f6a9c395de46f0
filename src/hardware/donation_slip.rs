//! The donation slip handed to the donor at the intake counter, always in Korean: thanks, the
//! store, when, who (the phone masked), what was accepted per category with its value, what was
//! turned away and why, and the total value. Tax receipts come from head office, so the slip
//! says so and carries no resident-registration number.

use super::document::Document;
use super::receipt::{header, korean_time};
use crate::domain::StoreInfo;
use crate::domain::donation::{Channel, RejectReason};
use crate::store::Donation;
use crate::t_ko;

fn channel(c: Channel) -> String {
    match c {
        Channel::WalkIn => t_ko!("channel-walk-in"),
        Channel::Pickup => t_ko!("channel-pickup"),
        Channel::Parcel => t_ko!("channel-parcel"),
    }
}

fn reason(r: RejectReason) -> String {
    match r {
        RejectReason::Stained => t_ko!("reject-stained"),
        RejectReason::Damaged => t_ko!("reject-damaged"),
        RejectReason::NotAccepted => t_ko!("reject-not-accepted"),
        RejectReason::Safety => t_ko!("reject-safety"),
        RejectReason::Other => t_ko!("reject-other"),
    }
}

pub fn donation_slip(store: &StoreInfo, d: &Donation) -> Document {
    let mut doc = Document::new();
    header(&mut doc, store);
    doc.title(t_ko!("slip-title"));
    doc.center(t_ko!("slip-thanks"));
    doc.rule();
    doc.row(t_ko!("receipt-sold-at"), korean_time(d.at));
    match &d.donor {
        Some(donor) => {
            doc.row(t_ko!("slip-donor"), donor.name.clone());
            if let Some(phone) = &donor.phone {
                doc.row(t_ko!("slip-phone"), phone.masked());
            }
        }
        None => {
            doc.row(t_ko!("slip-donor"), t_ko!("slip-anonymous"));
        }
    }
    doc.row(t_ko!("slip-channel"), channel(d.channel));
    doc.rule();
    for line in &d.lines {
        doc.row(format!("{} {}", line.name_ko, t_ko!("slip-pieces", count = line.count)), line.value.to_string());
    }
    if !d.rejected.is_empty() {
        doc.rule();
        doc.text(t_ko!("slip-rejected"));
        for r in &d.rejected {
            let mut what = format!("  {} {}", reason(r.reason), t_ko!("slip-pieces", count = r.count));
            if !r.note.is_empty() {
                what = format!("{what} ({})", r.note);
            }
            doc.text(what);
        }
    }
    doc.rule();
    let mut packed = Vec::new();
    if d.bags > 0 {
        packed.push(t_ko!("slip-bags", count = d.bags));
    }
    if d.boxes > 0 {
        packed.push(t_ko!("slip-boxes", count = d.boxes));
    }
    if let Some(grams) = d.grams {
        packed.push(format!("{}.{} kg", grams / 1000, grams % 1000 / 100));
    }
    if !packed.is_empty() {
        doc.row(t_ko!("slip-packed"), packed.join(" · "));
    }
    doc.big_row(t_ko!("slip-value"), d.value.to_string());
    if d.value != d.valued {
        doc.text(t_ko!("slip-value-changed", valued = d.valued.to_string()));
    }
    doc.feed(1);
    doc.center(if d.donor.as_ref().is_some_and(|x| x.wants_receipt) {
        t_ko!("slip-receipt-later")
    } else {
        t_ko!("slip-no-receipt")
    });
    doc.center(t_ko!("receipt-charity"));
    doc.cut();
    doc
}
