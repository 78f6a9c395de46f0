//! A manager's 진단 정보 저장 in the work menu: a file support can read, saved off the till's
//! thread, said in words a person can find; a cashier has no such button.

mod common;

use common::till::Till;
use nanum::ui::Message;

#[test]
fn a_manager_saves_the_diagnostics_from_the_menu() {
    let mut till = Till::new(|_, _| {});
    till.sign_in("이서준", "2222");
    till.click("메뉴");
    assert!(!till.sees("진단 정보 저장"), "not for a cashier");
    till.send(Message::SignOut);

    till.sign_in("김민지", "1234");
    till.click("메뉴");
    till.click("진단 정보 저장");
    let saved: Vec<_> = std::fs::read_dir(till.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("diagnostics-"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let text = std::fs::read_to_string(&saved[0]).unwrap();
    assert!(text.contains("나눔가게 신촌점") && text.contains("integrity: ok"), "{text}");
    let name = saved[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(till.sees_part(&format!("진단 정보를 저장했어요: 데이터 폴더의 {name}")), "{:?}", till.texts());

    // Leaving the menu puts the message away.
    till.send(Message::CloseMenu);
    till.click("메뉴");
    assert!(!till.sees_part("진단 정보를 저장했어요"));
}
