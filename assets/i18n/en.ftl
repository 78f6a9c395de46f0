# Nanum — English

app-title = Nanum POS
won = { $sign ->
    [minus] −₩{ $amount }
    [plus] +₩{ $amount }
   *[none] ₩{ $amount }
}

## Weekdays
weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun

## Receipt (printed in Korean; kept here for completeness)
receipt-reprint = [REPRINT]
receipt-sold-at = Date
receipt-sale-no = Sale no.
receipt-cashier = Cashier
receipt-item = Item
receipt-amount = Amount
receipt-total = Total
receipt-supply = Supply value
receipt-vat = VAT
receipt-supply-rate = Supply value ({ $rate }%)
receipt-vat-rate = VAT ({ $rate }%)
receipt-exempt = Tax-exempt goods
receipt-cash-tendered = Cash received
receipt-card = Card
receipt-change = Change
receipt-markdown = was { $list } · { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} on floor, { $percent }% off
receipt-thanks = Thank you for shopping at Nanum.
receipt-charity = Every won of profit goes to our neighbours.
receipt-business-no = Business no. { $number }
receipt-phone = Tel { $number }
receipt-representative = Representative { $name }

## Roles
role-manager = Manager
role-cashier = Cashier
role-volunteer = Volunteer

## Login
login-title = Who is working?
login-choose = Tap your name. Volunteers sign in for their shift first.
login-pin-for = { $name }, enter your PIN
login-pin-placeholder = 4-digit PIN
login-ok = OK
login-back = Someone else
login-wrong-pin = Wrong PIN. { $left ->
    [one] One more wrong PIN locks you out for { $lock }.
   *[other] { $left } more wrong PINs lock you out for { $lock }.
}
login-locked = Locked after 5 wrong PINs. Try again in { $time }.
login-demo-hint = This is a demo store. PINs: manager 1234 · cashier 2222 · volunteers 3333 (after their shift sign-in)

## Status bar
status-on-duty = On duty: { $name } ({ $role })
status-sign-out = Sign out
status-language = 한국어
status-demo = Demo

## Checkout
checkout-scan-placeholder = Scan or type a barcode, then press Enter
checkout-scan-short = Scan or type a barcode
checkout-empty = Scan an item or press a category key below.
checkout-remove = Remove
checkout-total = Total
checkout-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}
checkout-supply = Supply value
checkout-vat = VAT
checkout-exempt = Exempt
checkout-pay-cash = Cash
checkout-pay-card = Card
checkout-cancel-sale = Cancel sale
checkout-added = Added { $name }, ₩{ $price }.
checkout-removed = Removed { $name }.
checkout-markdown = was ₩{ $list } · { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} on floor, { $percent }% off
checkout-pull-short = due off the floor
checkout-by-key = category key
checkout-quantity = ₩{ $price } × { $quantity }
checkout-demo-codes = Demo barcodes: { $codes }

## Price entry (category keys)
price-title = Price for { $category }
price-placeholder = Price (won)
price-add = Add
price-cancel = Cancel
price-guide = Price guide

## Payment
pay-cash-title = Cash payment
pay-card-title = Card payment
pay-due = Amount due
pay-tendered = Cash received
pay-tendered-placeholder = Received
pay-exact = Exact
pay-confirm = Complete sale
pay-back = Back
pay-card-confirm = Approved
pay-card-hint = Enter ₩{ $amount } on the card terminal; once it is approved, press Approved below.
pay-change = Change
pay-done = Sale complete
pay-sale-no = Sale no. { $number }
pay-new-sale = New sale (Enter)
pay-printed = Receipt printed.
pay-print-failed = The receipt did not print: { $reason } The sale is saved.

## Errors
error-code-empty = Nothing was scanned.
error-code-unknown = "{ $code }" is not a Nanum tag or a product barcode.
error-code-length = A { $kind } barcode has { $expected ->
    [one] 1 character
   *[other] { $expected } characters
}; { $found } were read. Please scan again.
error-code-digits = The { $kind } barcode has a character that is not a digit. Please scan again.
error-code-check = The { $kind } barcode's check digit is wrong: a misread or a typo.
error-code-week = The tag's intake week ({ $week }) does not exist.
error-code-date = The receipt date ({ $date }) does not exist.
error-code-zero = The tag's price is zero.
error-unknown-category = There is no category { $code }. Please tell a manager.
error-unknown-item = Item tag { $code } is not in this store's records.
error-already-sold = Item { $code } has already been sold.
error-other-store = { $code } is a tag from another store ({ $store }).
error-unknown-product = No product has the barcode { $code }.
error-receipt-scanned = That is a receipt barcode. Please scan the item's tag.
error-already-in-sale = This item is already in the sale.
error-zero-price = A price must be more than ₩0.
error-not-a-price = "{ $input }" is not a price. Type digits only.
error-price-too-high = That price is too high. Please check it.
error-zero-amount = An amount must be more than ₩0.
error-not-an-amount = "{ $input }" is not an amount. Type digits only.
error-amount-too-high = That amount is too high. Please check it.
error-not-enough = ₩{ $short } short.
error-empty-sale = The sale has nothing in it.
error-disk-full = The disk is full. Nothing was saved. Please tell a manager.
error-db-busy = Another program is using the database. Please try again in a moment.
error-db-exists = { $path } already exists. Please choose another path.
error-db-too-new = { $path } was made by a newer version of Nanum (schema { $found }; this version knows up to { $supported }). Please install the newer version; the file was left as it is.
error-db-damaged = { $path } is damaged (it does not pass the check). Choose another backup.
error-db-not-a-store = { $path } is not a Nanum store database.
error-db-open = Cannot open { $path }. { $reason }
error-store = Could not save. { $reason }

code-kind-price-tag = price tag
code-kind-item-tag = item tag
code-kind-ean13 = product
code-kind-receipt = receipt

## Reports
report-daily-title = { $store } daily sales { $date }
report-sales = Sales
report-items = Items sold (less returns)
report-gross = Goods sold (less refunds and voids)
report-class-gross = { $class ->
    [one] 1 sale
   *[other] { $class } sales
}
report-class-supply = { $class } supply value
report-class-vat = { $class } VAT
report-cash = Cash
report-card = Card

## nanum check
check-integrity-ok = Database file: OK
check-integrity-problem = Database file problem: { $problem }
check-chain-ok = Journal: { $events ->
    [one] 1 event
   *[other] { $events } events
}, chain intact
check-chain-broken = Journal event { $seq } does not follow the event before it.
check-failed = The check found problems. Please tell a manager or head office.

## nanum price
tax-exempt = tax-exempt
tax-rate = { $rate }% VAT
price-explain-item = { $name } · category { $category } · { $class }
price-explain-intake = Taken in the { $week } ({ $colour } tag)
price-explain-list = Tag price: ₩{ $price }
price-explain-full = On { $date }, { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} on the floor: no markdown
price-explain-markdown = On { $date }, { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} on the floor: { $percent }% off
price-explain-pull = On { $date }, { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} on the floor: { $percent }% off, and take it off the floor
price-explain-charge = Charge: ₩{ $price }

