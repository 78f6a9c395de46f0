//! Nanum's built-in reference data: the categories with their price guide and donation values,
//! the Korean tax classes, the colour calendar and its markdowns. A store set up without head
//! office starts from these (and so does the demo); head office's own replace them at the
//! first sync.

use crate::domain::donation::DonationValue;
use crate::domain::{Rotation, StoreInfo, TaxClass, Won};

use super::{CategorySetup, StaffSetup, StoreSetup};

/// A store with the built-in reference data, `staff`, and nothing else: no stock, no items.
pub fn setup(info: StoreInfo, staff: Vec<StaffSetup>) -> StoreSetup {
    StoreSetup {
        info,
        tax_classes: TaxClass::korean_defaults(),
        categories: CATEGORIES
            .iter()
            .map(|&(code, name_ko, name_en, tax_class, on_key, guide)| CategorySetup {
                code,
                name_ko,
                name_en,
                tax_class,
                on_key,
                guide,
                donation: donation_value(code, guide),
            })
            .collect(),
        rotation: Rotation::default(),
        staff,
        stock: Vec::new(),
        items: Vec::new(),
    }
}

/// Code, Korean and English name, tax class, has a key, guide prices (like new, good, fair).
type CategoryRow = (&'static str, &'static str, &'static str, &'static str, bool, [i64; 3]);

#[rustfmt::skip]
const CATEGORIES: &[CategoryRow] = &[
    ("001", "여성 의류", "Women's clothing", "standard", true, [8_000, 5_000, 2_000]),
    ("002", "남성 의류", "Men's clothing", "standard", true, [8_000, 5_000, 2_000]),
    ("003", "아동 의류", "Children's clothing", "standard", true, [5_000, 3_000, 1_000]),
    ("004", "신발", "Shoes", "standard", true, [10_000, 6_000, 3_000]),
    ("005", "가방", "Bags", "standard", true, [12_000, 7_000, 3_000]),
    ("006", "잡화·액세서리", "Accessories", "standard", true, [5_000, 3_000, 1_000]),
    ("007", "도서", "Books", "exempt", true, [4_000, 2_000, 1_000]),
    ("008", "음반·DVD", "Music & film", "standard", true, [3_000, 2_000, 1_000]),
    ("009", "주방용품", "Kitchenware", "standard", true, [6_000, 3_000, 1_000]),
    ("010", "생활용품", "Household goods", "standard", true, [5_000, 3_000, 1_000]),
    ("011", "장난감", "Toys", "standard", true, [6_000, 3_000, 1_000]),
    ("012", "유아용품", "Baby goods", "standard", true, [8_000, 3_500, 2_000]),
    ("013", "문구·사무", "Stationery", "standard", true, [2_000, 1_000, 500]),
    ("014", "소형 가전", "Small appliances", "standard", true, [20_000, 10_000, 5_000]),
    ("015", "스포츠·레저", "Sports & leisure", "standard", true, [10_000, 5_000, 2_000]),
    ("016", "침구·패브릭", "Bedding & fabric", "standard", true, [8_000, 5_000, 2_000]),
    ("017", "인테리어 소품", "Home decor", "standard", true, [7_000, 4_000, 2_000]),
    ("018", "공정무역 커피", "Fair-trade coffee", "standard", false, [12_000, 12_000, 12_000]),
    ("019", "공정무역 차·초콜릿", "Fair-trade tea & chocolate", "standard", false, [6_000, 6_000, 6_000]),
    ("020", "공정무역 수공예", "Fair-trade crafts", "standard", false, [15_000, 15_000, 15_000]),
    ("021", "업사이클", "Upcycled design", "standard", true, [15_000, 10_000, 5_000]),
];

/// The built-in value for donation receipts: half the guide price of a piece in good condition,
/// books counted five to a unit, discs three, stationery ten; bought-in fair-trade goods none.
fn donation_value(code: &str, guide: [i64; 3]) -> DonationValue {
    let unit = match code {
        "007" => 5,
        "008" => 3,
        "013" => 10,
        _ => 1,
    };
    let value = if matches!(code, "018" | "019" | "020") { 0 } else { guide[1] / 2 / 100 * 100 * i64::from(unit) };
    DonationValue { value: Won::new(value), unit }
}
