# Nanum — English

app-title = Nanum POS
won = ₩{ $amount }

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
receipt-markdown = was { $list } · { $weeks } weeks on floor, { $percent }% off
receipt-thanks = Thank you for shopping at Nanum.
receipt-charity = Every won of profit goes to our neighbours.
receipt-business-no = Business no. { $number }
receipt-phone = Tel { $number }

## Roles
role-manager = Manager
role-cashier = Cashier
role-volunteer = Volunteer

## Login
login-title = Who is working?
login-choose = Tap your name
login-pin-for = { $name }, enter your PIN
login-pin-placeholder = 4-digit PIN
login-ok = OK
login-back = Someone else
login-wrong-pin = Wrong PIN. { $left ->
    [one] One more wrong PIN locks you out for { $lock }.
   *[other] { $left } more wrong PINs lock you out for { $lock }.
}
login-locked = Locked after 5 wrong PINs. Try again in { $time }.
login-demo-hint = This is a demo store. PINs: manager 1234 · cashier 2222 · volunteer 3333

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
checkout-markdown = was ₩{ $list } · { $weeks } weeks on floor, { $percent }% off
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
pay-tendered-placeholder = Cash received (won)
pay-exact = Exact
pay-confirm = Complete sale
pay-back = Back
pay-card-confirm = Approved on the card terminal
pay-card-hint = Enter ₩{ $amount } on the card terminal, then press the button below once it is approved.
pay-change = Change
pay-done = Sale complete
pay-sale-no = Sale no. { $number }
pay-new-sale = New sale (Enter)
pay-printed = Receipt printed.
pay-print-failed = The receipt did not print: { $reason } The sale is saved.

## Errors
error-code-empty = Nothing was scanned.
error-code-unknown = "{ $code }" is not a Nanum tag or a product barcode.
error-code-length = A { $kind } barcode has { $expected } characters; { $found } were read. Please scan again.
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
error-not-enough = ₩{ $short } short.
error-empty-sale = The sale has nothing in it.
error-disk-full = The disk is full. Nothing was saved. Please tell a manager.
error-db-busy = Another program is using the database. Please try again in a moment.
error-db-exists = { $path } already exists. Please choose another path.
error-db-too-new = { $path } was made by a newer version of Nanum (schema { $found }; this version knows up to { $supported }). Please install the newer version; the file was left as it is.
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
report-items = Items sold
report-gross = Gross sales
report-class-gross = { $class } sales
report-class-supply = { $class } supply value
report-class-vat = { $class } VAT
report-cash = Cash
report-card = Card

## nanum check
check-integrity-ok = Database file: OK
check-integrity-problem = Database file problem: { $problem }
check-chain-ok = Journal: { $events } events, chain intact
check-chain-broken = Journal event { $seq } does not follow the event before it.
check-failed = The check found problems. Please tell a manager or head office.

## nanum price
tax-exempt = tax-exempt
tax-rate = { $rate }% VAT
price-explain-item = { $name } · category { $category } · { $class }
price-explain-intake = Taken in { $week } ({ $colour } tag)
price-explain-list = Tag price: ₩{ $price }
price-explain-full = On { $date }, { $weeks } weeks on the floor: no markdown
price-explain-markdown = On { $date }, { $weeks } weeks on the floor: { $percent }% off
price-explain-pull = On { $date }, { $weeks } weeks on the floor: { $percent }% off, and take it off the floor
price-explain-charge = Charge: ₩{ $price }

## Command line
cli-no-db = There is no store database at { $path }. To make one: nanum demo --db PATH
cli-no-sale = There is no sale { $number } on { $date }.
cli-cannot-write = Cannot write { $path }: { $reason }
cli-demo-needs-db = The demo command needs a path for the new database (--db PATH).
cli-demo-made = { $path }: { $days } days, { $sales } sales, ₩{ $gross }, { $items } unique items tagged
cli-no-window = Cannot open the window: { $reason }

## Tags, test page
tag-colour = { $colour } tag
selftest-title = Printer test page
selftest-printer = Printer
selftest-width = Paper width
selftest-columns = { $columns } columns
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
devices-paper = { $mm } mm ({ $columns } columns)
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
preview-drawer = [drawer opens]
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
cancel-hint = All { $count } items (₩{ $total }) come out. The cancellation is recorded.
cancel-confirm = Cancel sale
cancel-keep = Back
checkout-cancelled = Sale cancelled ({ $count } items). This was recorded.
signout-title = There are items in the sale
signout-hint = { $count } items, ₩{ $total }. What should happen to them?
signout-keep = Keep it and sign out (continue it next time on this till)
signout-cancel = Cancel the sale and sign out
left-title = A sale was left open
left-hint = { $name } was ringing up { $count } items at { $time }. Continue with it?
left-resume = Continue this sale
left-discard = Cancel it and start afresh
checkout-resumed = The { $count } items left open are back.
checkout-scan-held = A panel is open: the { $count } scanned items go in when it closes.
checkout-more-keys = More ▶ ({ $page }/{ $pages })
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
today-hint = Find a sale by its number or amount; tap it to reprint the receipt.
today-placeholder = Sale number or amount
today-none = No sale matches.
today-cash = Cash
today-card = Card
today-mixed = Cash + card

## Durations
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-minutes-seconds = { $minutes } min { $seconds } s

## Storage errors (SQLite, files)
error-db-missing = There is no store database at { $path }.
error-db-read-only = { $path } cannot be written. Please check the file's and folder's permissions. The file was left as it is.
error-db-no-wal = { $path } cannot be used safely in this folder (write-ahead logging cannot be turned on). Please move it to another folder.
error-db-migration = The database could not be updated for this version. The file was not changed. Please tell head office.
error-db-unknown-value = This version does not know the stored { $what } "{ $value }". Please tell head office.
error-store-invalid = Something stored does not fit the records, so Nanum stopped. Please tell a manager or head office.
error-writer-stopped = The part of Nanum that saves has stopped. Please restart Nanum; saved sales are safe.
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
check-sales-ok = { $sales } sales: all match the journal
check-sale-differs = Sale { $date } #{ $number }: its { $what } differ from the journal (event { $seq }).
check-sale-unjournaled = Sale { $date } #{ $number } has no journal event.
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