## Command line
cli-no-db = There is no store database at { $path }. To make one: nanum --db PATH init (a demo: nanum demo --db PATH)
cli-init-done = Made the store { $name } at { $path }. Sign in as { $manager } with the PIN you chose.
cli-init-needs-db = init needs the path of the new store file (--db PATH).
cli-no-log = Cannot make the log folder { $path }, so Nanum runs without logs: { $reason }
cli-joined = Joined head office: { $name } (store { $code }), { $staff } staff. The till syncs with head office every night.
cli-join-add-manager = (--manager NAME, the PIN on stdin)
join-unauthorized = Head office did not accept this store token. Check it, or ask head office for a new one.
join-needs-manager = Head office has no manager for this store yet. Choose the first manager's name and PIN.
join-bad-code = Head office's code for this store, { $code }, is not three digits, so it cannot go on receipts. Tell head office.
cli-diagnostics-done = Saved the diagnostics to { $path }
diagnostics-button = Save diagnostics
diagnostics-saved = Diagnostics saved: { $name } in the data folder
diagnostics-failed = Could not save the diagnostics: { $reason }
cli-init-pin = The first manager's PIN (4 to 8 digits):
cli-init-pin-again = The same PIN again:
cli-init-pins-differ = The two PINs differ. Nothing was made.
cli-init-no-pin = No PIN came: give 4 to 8 digits on the first line of standard input.
cli-no-display = No display can be opened. Run Nanum on a desktop with a screen, or see nanum --help for the commands.
cli-no-sale = There is no sale { $number } on { $date }.
cli-cannot-write = Cannot write { $path }: { $reason }
cli-demo-needs-db = The demo command needs a path for the new database (--db PATH).
cli-demo-made = { $path }: { $days ->
    [one] 1 day
   *[other] { $days } days
}, { $sales ->
    [one] 1 sale
   *[other] { $sales } sales
}, ₩{ $gross }, { $items } unique items tagged
cli-no-window = Cannot open the window: { $reason }

## Tags, test page
tag-colour = { $colour } tag
selftest-title = Printer test page
selftest-printer = Printer
selftest-width = Paper width
selftest-columns = { $columns ->
    [one] 1 column
   *[other] { $columns } columns
}
selftest-time = Time
selftest-pangram = The quick brown fox jumps over the lazy dog
selftest-symbols = 가나다 ABC abc 123 ₩ · × ← ※
selftest-left = Left
selftest-right = Right
selftest-end = End of test page

## Printing, drawer
job-receipt = Receipt { $number }
job-reprint = Receipt { $number } (reprint)
job-drawer = Open drawer
job-test = Test page
job-tag = Tag { $code }
pay-printing = Printing the receipt…
pay-print-retry = Print again
pay-reprint = Reprint receipt
nosale-button = Open drawer
nosale-title = Open the drawer without a sale
nosale-opened = The drawer is open. This was recorded.
error-not-a-manager = Only a manager can approve this.
printer-paper-out = The printer is out of paper. Load paper and print again.
printer-cover-open = The printer cover is open. Close it and print again.
printer-offline = The printer is not ready.
printer-no-answer = The printer does not answer. Check its power and cable.
printer-unreachable = Cannot reach the printer ({ $reason }). Check its power and cable.
printer-interrupted = The printer connection dropped while printing ({ $reason }).
login-scan-first = A barcode was scanned. Please sign in first.

## Status bar (devices)
status-scanner-ok = Scanner connected
status-scanner-down = Scanner disconnected
status-print-failed = { $count } not printed
status-printing = { $count } waiting to print
status-devices = Devices
jobs-title = Print jobs
jobs-waiting = Waiting to print
jobs-dismiss = Remove

## Device settings
devices-printer = Receipt printer
devices-connection = Connection
devices-conn-file = File (no printer)
devices-conn-serial = Serial (RS-232, USB adapter)
devices-conn-usb = USB printer
devices-conn-tcp = Network (TCP 9100)
devices-port = Port / address
devices-file-placeholder = Empty: printer-output.bin in the data folder
devices-found-ports = Ports found
devices-pick-port = Pick from the list
devices-rescan = Look again
devices-baud = Speed (baud)
devices-flow = Flow control
devices-flow-none = None
devices-ask-status = Ask the printer's status before and after printing (paper, cover)
devices-paper-width = Paper width
devices-paper = { $mm } mm ({ $columns ->
    [one] 1 column
   *[other] { $columns } columns
})
devices-drawer = Cash drawer
devices-pin = Pin { $pin }
devices-labels = Tag printer
devices-labels-placeholder = Empty: print tags on the receipt printer
devices-zpl = Label printer (ZPL)
devices-scanner = Barcode scanner (serial)
devices-scanner-hint = A scanner connected as a keyboard needs no setting. Leave the port empty.
devices-suffix = Ends with
devices-suffix-none = Nothing (a pause ends it)
devices-stx-etx = Wrapped in STX/ETX
devices-debounce = Ignore double reads within
devices-scan-now = Scan any barcode now. (Save changed settings first.)
devices-raw = Bytes received: { $bytes }
devices-last-scan = Read: { $code }
devices-dropped = Dropped a read: { $reason }
devices-save = Save
devices-saved = Saved. The settings apply now.
devices-test-print = Test page
devices-test-tag = Test tag
devices-open-drawer = Open drawer
devices-close = Close
devices-testing = Sending to the printer…
devices-test-ok = The test page was sent. Please check the paper.
devices-bad-pulse = The drawer pulse must be between 10 and 500 ms.
devices-bad-debounce = The double-read time must be between 0 and 5000 ms.
devices-sample-tag = Test tag
cli-printed = Sent to { $printer }.
cli-no-port = Cannot open the port { $port }: { $reason }
cli-scanner-lost = The scanner disconnected: { $reason } (reading resumes when it is back)
cli-scanner-back = The scanner is back.
pay-show-receipt = Show receipt
pay-hide-receipt = Show items
status-paper-low = Receipt paper is running low

## Manager approval
approval-hint = A manager's PIN is needed. Who asked and who approved is recorded.
approval-no-manager = No manager is registered. Please tell head office.
approval-pin-for = { $name }'s PIN
approval-checking = Checking the PIN…
approval-cancel = Back
approval-confirm = Approve
jobs-approve-title = Print "{ $title }" again (opens the drawer)
jobs-retry-manager = Print again (manager)
jobs-sign-in-for-drawer = A receipt that opens the drawer can be printed again only after signing in, with a manager's approval.
jobs-close = Close
printer-restarted = The till restarted before this printed.

## Cancel, sign out, a sale left open
cancel-title = Cancel this whole sale?
cancel-hint = All { $count ->
    [one] 1 item
   *[other] { $count } items
} (₩{ $total }) come out. The cancellation is recorded.
cancel-confirm = Cancel sale
cancel-keep = Back
checkout-cancelled = Sale cancelled ({ $count ->
    [one] 1 item
   *[other] { $count } items
}). This was recorded.
signout-title = There are items in the sale
signout-hint = { $count ->
    [one] 1 item
   *[other] { $count } items
}, ₩{ $total }. What should happen to them?
signout-keep = Keep it and sign out (continue it next time on this till)
signout-cancel = Cancel the sale and sign out
signout-parked-title = A sale is on hold
signout-parked-hint = { $count ->
    [one] One sale is
   *[other] { $count } sales are
} on hold ({ $notes }). Finish it before signing out? Left on hold, the next person can finish it.
signout-parked-take = Finish the sale on hold
signout-parked-leave = Leave it and sign out
left-title = A sale was left open
left-hint = { $name } was ringing up { $count ->
    [one] 1 item
   *[other] { $count } items
} at { $time }. Continue with it?
left-resume = Continue this sale
left-discard = Cancel it and start afresh
owed-title = A receipt has not printed yet
owed-sale = Sale { $number } is saved, but its receipt has not printed. Print it if the customer is here, skip it if they have gone. Do not ring it up again.
owed-refund = Refund { $number } is saved, but its receipt has not printed. Do not refund it again.
owed-void = Void { $number } is saved, but its receipt has not printed. Do not void it again.
owed-detail = { $date } · total ₩{ $total }
owed-maybe-printed = Nanum stopped while it was printing, so it may have come out already. Printed again, it is marked as a copy (재발행).
owed-more = { $count ->
        [one] One more after this one.
       *[other] { $count } more after this one.
    }
