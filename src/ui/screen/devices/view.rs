//! How the device settings look: the printers and the scanner side by side (one under the other
//! on a narrow screen), only the settings scrolling, the buttons always in view.

use crate::ui::pressable::button;
use iced::widget::{checkbox, column, container, pick_list, row, scrollable, text, text_input};
use iced::{Center, Element, Fill};

use super::{BAUDS, Choice, Connection, Devices, Message};
use crate::hardware::scanner::{DropReason, Suffix};
use crate::hardware::transport::Flow;
use crate::t;
use crate::ui::layout::Layout;
use crate::ui::{theme, widgets};

impl Devices {
    pub fn view(&self, layout: Layout) -> Element<'_, Message> {
        let field = |label: String, control: Element<'static, Message>| -> Element<'static, Message> {
            row![widgets::label(label).width(150), control].spacing(12).align_y(Center).into()
        };
        let connections = [Connection::File, Connection::Serial, Connection::Usb, Connection::Tcp];
        let mut printer = column![
            text(t!("devices-printer")).size(theme::LARGE).font(theme::BOLD),
            field(
                t!("devices-connection"),
                pick_list(connections, Some(self.connection), Message::Connection).width(Fill).into()
            ),
        ]
        .spacing(12);
        let placeholder = match self.connection {
            Connection::File => t!("devices-file-placeholder"),
            Connection::Tcp => "192.168.0.50:9100".to_string(),
            _ => "/dev/ttyUSB0".to_string(),
        };
        printer = printer.push(field(
            t!("devices-port"),
            text_input(&placeholder, &self.target).id("printer-target").on_input(Message::Target).padding(8).into(),
        ));
        if matches!(self.connection, Connection::Serial | Connection::Usb) {
            let chosen = self.ports.iter().find(|p| **p == self.target).cloned();
            printer = printer.push(field(
                t!("devices-found-ports"),
                row![
                    pick_list(self.ports.clone(), chosen, Message::PickPort)
                        .placeholder(if self.finding_ports {
                            t!("devices-finding-ports")
                        } else {
                            t!("devices-pick-port")
                        })
                        .width(Fill),
                    button(text(t!("devices-rescan")).size(theme::SMALL))
                        .style(theme::key)
                        .padding([8, 12])
                        .on_press_maybe((!self.finding_ports).then_some(Message::Rescan)),
                ]
                .spacing(8)
                .into(),
            ));
        }
        if self.connection == Connection::Serial {
            printer = printer
                .push(field(t!("devices-baud"), pick_list(BAUDS, Some(self.baud), Message::Baud).into()))
                .push(field(
                    t!("devices-flow"),
                    pick_list(Flow::ALL.map(Choice), Some(Choice(self.flow)), Message::Flow).into(),
                ));
        }
        if self.connection != Connection::File {
            printer =
                printer.push(checkbox(self.ask_status).label(t!("devices-ask-status")).on_toggle(Message::AskStatus));
        }
        printer = printer
            .push(field(
                t!("devices-paper-width"),
                pick_list([32, 42, 48].map(Choice), Some(Choice(self.columns)), Message::Columns).into(),
            ))
            .push(field(
                t!("devices-drawer"),
                row![
                    pick_list([2u8, 5].map(Choice), Some(Choice(self.drawer_pin)), Message::DrawerPin),
                    text_input("50", &self.pulse).id("drawer-pulse").on_input(Message::Pulse).width(80).padding(8),
                    widgets::muted("ms"),
                ]
                .spacing(8)
                .align_y(Center)
                .into(),
            ));

        let labels = column![
            text(t!("devices-labels")).size(theme::LARGE).font(theme::BOLD),
            field(
                t!("devices-port"),
                text_input(&t!("devices-labels-placeholder"), &self.label_spec)
                    .on_input(Message::LabelSpec)
                    .padding(8)
                    .into(),
            ),
            checkbox(self.zpl).label(t!("devices-zpl")).on_toggle(Message::Zpl),
        ]
        .spacing(12);

