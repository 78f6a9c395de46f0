//! A full disk at the counter: the store on a small filesystem of its own that fills up. The
//! sale is refused before the drawer opens, with "저장 공간이 가득 찼어요", the sale before it is
//! untouched, and once space is freed the same sale goes through without a restart. The
//! filesystem is a tmpfs mounted for the test (CI runs as root); where none can be mounted the
//! SQLite side is covered by `tests/store.rs` (`max_page_count`).

mod common;

use std::io::Write;
use std::process::Command;

use common::till::Till;
use common::*;
use nanum::store::Store;
use nanum::ui::Message;
use nanum::ui::app::Hotkey;
use nanum::ui::screen::checkout;

struct Unmount(std::path::PathBuf);

impl Drop for Unmount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

#[test]
fn a_full_disk_refuses_the_sale_before_the_drawer_opens_and_the_next_try_after_space_is_freed_sells() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16m", "tmpfs"])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("no small filesystem can be mounted here (not root): tests/store.rs covers the SQLite side");
        return;
    }
    let _unmount = Unmount(dir.path().to_path_buf());
    let store = Store::create(&dir.path().join("store.db"), &nanum::demo::setup()).unwrap();
    let mut till = Till::on(store, dir, |_, _| {});
    till.sign_in("이서준", "2222");
    till.enter(checkout::SCAN_INPUT, &tag(1, 3500, 0));
    till.send(Message::Hotkey(Hotkey::Cash));
    till.enter(checkout::ENTRY_INPUT, "");
    assert!(till.sees("결제가 끝났어요"), "{:?}", till.texts());
    till.wait_for_printer();
    till.send(Message::Checkout(checkout::Message::NewSale));

    // The disk fills up (a backup, a log, anything).
    let filler = till.dir.path().join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.sync_all();
    let printed = std::fs::read(till.printer_file()).unwrap().len();

    till.enter(checkout::SCAN_INPUT, &tag(2, 4000, 0));
    till.send(Message::Hotkey(Hotkey::Cash));
    till.enter(checkout::ENTRY_INPUT, "");
    assert!(till.sees_part("저장 공간이 가득 찼어요"), "{:?}", till.texts());
    assert!(!till.sees("결제가 끝났어요"));
    till.settle();
    assert_eq!(std::fs::read(till.printer_file()).unwrap().len(), printed, "no receipt, no drawer kick");
    assert!(till.app.store().sale(today(), 2).unwrap().is_none(), "nothing half sold");
    assert_eq!(till.app.store().sale(today(), 1).unwrap().unwrap().total.get(), 3500, "the sale before is whole");

    // Space is freed; the same sale, still on the screen, goes through.
    drop(file);
    std::fs::remove_file(&filler).unwrap();
    till.enter(checkout::ENTRY_INPUT, "");
    assert!(till.sees("결제가 끝났어요"), "{:?}", till.texts());
    assert_eq!(till.app.store().sale(today(), 2).unwrap().unwrap().total.get(), 4000);
    assert!(till.app.store().check().unwrap().is_ok());
}