owed-print = Print
owed-skip = Skip
error-owed-not-skipped = Not skipped: { $reason }
checkout-resumed = The { $count ->
    [one] 1 item
   *[other] { $count } items
} left open are back.
checkout-scan-held = { $count ->
        [one] A panel is open: the scanned item goes in when it closes.
       *[other] A panel is open: the { $count } scanned items go in when it closes.
    }
checkout-more-keys = More ▶ ({ $page }/{ $pages })
checkout-cart-save-waiting = Another program is writing to the store file, so the items are not saved yet. Nanum keeps trying; you can carry on.
checkout-cart-saved-again = The items are saved.
error-cart-not-saved = The sale in progress could not be saved; the items on screen are still there. { $reason }
error-sale-not-saved = The sale could not be saved. The items are still there; please take the payment again. { $reason }
error-one-of-a-kind = This is a one-of-a-kind item; its quantity stays 1.
error-quantity = A quantity is from 1 to { $max }.
error-no-line = That item is no longer in the sale.
error-preview = The receipt could not be shown on screen.
pay-saving = Saving the sale…
pay-short-label = Short
pay-keys-cash = Enter pays · Esc goes back
login-checking = Checking your PIN…
login-unknown = This person can no longer sign in. Please ask a manager.

## Today's sales
today-button = Today (F7)
today-title = Today's sales
today-hint = Find a sale by its number or amount, tap it, then pick what to do below.
today-placeholder = Sale number or amount
today-none = No sale matches.
today-cash = Cash
today-card = Card
today-mixed = Mixed

## Durations
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-minutes-seconds = { $minutes } min { $seconds } s
week-in-words = { $nth ->
    [1] 1st
    [2] 2nd
    [3] 3rd
    [4] 4th
   *[other] 5th
} week of { $month_name }

## Storage errors (SQLite, files)
error-db-missing = There is no store database at { $path }.
error-db-read-only = { $path } cannot be written. Please check the file's and folder's permissions. The file was left as it is.
error-db-no-wal = { $path } cannot be used safely in this folder (write-ahead logging cannot be turned on). Please move it to another folder.
error-db-migration = The database could not be updated for this version. The file was not changed. Please tell head office.
error-db-unknown-value = This version does not know the stored { $what } "{ $value }". Please tell head office.
error-store-unreadable = Something stored cannot be read (the file is damaged, or someone edited it by hand). Nothing was changed. Please tell a manager or head office.
error-store-refused = That cannot be done. Nothing was saved.
error-store-file = A file beside the store could not be written or read: { $reason }
error-store-from-head-office = The reference data head office sent could not be taken, so nothing was changed. Please tell head office.
error-store-invalid = Something stored does not fit the records, so Nanum stopped. Please tell a manager or head office.
error-writer-stopped = The part of Nanum that saves has stopped. Please restart Nanum; saved sales are safe.
error-job-crashed = That could not be finished because of an error in Nanum, and nothing of it was saved. Nanum keeps running, and the error is in the log.
error-session-not-open = The till ({ $till }) is not open. Count the float and open the till first; nothing was saved.
error-approval-for-another = The manager's approval was for another amount or document. Ask for an approval of this one.
error-approval-missing = This needs a manager's approval.
error-approval-used = This approval was used already. Ask the manager again.
error-approval-signed-out = The approval ended when someone signed out. Ask the manager again.
sqlite-disk-full = The disk is full.
sqlite-read-only = There is no permission to write the file.
sqlite-cannot-open = The file cannot be opened. Check the path and the folder.
sqlite-corrupt = The file is damaged. It must be restored from a backup.
sqlite-io = The disk could not be read or written.
sqlite-busy = Another program is using the database.
sqlite-constraint = What was to be saved breaks a rule of the records.
sqlite-other = A database error happened.
cause-not-found = the device cannot be found; check the connection and the path
cause-permission = there is no permission to use the device
cause-busy = another program is using the device
cause-refused = nothing answers at that address
cause-timed-out = no answer in time
cause-closed = the connection dropped
cause-no-address = the address cannot be found
cause-other = a device error happened
config-read = Cannot read the settings file { $path }: { $reason }
config-parse = Line { $line } of the settings file { $path } is wrong. Nanum opened with the default settings.
config-write = Cannot save the settings file { $path }: { $reason }
printer-spec-unknown = "{ $spec }" is not a printer: use serial:PATH, usb:PATH, tcp:HOST or file:PATH.
printer-spec-no-path = "{ $spec }" has no path or address.
printer-spec-option = In "{ $spec }", "{ $option }" is not understood.
cli-output-failed = Could not write the output: { $reason }
cli-render-failed = The paper could not be made ready to print.
devices-finding-ports = Looking for ports…
devices-dropped-noise = noise
devices-dropped-too-long = a code too long
devices-dropped-incomplete = an unfinished code
devices-dropped-outside = bytes outside STX/ETX

## nanum check (sales against the journal)
check-chain-altered = Journal event { $seq } was changed after it was written.
check-chain-gap = Journal event { $seq } is missing.
check-chain-dictionary = The journal's packing dictionary { $id } in the file has been changed; Nanum still reads the journal with its own copy.
check-sales-ok = { $sales ->
    [one] 1 sale
   *[other] { $sales } sales
}: all match the journal
check-sale-differs = Sale { $date } #{ $number }: its { $what } differ from the journal (event { $seq }).
check-sale-unjournaled = Sale { $date } #{ $number } has no journal event.
check-sale-bad-date = Sale #{ $number } has no journal event, and its stored date '{ $stored }' cannot be read.
check-sale-missing = Sale { $uuid } in the journal (event { $seq }) is not in the database.
check-sale-unreadable = The sale in journal event { $seq } cannot be read.
check-part-lines = lines
check-part-vat = VAT split
check-part-tenders = tenders
check-part-total = total
check-part-header = date, number or cashier
value-role = staff role
value-condition = condition
value-line-kind = line kind
value-tender-kind = tender kind
value-percentage = percentage
value-time = time
value-date = date
value-number = number

## Receipts: refunds, voids, discounts, donations, tenders, cash receipts, store credit
receipt-refund = [REFUND]
receipt-void = [VOID]
receipt-original = Original sale
receipt-approved-by = Approved by
receipt-discounts = Discounts
receipt-line-discount = Discount ({ $reason })
receipt-goods-total = Goods
receipt-donation = Round-up donation
receipt-cash-back = Refund (cash)
receipt-card-back = Refund (card)
receipt-credit-used = Store credit
receipt-credit-back = Store credit refunded
receipt-approval-no = Approval { $number }
receipt-cash-receipt = Cash receipt ({ $purpose })
receipt-cash-receipt-deduction = deduction
receipt-cash-receipt-proof = business
voucher-title = Store credit
voucher-amount = Amount
voucher-hint = Show this barcode on your next visit.
code-kind-credit = store credit
error-credit-scanned = That is a store-credit voucher. Scan it when paying, as store credit.
error-discount-too-large = The discount is more than the price.
error-more-than-left = That is more than the ₩{ $left } left to pay.
error-no-balance = There is nothing left on this voucher.
error-approval-number = A card approval number has 8 to 12 digits.
error-on-hold = { $code } was priced less than { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} ago: staff and volunteers cannot buy it yet.
error-sold-elsewhere = This item was just sold at another till ({ $code }). Please take it off the sale.
error-cannot-void = Sale { $number } cannot be voided: only today's sales, before the till is closed.
error-nothing-to-return = That is more than is left to return.
error-till-open = This till is already open.
error-till-closed = This till is already closed.
error-kept-too-much = More is kept in the drawer than was counted.
error-cash-receipt = "{ $typed }" is not a mobile number, a business number or a cash-receipt card number.
error-business-number = That business number is not right. Please check it.
value-document-kind = document kind
value-customer = customer
error-approval-tries = This manager's PIN was wrong too often at approvals today. The manager must type it in person.
error-unreadable-pin = The PIN on record for { $name } cannot be read. A manager needs to set a new PIN in Staff.