        let scanner_choice = self.ports.iter().find(|p| **p == self.scanner_port).cloned();
        let hex: String = self.raw.iter().map(|b| format!("{b:02X} ")).collect();
        let mut test_box = column![
            widgets::label(t!("devices-scan-now")),
            widgets::muted(t!("devices-raw", bytes = if hex.is_empty() { "-".into() } else { hex })),
        ]
        .spacing(6);
        if let Some(code) = &self.last_scan {
            test_box =
                test_box.push(text(t!("devices-last-scan", code = code.clone())).size(theme::LARGE).font(theme::BOLD));
        }
        if let Some(reason) = self.dropped {
            let reason = match reason {
                DropReason::Noise => t!("devices-dropped-noise"),
                DropReason::TooLong => t!("devices-dropped-too-long"),
                DropReason::Incomplete => t!("devices-dropped-incomplete"),
                DropReason::OutsideFrame => t!("devices-dropped-outside"),
            };
            test_box = test_box.push(widgets::muted(t!("devices-dropped", reason = reason)));
        }
        let scanner = column![
            text(t!("devices-scanner")).size(theme::LARGE).font(theme::BOLD),
            widgets::muted(t!("devices-scanner-hint")),
            field(
                t!("devices-port"),
                text_input("/dev/ttyUSB1", &self.scanner_port).on_input(Message::ScannerPort).padding(8).into()
            ),
            field(
                t!("devices-found-ports"),
                pick_list(self.ports.clone(), scanner_choice, Message::PickScanner)
                    .placeholder(t!("devices-pick-port"))
                    .width(Fill)
                    .into(),
            ),
            field(t!("devices-baud"), pick_list(BAUDS, Some(self.scanner_baud), Message::ScannerBaud).into()),
            field(
                t!("devices-suffix"),
                pick_list(Suffix::ALL.map(Choice), Some(Choice(self.suffix)), Message::Suffix).into()
            ),
            checkbox(self.stx_etx).label(t!("devices-stx-etx")).on_toggle(Message::StxEtx),
            field(
                t!("devices-debounce"),
                row![
                    text_input("300", &self.debounce).on_input(Message::Debounce).width(80).padding(8),
                    widgets::muted("ms")
                ]
                .spacing(8)
                .align_y(Center)
                .into(),
            ),
            container(test_box).padding(12).width(Fill).style(theme::card),
        ]
        .spacing(12);

        let testing = self.testing.is_none();
        let buttons = row![
            button(text(t!("devices-save")).size(theme::BODY))
                .padding([12, 24])
                .style(theme::success)
                .on_press(Message::Save),
            button(text(t!("devices-test-print")).size(theme::BODY))
                .padding([12, 24])
                .style(theme::key)
                .on_press_maybe(testing.then_some(Message::TestPrint)),
            button(text(t!("devices-test-tag")).size(theme::BODY))
                .padding([12, 24])
                .style(theme::key)
                .on_press_maybe(testing.then_some(Message::TestTag)),
            button(text(t!("devices-open-drawer")).size(theme::BODY))
                .padding([12, 24])
                .style(theme::key)
                .on_press(Message::OpenDrawer),
            widgets::spacer(),
            button(text(t!("devices-close")).size(theme::BODY))
                .padding([12, 24])
                .style(theme::key)
                .on_press(Message::Close),
        ]
        .spacing(12);
        let printer = container(column![printer, labels].spacing(28)).padding(16).width(Fill).style(theme::panel);
        let scanner = container(scanner).padding(16).width(Fill).style(theme::panel);
        // Side by side where there is room; one under the other on a narrow screen.
        let sections: Element<'_, Message> = if layout.narrow() {
            column![printer, scanner].spacing(16).into()
        } else {
            row![printer, scanner].spacing(16).into()
        };
        // The buttons and the message stay in view; only the settings scroll.
        let mut page = column![].spacing(12).padding(16);
        if let Some((message, is_error)) = &self.notice {
            page = page.push(widgets::banner(message.as_str(), *is_error));
        }
        page.push(scrollable(sections).height(Fill)).push(buttons).into()
    }
}
