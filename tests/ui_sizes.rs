//! Every screen and panel state fits every till size in Korean (`common::sizes` says what is
//! checked).

mod common;

use common::sizes;
use nanum::i18n::Lang;

#[test]
fn every_screen_fits_every_till_size() {
    sizes::every_screen_fits_every_till_size(Lang::Ko);
}

#[test]
fn the_print_jobs_panel_and_a_drawer_approval_fit_every_till_size() {
    sizes::the_print_jobs_panel_and_a_drawer_approval_fit_every_till_size(Lang::Ko);
}

#[test]
fn the_till_day_panels_fit_every_till_size() {
    sizes::the_till_day_panels_fit_every_till_size(Lang::Ko);
}

#[test]
fn the_back_room_screens_fit_every_till_size() {
    sizes::the_back_room_screens_fit_every_till_size(Lang::Ko);
}

#[test]
fn the_volunteer_screens_fit_every_till_size() {
    sizes::the_volunteer_screens_fit_every_till_size(Lang::Ko);
}

#[test]
fn every_report_tab_fits_every_till_size() {
    sizes::every_report_tab_fits_every_till_size(Lang::Ko);
}

#[test]
fn the_status_bar_at_its_fullest_fits_every_till_size() {
    sizes::the_status_bar_at_its_fullest_fits_every_till_size(Lang::Ko);
}

#[test]
fn a_parked_sale_offered_fits_every_till_size() {
    sizes::a_parked_sale_offered_fits_every_till_size(Lang::Ko);
}