# Checkout: the till day (#9)
checkout-discount = Discount (F4)
checkout-discounts = Discounts
checkout-line-discount = { $amount } won off ({ $reason })
checkout-park = Park (F2)
checkout-return = Return (F3)
closed-title = The till is not open
closed-hint = Open the till and count the float (the change put in the drawer) before the first sale.
closed-open = Open the till (F6)
discount-title = Discount
discount-line = { $name }
discount-line-none = One item
discount-sale = Whole sale
discount-percent-short = %
discount-amount-short = ₩
discount-percent = % off
discount-amount = Won off
discount-percent-placeholder = Percent off
discount-amount-placeholder = Won off
discount-apply = Apply
discount-applied = { $amount } won taken off.
discount-approval-title = { $amount } won off (over the { $limit }% limit)
discount-reason-damaged = Damaged
discount-reason-promotion = Promotion
discount-reason-price = Price fix
discount-reason-other = Other
error-discount-percent = Type a percentage from 1 to 100.
error-discount-nothing = That takes nothing off: it is less than the price step.
error-credit-spent = Voucher { $code } has only { $balance } won left. It may have been used at another till.
error-not-a-voucher = That is a { $kind }, not a store credit voucher.
error-voucher-unknown = No voucher { $code }. Check the number.
error-other-store-receipt = That receipt is from another store. Return it without a receipt; a manager sets the amount.
error-receipt-unknown = No sale { $number } on { $date }.
error-return-not-sale = That is a refund or void receipt. Scan the original sale's receipt.
error-all-returned = Everything from sale { $number } has already been returned.
error-return-nothing-picked = Pick at least one item coming back.
error-return-category = Pick what kind of item it is.
error-reverse-not-saved = Not saved: { $reason } Do not pay anything back.
error-park = Not parked: { $reason } The items are still in the sale.
error-park-gone = Another till has already taken that parked sale.
error-park-note = Write a note to know whose sale it is (e.g. customer in the red hat).
error-till-amount = Type the amount.
error-till-reason = Type the reason.
error-till-move = Not saved: { $reason } Leave the money in the drawer as it is.
job-refund = Refund receipt { $number }
job-void = Void receipt { $number }
job-voucher = Voucher { $code }
job-x-report = X report
job-z-report = Z report { $number }
job-cash-in = Cash-in slip
job-cash-out = Cash-out slip
park-title = Park
park-hint = Park { $count ->
    [one] 1 item
   *[other] { $count } items
}, { $total } won, for now. Any till can take them up again.
park-note-placeholder = Note (e.g. customer in the red hat)
park-confirm = Park the sale
park-done = { $count ->
    [one] 1 item
   *[other] { $count } items
} parked. Serve the next customer.
park-none = No sales are parked.
park-list = Parked sales
park-list-take = Parked sales (tap one to take it up)
park-row = { $time } · { $name } · till { $till } · { $count ->
    [one] 1 item
   *[other] { $count } items
}
checkout-parked = { $count ->
    [one] A parked sale is waiting ({ $notes }). Press Park (F2) to take it up.
   *[other] { $count } parked sales are waiting ({ $notes }). Press Park (F2) to take one up.
}
park-taken = { $count } parked items taken up.
pay-title = Payment
pay-tender-cash = Cash
pay-tender-card = Card
pay-tender-credit = Credit
pay-left = Left to pay
pay-left-to-pay = Take the { $amount } won left to pay.
pay-card-placeholder = Amount
pay-approval-placeholder = Approval no.
pay-credit-hint = Scan the store credit voucher or type its number.
pay-credit-placeholder = Voucher number (starts with C)
pay-credit-confirm = Pay with credit
pay-cash-receipt = Cash receipt
pay-cash-receipt-on = Cash receipt { $number }
pay-cash-receipt-hint = Type a mobile number, business number or cash-receipt card number. Leave it empty for none.
pay-cash-receipt-placeholder = 010-1234-5678
pay-cash-receipt-confirm = OK
pay-cash-receipt-set = Cash receipt for { $number }.
pay-round-up = Donate { $amount } won
pay-round-up-on = Donation { $amount } won ✓
pay-rounded-up = { $amount } won donation added. Thank you!
pay-buyer-public = Customer
pay-buyer-staff = Staff purchase
pay-buyer-volunteer = Volunteer purchase
refund-approval-title = Refund of { $amount } won
refund-done = Refunded
refund-no = Refund { $number }
refund-give-cash = Give back in cash
refund-card-terminal = Cancel on the card terminal
refund-credit = Given as store credit
refund-voucher-code = Voucher { $code } (hand it over with the receipt)
void-approval-title = Void sale { $number } ({ $amount } won)
void-done = Sale voided
void-no = Void { $number }
return-title = Return
return-scan-hint = Scan the receipt's barcode, or pick the sale from today's sales (F7).
return-no-receipt = Return without a receipt (manager)
return-from = Sale { $number } · { $date } · { $paid }
return-already = Returned
return-amount = To pay back
return-to-original = As paid
return-to-cash = Cash
return-to-credit = Store credit
return-confirm = Refund (manager)
return-open-hint = Pick the kind and type the amount to pay back.
return-open-placeholder = Amount to pay back
today-refund = Refund
today-void = Void
today-return = Return items
today-void-button = Void sale
status-till = Till (F6)
report-x-title = X report
report-z-title = Z report { $number }
report-till = Till
report-printed-at = Printed
report-opened = Opened
report-closed = Closed
report-sales-count = Sales
report-refunds-count = Refunds
report-voids-count = Voids
report-goods = Goods sold
report-discounts = Discounts
report-credit = Store credit
report-cash-receipts = Cash receipts
report-float = Float
report-cash-sales = Cash sales
report-cash-refunds = Cash refunds
report-cash-in = Cash in
report-cash-out = Cash out
report-expected = Expected cash
report-counted = Counted cash
report-difference = Difference
report-kept = Kept as float
report-to-bank = To take to the bank
report-blind = Counted blind
slip-reason = Reason
till-open-title = Count the float
till-count-hint = Count the notes and coins in the drawer by kind. Enter moves to the next box.
till-counted = Counted
till-closed-title = Open the till
till-open-hint = The notes and coins counted at the last close are filled in. Count the drawer and correct what differs.
till-open-hint-kept = The last close kept ₩{ $kept } in the drawer; which notes and coins is not known, so count the drawer and type what you find.
till-recount = Count again
till-open-hint-count = Count the notes and coins in the drawer, each kind, and type them.
till-float = Float
till-open-confirm = Open the till with this
till-opened = Till opened with a { $amount } won float.
till-open-now = Till open
till-cash-in = Put money in
till-cash-out = Take money out
till-print-x = Print X report
till-close = Close the till
till-back = Back to selling
till-in-hint = Type the money going into the drawer and why.
till-out-hint = Type the money taken out and why. A manager approves.
till-amount-placeholder = Amount (won)
till-reason-placeholder = Reason (e.g. change, bank deposit)
till-in-confirm = Put in
till-out-confirm = Take out (manager)
till-out-approval = Take { $amount } won out of the drawer
till-moved = Recorded. The drawer opens.
till-close-title = Close
till-close-hint = Count all the money in the drawer by kind, then press 'Counted'.
till-close-parked = { $count ->
    [one] 1 sale
   *[other] { $count } sales
} on hold ({ $notes }): finish or cancel before closing ▶
till-blind-on = Count without seeing the expected cash ✓
till-blind-off = Count seeing the expected cash
till-counted-confirm = Counted
till-kept-hint = Left in the drawer for the next opening
till-kept-placeholder = Amount kept (won)
till-close-confirm = Close and print the Z report
till-done-title = Till closed
till-done-hint = Z report { $number } is kept and sent to the printer. Thank you for today.
till-no-figures = The figures could not be read.
till-x-title = So far (X)
till-z-title = Z report
till-opened-by = Opened { $time } · { $name } · { $till }
till-counts = { $sales ->
    [one] 1 sale
   *[other] { $sales } sales
} · { $refunds ->
    [one] 1 refund
   *[other] { $refunds } refunds
} · { $voids ->
    [one] 1 void
   *[other] { $voids } voids
} · { $receipts ->
    [one] 1 cash receipt
   *[other] { $receipts } cash receipts
}
pay-undo = Undo payment
status-till-short = Till
today-reprint = Reprint
error-till-not-open = Open the till first. That item was not added.
till-scan-elsewhere = Scan on the selling screen. That item was not added.
till-open-hint-first = This till opens for the first time. Count the money put in the drawer.
report-returned = Taken back by refunds and voids
report-markdowns = Colour markdowns
report-credit-used = Store credit used
report-credit-issued = Store credit issued
report-till-title = { $store } till report { $date }
report-till-none = No till opened that day.
report-till-closed = closed { $time } by { $name }
report-till-still-open = still open
till-audit = Audit log (F8)
audit-everyone = Everyone
audit-back = Back to selling
audit-all = All
audit-voids = Voids
audit-refunds = Refunds
audit-approvals = Approvals
audit-drawer = Drawer without a sale
audit-differences = Till differences
audit-none = Nothing of this kind that day.
audit-hint = Tap an entry to see its receipt or its till report here.
audit-sale-no = Sale { $number }
audit-approved-by = approved by { $name }
audit-difference = Difference { $amount } won
audit-kind-sale = Sale
audit-kind-refund = Refund
audit-kind-void = Void
audit-kind-no-sale = No-sale drawer approved
audit-kind-drawer-retry = Drawer reprint approved
audit-kind-approve-discount = Discount approved
audit-kind-approve-refund = Refund approved
audit-kind-approve-void = Void approved
audit-kind-approve-cash-out = Cash out approved
audit-kind-approval = Manager approval
audit-kind-till-opened = Till opened
audit-kind-till-closed = Till closed
audit-kind-cash-in = Cash in
audit-kind-cash-out = Cash out
audit-kind-drawer-test = Drawer test
audit-kind-cart-cancelled = Sale cancelled
audit-kind-line-removed = Item taken out
audit-kind-parked = Parked
audit-kind-resumed = Parked sale taken up
audit-kind-credit = Store credit issued
audit-kind-signed-in = Signed in
audit-kind-signed-out = Signed out
audit-kind-tagged = Items tagged
audit-showing-sale = Receipt of sale { $number }
audit-showing-session = Till { $till } · opened { $time }
audit-kind-store-created = Store set up
cli-policy = Discount limit { $limit }% (a manager approves above it) · staff and volunteer hold { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
cli-policy-invalid = The discount limit is 0 to 100 (%), the hold 0 to 2160 hours (90 days).
audit-kind-settings = Store policy changed
price-approval-title = { $name } at { $price } won (outside the price guide)
audit-kind-approve-price = Price outside the guide approved
report-correction = Correction ({ $reason })
error-till-not-closed = Only a closed till can be corrected.
till-correct = Correct the last close (manager)
till-correct-title = Correct Z report { $number }
till-correct-hint = For money found after the close, or a count found wrong. The close stays as it was; the correction is recorded on its own.
till-correct-more = More was there (+)
till-correct-less = Less was there (−)
till-correct-reason = Reason (e.g. a note stuck under the drawer)
till-correct-confirm = Correct (manager)
till-correct-approval = Correct Z report { $number } by { $amount } won
till-corrected = Z report { $number } corrected. The difference is now { $difference } won.
audit-kind-till-corrected = Close corrected
audit-kind-approve-correction = Close correction approved
till-credit = Issue store credit
till-credit-hint = Store credit given other than on a refund (e.g. for a damaged item sold). A manager approves; a voucher with its barcode prints.
till-credit-confirm = Issue (manager)
till-credit-approval = Issue { $amount } won of store credit
till-credit-issued = Voucher { $code } for { $amount } won issued. Hand the printed voucher to the customer.
value-channel = donation channel
value-reject-reason = rejection reason
value-out-flow = out-flow kind
channel-walk-in = Walk-in
channel-pickup = Pickup
channel-parcel = Parcel
reject-stained = Stained
reject-damaged = Damaged
reject-not-accepted = Not accepted here
reject-safety = Recall or safety
reject-other = Other
report-donations-title = { $store ->
    [one] 1 donation
   *[other] { $store } donations
} { $date }
report-donations-total = All donations
report-donations-by-channel = By channel
report-donations-by-category = By category
report-donations-rejected = Turned away
report-donations-donors = Donors
report-donation-figures = { $donations ->
    [one] 1 donation
   *[other] { $donations } donations
} · { $count ->
    [one] 1 piece
   *[other] { $count } pieces
} · { $value } won
report-pieces = { $count ->
    [one] 1 piece
   *[other] { $count } pieces
}
report-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
report-donors-new = First time
report-donors-returning = Returning
report-donors-anonymous = Anonymous
report-pull-title = { $store } pull list { $date }
report-pull-none = No colour's tags come off the floor today.
report-pull-week = Taken in the { $week } · { $colour ->
    [one] 1 tag
   *[other] { $colour } tags
}
report-pull-figures = printed { $printed } · sold { $sold } · pulled { $pulled } · left { $left }
export-donor-id = Donor id
export-donor-name = Name
export-donor-phone = Phone
export-year = Year
export-donations = Donations
export-value = Value
export-anonymous = Anonymous (no receipt)
cli-exported-donations = Wrote { $donors ->
    [one] 1 donor
   *[other] { $donors } donors
}' totals to { $path }. { $anonymous ->
    [one] 1 anonymous donation
   *[other] { $anonymous } anonymous donations
} are on the last line.
slip-title = Donation slip
slip-thanks = Thank you for sharing your things.
slip-donor = Donor
slip-phone = Phone
slip-anonymous = Anonymous
slip-channel = Channel
slip-pieces = { $count } pcs
slip-rejected = Not accepted
slip-bags = { $count ->
    [one] 1 bag
   *[other] { $count } bags
}
slip-boxes = { $count ->
    [one] 1 box
   *[other] { $count } boxes
}
slip-packed = Packed in
slip-value = Value
slip-value-changed = (first valued at { $valued } won, changed by a manager)
slip-receipt-later = Head office issues the donation receipt at the end of the year.
slip-no-receipt = Ask us next time if you would like a donation receipt.
keyboard-space = Space
keyboard-shift = ⇧ Shift
keyboard-backspace = ← Delete
keyboard-done = Done
job-tags = Tags { $code } × { $count }
condition-like-new = Like new
condition-good = Good
condition-fair = Fair
error-donation-empty = Count at least one piece accepted or turned away.
error-donation-not-saved = The donation was not saved: { $reason } What was counted is still here.
error-donor-first = Find the donor, add them, or choose anonymous first.
error-donor-name = Type the donor's name.
error-donor-phone = "{ $typed }" is not a phone number. Type it like 010-1234-5678.
error-floor-count = Type the number as digits.
error-merge-same = A donor cannot be merged with themselves.
error-pricing-category = Pick a category first.
error-pricing-description = Type a short description for the item tag.
error-weight = Type the weight in kg (e.g. 3.5).
floor-title = Pull list and stock
floor-hint = Pick a category to pull from the list, or a product below to receive stock.
floor-line = printed { $printed } · sold { $sold } · pulled { $pulled }
floor-left = { $left } left
floor-on-hand = { $count } in stock
floor-pull-title = Pull { $name } · { $colour ->
    [one] 1 tag
   *[other] { $colour } tags
}
floor-pull-hint = Count what came off the floor, pick where it goes, and the weight if known.
floor-pulled = Pull recorded.
floor-receive = Receive
floor-receive-hint = Type how many came in.
floor-receive-title = Receive { $name }
floor-received = { $name } received: { $on_hand } in stock now.
floor-record-pull = Record the pull
floor-record-pull-anyway = Record { $count } anyway
floor-pull-over = The records say { $left } are left, and { $count } is typed. Count again; if it is right, record it anyway with the button below.
floor-nothing-left = Every tag of today's colour is sold or pulled: nothing to pull today.
floor-stock = { $low ->
    [0] Fair-trade stock
   *[other] Fair-trade stock ({ $low } low)
}
out-outlet = Outlet
out-recycling = Recycling
out-upcycling = Upcycling
out-transfer = Other store
intake-who = Who is giving?
intake-search-placeholder = Phone or name (e.g. 010-1234-5678, Minji)
intake-search-hint = Find a donor by phone number or two letters of the name. For someone new, press 'New donor'.
intake-nobody = No such donor. Add them as a new donor or take the donation anonymously.
intake-new-donor = New donor
intake-anonymous-button = Anonymous
intake-anonymous = Anonymous donation
intake-anonymous-hint = Taken without a donation receipt.
intake-change-donor = Other donor
intake-merge = Merge with another donor
intake-merge-title = Merge into whom? (find the donor to keep)
intake-merge-hint = For a person registered twice. Find and pick the donor to keep; a manager approves.
intake-merge-approval = Merge donor { $from } into { $into }
intake-merged = Donors merged; their donations moved with them.
intake-history = { $count ->
    [one] 1 donation
   *[other] { $count } donations
} · { $value } won in all · last { $last }
intake-times = { $count ->
    [one] 1 donation
   *[other] { $count } donations
}
intake-pieces = { $count } pcs
intake-no-phone = no phone
intake-name-placeholder = Name
intake-phone-placeholder = Phone (leave empty if none)
intake-wants-receipt = Wants a receipt
intake-wants-messages = Wants news
intake-save-donor = Add donor
intake-keyboard = ⌨ Hangul keys
intake-keyboard-hide = Hide keys
intake-donor-added = { $name } added as a donor.
intake-unit-hint = { $name }: { $value } won for every { $unit ->
    [one] 1 piece
   *[other] { $unit } pieces
}.
intake-reject-hint = Turned away: one piece of the chosen category
intake-rejected-line = Not accepted · { $reason } · { $what } { $count } pcs
intake-bags = Bags
intake-boxes = Boxes
intake-weight-placeholder = Weight (kg)
intake-note-placeholder = Note (for "other")
intake-other-note = Write why in the note for "other".
intake-value = Value
intake-counts-now = { $accepted ->
    [one] 1 piece
   *[other] { $accepted } pieces
} taken · { $rejected } turned away
intake-take = Take the donation
intake-back = Work menu
intake-taken = Donation taken: { $value } won. The slip is printing.
intake-done = Donation taken
intake-done-counts = { $accepted } pcs accepted · { $rejected } turned away
intake-change-value = Change the value (manager)
intake-value-hint = The amount on the donation receipt. A manager approves.
intake-value-confirm = Change to this
intake-value-empty = Type the new value first (0 if it has none).
intake-value-approval = Donation value { $from } → { $to } won
intake-value-reason = Value changed by a manager
intake-value-changed = Value changed to { $value } won. The slip prints again.
intake-next = Next donation
job-donation-slip = Donation slip
menu-title = What would you like to do?
menu-sell = Sell
menu-sell-hint = The checkout (Esc)
menu-intake = Take donations
menu-intake-hint = Find the donor, count, slip
menu-pricing = Price goods
menu-pricing-hint = Category, condition, price, tags
menu-floor = Pull list & stock
menu-floor-hint = Today's colour to pull, stock in
menu-till = Till
menu-till-hint = Open, cash in/out, X, close (F6)
menu-audit = Audit log
menu-audit-hint = Voids, refunds, approvals (F8)
menu-devices = Devices
menu-devices-hint = Printers, scanner, drawer
pricing-title = Price goods
pricing-hint = Tap a category on the left. Picking a condition fills in the guide price.
pricing-this-week = This week: { $colour } ({ $week })
pricing-colour-full = full price
pricing-colour-off = { $percent }% off
pricing-colour-pull = pull today
pricing-band = Guide range { $low }–{ $high } won (outside: manager)
pricing-band-short = { $name } · { $low }–{ $high } won
pricing-count = { $count }
pricing-price-tags = Price tags
pricing-item-tag = Item tag (valuable)
pricing-price-tags-short = Price tags
pricing-item-tag-short = Item tag
pricing-description-placeholder = Description (e.g. leather bag)
pricing-print = Print { $count ->
    [one] 1 tag
   *[other] { $count } tags
}
pricing-print-item = Print item tag
pricing-printed = Printing { $count ->
    [one] 1 tag
   *[other] { $count } tags
} at { $price } won.
pricing-saving = Recording…
pricing-approval-title = { $name } at { $price } won (guide { $suggested } won)
status-menu = Work menu (F12)
status-menu-short = Menu
checkout-colours = Tag colours today
reject-not-accepted-short = Not taken
reject-safety-short = Safety

## Volunteers
duty-counter = Counter
duty-sorting = Sorting
duty-pricing = Pricing
duty-intake = Intake
report-volunteers-title = { $store } volunteer hours { $range }
report-volunteers-to-confirm = a manager must confirm
report-volunteers-credited = → { $credited } credited
report-volunteers-totals = Totals by person
report-volunteers-total = { $days ->
    [one] 1 day
   *[other] { $days } days
} · { $credited } credited
report-volunteers-all = { $credited } credited
report-volunteers-still-in = Still on shift: { $name } (since { $since })
cli-exported-volunteers = Wrote { $rows } rows ({ $people ->
    [one] 1 volunteer
   *[other] { $people } volunteers
}) to { $path } and each person's total to { $totals }.
cli-exported-volunteers-left-out = Left out { $count ->
    [one] 1 day
   *[other] { $count } days
} waiting for a manager's confirmation. Confirm them, then export again.
cli-export-needs-month = Volunteer hours are exported with --month YYYY-MM.
cli-export-needs-year = Donation totals are exported with --year YYYY.

cli-report-backwards = --to is before --date.
report-total = Total
shift-open = Volunteer shift in/out
shift-back-to-till = Back to the till sign-in
shift-title = Volunteer shift in/out
shift-choose = Tap your name and type your PIN. This does not sign you in to the till.
shift-tile-in = on shift since { $since }
shift-tile-out = not in yet
shift-start-title = { $name }, what are you doing today?
shift-end-title = { $name }, sign out?
shift-end-since = { $duty } since { $since }
shift-pin = Type your PIN
shift-choose-duty = Choose today's duty first.
shift-not-started = { $name }'s shift was not started. Tap the name again, then the duty and the PIN.
shift-started = Welcome, { $name } ({ $duty }). You have given { $total } so far. Thank you!
shift-milestone = You have passed { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} of volunteering. Congratulations!
shift-ended = Goodbye, { $name }. You gave { $worked } today. Thank you!
shift-here = On shift now ({ $count })
shift-here-one = { $name } { $duty } from { $since }
shift-already-in = Already signed in since { $since }.
shift-not-in = There is no shift to sign out of.
shift-not-their-duty = { $duty } is not one of this person's duties. Ask a manager.
shift-ends-before-start = The end is before the start.
shift-no-reason = Say why the times change.
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
menu-volunteers = Volunteers
menu-volunteers-hint = Confirm or fix hours, the roster
volunteers-title = Volunteers
volunteers-waiting = Hours a manager must confirm ({ $count })
volunteers-today = Today
volunteers-none-today = Nobody has signed in for a shift yet today.
volunteers-closed-by-store = no sign-out, closed at closing time
volunteers-roster = Roster ({ $count } active)
volunteers-active = Active
volunteers-inactive = Away
volunteers-hint = Pick a shift on the left to confirm or fix it. Register a new volunteer below.
volunteers-new = New volunteer
volunteers-shift-title = { $name }'s hours
volunteers-shift-day = { $day } · { $duty }
volunteers-start = Start
volunteers-end = End
volunteers-reason = Why (e.g. left at 17:00)
volunteers-confirm = Confirm as it is
volunteers-save-times = Save the new times
volunteers-shift-saved = Saved { $name }'s hours ({ $worked }).
volunteers-bad-time = Type times like 09:30.
volunteers-portal = 1365 member ID (if any)
volunteers-pin = PIN (4 to 8 digits)
volunteers-duties = Duties
volunteers-save = Register
volunteers-added = { $name } is on the roster.
volunteers-need-name = Type the name.
volunteers-bad-phone = Type the phone like 010-1234-5678.
volunteers-need-pin = A PIN has at least 4 digits.
volunteers-need-duty = Choose at least one duty.
volunteers-not-yourself = You cannot set yourself away.
report-sales-title = { $store ->
    [one] 1 sale
   *[other] { $store } sales
} { $range }
report-by-category = By category
report-by-cashier = By cashier
report-production-title = { $store } production and sell-through { $range }
report-production-line = printed { $printed } · sell-through { $through } · sold { $sold } · median { $days ->
    [one] 1 day
   *[other] { $days } days
} · pulled { $pulled }
report-production-total = printed { $printed } · sell-through { $through } · sold { $sold }
report-production-by-person = Tags printed by
report-tags = { $count ->
    [one] 1 tag
   *[other] { $count } tags
}
report-impact-title = { $store } impact { $range }
impact-second-life = Goods given a second life
impact-kept = Kept out of landfill
impact-donations = Donations received
impact-donations-value = { $donations ->
    [one] 1 donation
   *[other] { $donations } donations
} · { $pieces ->
    [one] 1 piece
   *[other] { $pieces } pieces
}
impact-volunteer-hours = Volunteer hours
impact-raised = Money raised
impact-round-up = of which round-up gifts
menu-reports = Reports
menu-reports-hint = Sales, till, donations, volunteers, impact
reports-tab-sales = Sales
reports-tab-till = Till
reports-tab-donations = Donations
reports-tab-production = Production
reports-tab-volunteers = Volunteers
reports-tab-impact = Impact
reports-day = Day
reports-week = Week
reports-month = Month
reports-save-csv = Save CSV
reports-print = Print summary
reports-loading = Loading…
reports-saved = Saved in the reports folder: { $file } (press 'Open reports folder' to see it)
reports-not-saved = Could not save: { $reason }
reports-open-folder = Open reports folder
reports-folder-not-opened = The reports folder could not be opened: { $reason }. The reports are in { $folder }.
sheet-kind = Kind
sheet-item = Item
sheet-count = Count
sheet-amount = Amount (won)
sheet-pieces = Pieces
sheet-value = Value
sheet-yes = Yes
sheet-kind-total = Total
sheet-kind-hour = Hour
sheet-hour = { $hour }:00
sheet-kind-category = Category
sheet-kind-cashier = Cashier
sheet-kind-day = Day
sheet-kind-channel = Channel
sheet-kind-rejection = Turned away
sheet-kind-donors = Donors
reports-printing = Printing the summary.
reports-by-hour = Sales by hour
reports-sell-through = Sell-through by category (of the tags printed in this period, the share sold)
reports-supply-vat = { $class } supply / VAT
reports-hours = { $hours } h
reports-volunteers-waiting = { $count ->
    [one] 1 day
   *[other] { $count } days
} wait for a manager's confirmation. Confirm them under Volunteers.
reports-till-cash = Cash sales by till session
reports-by-day = Sales by day
reports-by-day-person = By day and person

## Report CSV headers saved from the screen
csv-from = From
csv-to = To
csv-kind = Kind
csv-key = Item
csv-count = Count
csv-amount = Amount
csv-till = Till
csv-opened_at = Opened at
csv-opened_by = Opened by
csv-closed_at = Closed at
csv-closed_by = Closed by
csv-float = Float
csv-cash_sales = Cash sales
csv-cash_refunds = Cash refunds
csv-cash_in = Cash in
csv-cash_out = Cash out
csv-expected = Expected
csv-counted = Counted
csv-corrections = Corrections
csv-difference = Difference
csv-z_no = Z number
csv-date = Date
csv-donations = Donations
csv-value = Value
csv-category = Category
csv-printed = Tags printed
csv-sold = Sold
csv-sold_of_printed = Sold of those printed
csv-sell_through_percent = Sell-through (%)
csv-median_days_to_sell = Median days to sell
csv-markdowns = Markdowns
csv-pulled = Pulled
csv-pulled_grams = Pulled (g)
csv-staff = Staff no.
csv-name = Name
csv-start = Start
csv-end = End
csv-worked_minutes = Worked (min)
csv-credited_minutes = Credited (min)
csv-duties = Duties
csv-to_confirm = Needs confirming
csv-figure = Figure
check-day-totals = The kept sales totals (sales_by_day) for { $date } differ from the documents of that day.
check-day-totals-ok = Daily sales totals: the same as the documents
cli-report-no-range = The pull list is for one day: give --date without --to.
volunteers-edit = Change a volunteer
volunteers-pin-keep = New PIN (leave empty to keep it)
volunteers-changed = Changed { $name }.
volunteers-save-changes = Save the changes
intake-edit-donor = Edit details
intake-donor-changed = Changed { $name }.

## Sync with head office
sync-unreachable = Cannot reach head office ({ $central }): { $reason }. Check the network and try again; every record is still on this computer.
sync-trouble-refused = nothing answers at that address
sync-trouble-timeout = head office did not answer in time
sync-trouble-host = the address was not found
sync-trouble-cut = the connection broke off
sync-trouble-tls = a secure (HTTPS) connection could not be made
sync-unauthorized = Head office did not accept this store's token. Ask head office for a new one; every record is still here.
sync-refused = Head office refused the records: { $message }
sync-central-unavailable = Head office cannot take records right now. Try again in a while; the records stay on this computer.
sync-central-conflict = Head office refused this store's records: they do not match what it holds (another store's token, or a changed file). Please call head office; the records stay as they are.
sync-central-malformed = Head office could not read the records sent. Update Nanum and call head office; the records stay as they are.
sync-behind = Head office holds { $theirs ->
    [one] 1 record
   *[other] { $theirs } records
} for this store but this file has only { $ours }: it may be an older backup. Call head office.
sync-diverged = Head office's record { $seq } differs from this file's: the file may have been replaced. Call head office.
sync-done = Synced: { $uploaded ->
    [one] 1 record
   *[other] { $uploaded } records
} sent; head office holds up to record { $acked }.
sync-reference-applied = Applied head office's reference data, version { $version }.
sync-staff-news = Head office changed these people; its word stands:
staff-news-added = { $name } was added as { $role }.
staff-news-renamed = { $name } was renamed (was { $from }).
staff-news-role = { $name } went from { $from } to { $to }.
staff-news-active = { $name } can sign in again.
staff-news-inactive = { $name } is marked as left and can no longer sign in.
staff-news-new-pin = { $name } has a new PIN.
staff-news-no-pin = { $name } has no PIN at this till yet: give them one in Staff.
sync-no-central = No head office address: give --central URL or set central under [sync] in the settings file.
sync-not-joined = This store is not connected to head office. Ask head office's IT to connect it.
sync-no-token = Cannot read the token file ({ $path }): { $reason }
sync-status-unsynced = { $count } to send
sync-status-never = never synced
sync-status-last = last sync { $time }
sync-button = Sync with head office
sync-running = Syncing with head office… { $sent }/{ $total }
sync-retrying = Reaching head office again (try { $attempt })…
sync-reference = Getting head office's reference data…

## Backup and restore
cli-backup-done = Backed up to { $path }
cli-backup-already = Today's backup is there already: { $path }
cli-backup-pruned = Removed { $count } old backups.
cli-restore-done-new = Restored the store from { $path }.
cli-restore-folder = { $path } is a folder. Choose the backup file (.db) in it. Nothing was changed.
cli-restore-no-file = There is no file at { $path }. Check the backup's path. Nothing was changed.
cli-restore-bad-backup = { $path } is not a store backup that can be restored: { $reason }
cli-restore-warning = Careful: this store file holds { $unsynced ->
    [one] 1 record
   *[other] { $unsynced } records
} head office has not received, { $missing } of them not in the backup. Restoring leaves them only in the replaced file, never sent to head office.
cli-restore-needs-manager = A manager must agree to this restore: give --manager NAME and type the PIN. Nothing was changed.
cli-restore-done = Restored from { $path }. The file it replaced is kept at { $kept }.

## First run (setting up a store)
setup-title = Welcome to Nanum POS
setup-intro = This till has no store yet. How would you like to start?
setup-new = Set up a new store
setup-new-detail = For a store on its own, without head office. Enter the store's details and its first manager.
setup-demo = Demo store
setup-demo-detail = A made-up store with practice sales. Not for real trading.
setup-store = The store
setup-code = Store code (3 digits)
setup-name = Store name
setup-business-no = Business registration number
setup-representative = Representative (optional)
setup-address = Address (optional)
setup-phone = Phone (optional)
setup-footer = Line at the foot of receipts (optional)
setup-manager-title = First manager
setup-manager = Name
setup-pin = PIN (4 to 8 digits)
setup-pin-again = PIN again
setup-defaults = Categories, price guide, tax classes and tag colours start from Nanum's defaults; head office's replace them once the store is connected.
setup-back = Back
setup-create = Make the store
setup-making = Making the store…
setup-making-demo = Making the demo store…
setup-pins-differ = The two PINs differ. Type "PIN again" once more.
setup-error-code = The store code is three digits, 001 to 999.
setup-error-name = Enter the store's name (up to 40 characters).
setup-error-business-no-length = A business registration number has 10 digits; this has { $found }.
setup-error-business-no-check = The business registration number does not check out: a digit seems mistyped.
setup-error-phone = Check the phone number: { $phone }
setup-error-manager = Enter the first manager's name.
setup-error-pin = A PIN is 4 to 8 digits.
setup-join = Join head office
setup-join-detail = Start with the address and store token from head office. Categories, prices and staff come from head office.
setup-central = Head office's address
setup-token = Store token
setup-find-token = Find on USB
setup-token-hint = Paste the token (Ctrl+V), or read it from the token file on a USB stick.
setup-token-from = Read from { $path }
setup-no-token-found = No token file was found on a USB stick. Check that it is plugged in, or paste the token.
setup-join-needs = Enter both head office's address and the store token.
setup-join-go = Connect
setup-joining = Connecting to head office…

## Store settings
menu-settings = Store settings
menu-settings-hint = Details, receipts, closing time, discount limit
settings-title = Store settings
settings-store = The store (printed on receipts)
settings-rules = How the store runs
settings-name = Store name
settings-business-no = Business registration number
settings-representative = Representative
settings-address = Address
settings-phone = Phone
settings-footer = Line at the foot of receipts
settings-closing-time = Closing time (e.g. 20:00)
settings-discount-limit = Discount without a manager (%)
settings-hold-hours = Staff purchase hold (hours)
settings-price-band = Price guide band (±%)
settings-low-stock = Low stock at (pieces)
settings-language = Screen language
settings-code = The store code { $code } is part of every receipt number, so it cannot be changed here.
settings-back = Work menu
settings-save = Save
settings-saved = Saved. Changed: { $fields }
settings-unchanged = Nothing changed.
settings-not-valid = Check the value of '{ $field }'.
settings-bad-name = Enter the store's name (up to 40 characters).
settings-bad-phone = Check the phone number.
settings-bad-percent = The discount limit and the price band are 0 to 100.
settings-bad-hold = The purchase hold is 0 to 2,160 hours (90 days).
settings-bad-low-stock = The low-stock level is 0 or more.

## Staff
staff-title = Staff
staff-hint = Choose someone to change their role or PIN, or to mark that they left. Volunteers are kept under Volunteers.
staff-new = Add a person
staff-name = Name
staff-pin-by-person = The person types their PIN (4 to 8 digits) themselves, twice.
staff-add = Add
staff-reset-pin = Change to the new PIN
staff-leave = Mark as left (no sign-in)
staff-return = Let them work again
staff-inactive = left
staff-to-settings = Store settings
staff-added = Added { $name } as { $role }.
staff-pin-reset = { $name }'s PIN is changed.
staff-role-set = { $name } is now { $role }.
staff-left = { $name } is marked as left and can no longer sign in.
staff-back = { $name } can sign in again.
staff-error-not-manager = Only a manager keeps the staff list.
staff-error-name = Enter a name.
staff-error-volunteer = Volunteers are kept under Volunteers.
staff-error-last-manager = The store needs at least one working manager. Add another manager first.
staff-error-not-found = That person is not on the list. Open the screen again.
