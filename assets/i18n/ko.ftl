# Nanum — 한국어 (기본 언어)
# 화면은 해요체로, 영수증은 표준 POS 용어로 써요.

app-title = 나눔 POS
won = { $amount }원

## 요일
weekday-mon = 월
weekday-tue = 화
weekday-wed = 수
weekday-thu = 목
weekday-fri = 금
weekday-sat = 토
weekday-sun = 일

## 영수증 (항상 한국어)
receipt-reprint = [재발행]
receipt-sold-at = 거래일시
receipt-sale-no = 거래번호
receipt-cashier = 계산원
receipt-item = 상품명
receipt-amount = 금액
receipt-total = 합계
receipt-supply = 공급가액
receipt-vat = 부가세
receipt-supply-rate = 공급가액({ $rate }%)
receipt-vat-rate = 부가세({ $rate }%)
receipt-exempt = 면세물품가액
receipt-cash-tendered = 받은 금액(현금)
receipt-card = 카드 결제
receipt-change = 거스름돈
receipt-markdown = 정가 { $list } · { $weeks }주 경과 { $percent }% 할인
receipt-thanks = 나눔가게를 이용해 주셔서 감사합니다.
receipt-charity = 수익금은 모두 이웃과 나누는 데 쓰입니다.
receipt-business-no = 사업자 { $number }
receipt-phone = 전화 { $number }

## 역할
role-manager = 매니저
role-cashier = 계산원
role-volunteer = 활동천사

## 로그인
login-title = 누가 일하나요?
login-choose = 이름을 눌러 주세요
login-pin-for = { $name }님, PIN을 입력해 주세요
login-pin-placeholder = PIN 4자리
login-ok = 확인
login-back = 다른 사람
login-wrong-pin = PIN이 맞지 않아요. { $left }번 더 틀리면 { $lock } 동안 잠겨요.
login-locked = PIN을 5번 틀려서 잠겼어요. { $time } 뒤에 다시 해 주세요.
login-demo-hint = 체험용 매장이에요. PIN: 매니저 1234 · 계산원 2222 · 활동천사 3333

## 상태 표시줄
status-on-duty = 근무: { $name } ({ $role })
status-sign-out = 로그아웃
status-language = English
status-demo = 체험용

## 계산 화면
checkout-scan-placeholder = 바코드를 스캔하거나 입력하고 Enter를 누르세요
checkout-scan-short = 바코드를 스캔하거나 입력하세요
checkout-empty = 상품을 스캔하거나 아래 분류 버튼을 눌러 주세요.
checkout-remove = 빼기
checkout-total = 합계
checkout-items = { $count }개
checkout-supply = 공급가액
checkout-vat = 부가세
checkout-exempt = 면세
checkout-pay-cash = 현금 결제
checkout-pay-card = 카드 결제
checkout-cancel-sale = 전체 취소
checkout-added = { $name } { $price }원을 담았어요.
checkout-removed = { $name }{ JOSA($name, "을") } 뺐어요.
checkout-markdown = 정가 { $list }원 · { $weeks }주 경과 { $percent }% 할인
checkout-pull-short = 매장에서 뺄 물건
checkout-by-key = 분류 버튼
checkout-quantity = { $price }원 × { $quantity }
checkout-demo-codes = 체험용 바코드: { $codes }

## 가격 입력 (분류 버튼)
price-title = { $category } 가격을 입력하세요
price-placeholder = 가격 (원)
price-add = 담기
price-cancel = 취소
price-guide = 가격 안내

## 결제
pay-cash-title = 현금 결제
pay-card-title = 카드 결제
pay-due = 받을 금액
pay-tendered = 받은 금액
pay-tendered-placeholder = 받은 금액 (원)
pay-exact = 딱 맞게
pay-confirm = 결제 완료
pay-back = 돌아가기
pay-card-confirm = 카드 단말기에서 승인됐어요
pay-card-hint = 카드 단말기에 { $amount }원을 입력하고 승인되면 아래 버튼을 눌러 주세요.
pay-change = 거스름돈
pay-done = 결제가 끝났어요
pay-sale-no = 거래번호 { $number }
pay-new-sale = 새 판매 (Enter)
pay-printed = 영수증을 출력했어요.
pay-print-failed = 영수증이 인쇄되지 않았어요: { $reason } 판매는 저장됐어요.

## 오류 메시지
error-code-empty = 읽힌 바코드가 없어요.
error-code-unknown = "{ $code }"{ JOSA($code, "은") } 나눔 택이나 상품 바코드가 아니에요.
error-code-length = { $kind } 바코드는 { $expected }자리인데 { $found }자리가 읽혔어요. 다시 스캔해 주세요.
error-code-digits = { $kind } 바코드에 숫자가 아닌 글자가 있어요. 다시 스캔해 주세요.
error-code-check = { $kind } 바코드의 검증 숫자가 맞지 않아요. 잘못 읽혔거나 잘못 입력됐어요.
error-code-week = 택의 입고 주({ $week })가 달력에 없어요.
error-code-date = 영수증 날짜({ $date })가 달력에 없어요.
error-code-zero = 택의 가격이 0원이에요.
error-unknown-category = { $code }번 분류가 없어요. 매니저에게 알려 주세요.
error-unknown-item = 개별 택 { $code }{ JOSA($code, "이") } 이 매장 기록에 없어요.
error-already-sold = { $code } 물건은 이미 팔렸어요.
error-other-store = { $code }{ JOSA($code, "은") } 다른 매장({ $store })의 택이에요.
error-unknown-product = 바코드 { $code } 상품이 등록돼 있지 않아요.
error-receipt-scanned = 영수증 바코드예요. 상품 택을 스캔해 주세요.
error-already-in-sale = 이 물건은 이미 담았어요.
error-zero-price = 가격은 0원보다 커야 해요.
error-not-a-price = "{ $input }"{ JOSA($input, "은") } 가격이 아니에요. 숫자만 입력해 주세요.
error-price-too-high = 가격이 너무 커요. 다시 확인해 주세요.
error-not-enough = { $short }원이 모자라요.
error-empty-sale = 담긴 상품이 없어요.
error-disk-full = 저장 공간이 가득 찼어요. 아무것도 저장되지 않았어요. 매니저에게 알려 주세요.
error-db-busy = 데이터베이스를 다른 프로그램이 쓰고 있어요. 잠시 뒤에 다시 해 주세요.
error-db-exists = { $path } 파일이 이미 있어요. 다른 경로를 골라 주세요.
error-db-too-new = { $path }{ JOSA($path, "은") } 더 새 버전의 나눔에서 만든 파일이에요 (스키마 { $found }, 이 프로그램은 { $supported }까지). 새 버전을 설치해 주세요. 파일은 그대로 두었어요.
error-db-not-a-store = { $path }{ JOSA($path, "은") } 나눔 매장 데이터베이스가 아니에요.
error-db-open = { $path }{ JOSA($path, "을") } 열지 못했어요. { $reason }
error-store = 저장하지 못했어요. { $reason }

code-kind-price-tag = 가격 택
code-kind-item-tag = 개별 택
code-kind-ean13 = 상품
code-kind-receipt = 영수증

## 보고서
report-daily-title = { $store } 일일 매출 { $date }
report-sales = 판매 건수
report-items = 판매 수량
report-gross = 매출 합계
report-class-gross = { $class } 매출
report-class-supply = { $class } 공급가액
report-class-vat = { $class } 부가세
report-cash = 현금
report-card = 카드

## nanum check
check-integrity-ok = 데이터베이스 파일: 정상
check-integrity-problem = 데이터베이스 파일 문제: { $problem }
check-chain-ok = 기록(저널): { $events }건, 연결 정상
check-chain-broken = 기록(저널) { $seq }번이 앞 기록과 이어지지 않아요.
check-failed = 검사에서 문제가 나왔어요. 매니저나 본부에 알려 주세요.

## nanum price
tax-exempt = 면세
tax-rate = 과세 { $rate }%
price-explain-item = { $name } · 분류 { $category } · { $class }
price-explain-intake = 입고 { $week } ({ $colour } 택)
price-explain-list = 택 가격: { $price }원
price-explain-full = { $date } 기준 { $weeks }주 경과: 할인 없음
price-explain-markdown = { $date } 기준 { $weeks }주 경과: { $percent }% 할인
price-explain-pull = { $date } 기준 { $weeks }주 경과: { $percent }% 할인, 매장에서 뺄 물건이에요
price-explain-charge = 판매가: { $price }원

## 명령줄
cli-no-db = { $path }에 매장 데이터베이스가 없어요. 새로 만들려면: nanum demo --db 경로
cli-no-sale = { $date }에 { $number }번 거래가 없어요.
cli-cannot-write = { $path }에 쓰지 못했어요: { $reason }
cli-demo-needs-db = demo 명령에는 새 데이터베이스 경로(--db 경로)가 필요해요.
cli-demo-made = { $path }: { $days }일, 판매 { $sales }건, { $gross }원, 개별 택 { $items }개
cli-no-window = 창을 열지 못했어요: { $reason }

## 가격택, 시험 인쇄
tag-colour = { $colour } 택
selftest-title = 프린터 시험 인쇄
selftest-printer = 프린터
selftest-width = 용지 폭
selftest-columns = { $columns }칸
selftest-time = 시각
selftest-pangram = 다람쥐 헌 쳇바퀴에 타고파
selftest-symbols = 가나다 ABC abc 123 ₩ · × ← ※
selftest-left = 왼쪽 정렬
selftest-right = 오른쪽 정렬
selftest-end = 시험 인쇄 끝

## 인쇄, 돈통
job-receipt = 영수증 { $number }
job-reprint = 영수증 { $number } 재발행
job-drawer = 돈통 열기
job-test = 시험 인쇄
job-tag = 가격택 { $code }
pay-printing = 영수증을 인쇄하고 있어요…
pay-print-retry = 다시 인쇄
pay-reprint = 영수증 재발행
nosale-button = 돈통 열기
nosale-title = 판매 없이 돈통 열기
nosale-opened = 돈통을 열었어요. 기록에 남겼어요.
error-not-a-manager = 매니저만 승인할 수 있어요.
printer-paper-out = 프린터에 용지가 없어요. 용지를 넣고 다시 인쇄해 주세요.
printer-cover-open = 프린터 덮개가 열려 있어요. 닫고 다시 인쇄해 주세요.
printer-offline = 프린터가 준비되지 않았어요.
printer-no-answer = 프린터가 응답하지 않아요. 전원과 케이블을 확인해 주세요.
printer-unreachable = 프린터에 연결할 수 없어요 ({ $reason }). 전원과 케이블을 확인해 주세요.
printer-interrupted = 인쇄 중에 프린터 연결이 끊겼어요 ({ $reason }).
login-scan-first = 바코드가 읽혔어요. 먼저 로그인해 주세요.

## 상태 표시줄 (기기)
status-scanner-ok = 스캐너 연결됨
status-scanner-down = 스캐너 연결 끊김
status-print-failed = 인쇄 실패 { $count }건
status-printing = 인쇄 대기 { $count }건
status-devices = 기기 설정
jobs-title = 인쇄 작업
jobs-waiting = 인쇄를 기다리고 있어요
jobs-dismiss = 지우기

## 기기 설정
devices-printer = 영수증 프린터
devices-connection = 연결 방식
devices-conn-file = 파일 (프린터 없음)
devices-conn-serial = 시리얼 (RS-232, USB 변환)
devices-conn-usb = USB 프린터
devices-conn-tcp = 네트워크 (TCP 9100)
devices-port = 포트/주소
devices-file-placeholder = 비워 두면 데이터 폴더의 printer-output.bin
devices-found-ports = 찾은 포트
devices-pick-port = 목록에서 고르기
devices-rescan = 다시 찾기
devices-baud = 속도 (baud)
devices-flow = 흐름 제어
devices-flow-none = 없음
devices-ask-status = 인쇄 전후에 프린터 상태 확인 (용지, 덮개)
devices-paper-width = 용지 폭
devices-paper = { $mm }mm ({ $columns }칸)
devices-drawer = 돈통
devices-pin = { $pin }번 핀
devices-labels = 가격택 프린터
devices-labels-placeholder = 비워 두면 영수증 프린터로 인쇄
devices-zpl = 라벨 프린터 (ZPL)
devices-scanner = 바코드 스캐너 (시리얼)
devices-scanner-hint = 키보드처럼 연결하는 스캐너는 설정이 필요 없어요. 포트를 비워 두세요.
devices-suffix = 끝 문자
devices-suffix-none = 없음 (잠시 멈추면 끝)
devices-stx-etx = STX/ETX로 감싸서 보냄
devices-debounce = 중복 읽기 무시
devices-scan-now = 지금 아무 바코드나 스캔해 보세요. (설정을 바꿨다면 먼저 저장하세요)
devices-raw = 받은 바이트: { $bytes }
devices-last-scan = 읽은 바코드: { $code }
devices-dropped = 버린 읽기: { $reason }
devices-save = 저장
devices-saved = 저장했어요. 바로 적용돼요.
devices-test-print = 시험 인쇄
devices-test-tag = 가격택 시험 인쇄
devices-open-drawer = 돈통 열기
devices-close = 닫기
devices-testing = 프린터로 보내고 있어요…
devices-test-ok = 시험 인쇄를 보냈어요. 종이를 확인해 주세요.
devices-bad-pulse = 돈통 펄스는 10~500ms 사이로 입력해 주세요.
devices-bad-debounce = 중복 읽기 시간은 0~5000ms 사이로 입력해 주세요.
devices-sample-tag = 시험 택
cli-printed = { $printer }{ JOSA($printer, "으로") } 보냈어요.
cli-no-port = 포트 { $port }{ JOSA($port, "을") } 열 수 없어요: { $reason }
cli-scanner-lost = 스캐너 연결이 끊겼어요: { $reason } (다시 연결되면 이어서 읽어요)
cli-scanner-back = 스캐너가 다시 연결됐어요.
pay-show-receipt = 영수증 보기
pay-hide-receipt = 상품 목록 보기
preview-drawer = [돈통 열림]
status-paper-low = 영수증 용지가 얼마 남지 않았어요

## 매니저 승인
approval-hint = 매니저가 PIN을 입력해야 해요. 누가 요청하고 누가 승인했는지 기록돼요.
approval-no-manager = 등록된 매니저가 없어요. 본부에 알려 주세요.
approval-pin-for = { $name } 매니저님 PIN
approval-checking = PIN을 확인하고 있어요…
approval-cancel = 돌아가기
approval-confirm = 승인
jobs-approve-title = "{ $title }" 다시 인쇄 (돈통이 열려요)
jobs-retry-manager = 다시 인쇄 (매니저 승인)
jobs-sign-in-for-drawer = 돈통을 여는 영수증은 로그인한 뒤 매니저 승인을 받아야 다시 인쇄할 수 있어요.
jobs-close = 닫기
printer-restarted = 인쇄하기 전에 계산대가 다시 시작됐어요.

## 전체 취소, 로그아웃, 남은 판매
cancel-title = 이 판매를 모두 취소할까요?
cancel-hint = 담긴 상품 { $count }개, 합계 { $total }원이 모두 빠져요. 취소한 내용은 기록에 남아요.
cancel-confirm = 전체 취소
cancel-keep = 돌아가기
checkout-cancelled = 판매를 취소했어요 (상품 { $count }개). 기록에 남겼어요.
signout-title = 계산 중인 상품이 있어요
signout-hint = 담긴 상품 { $count }개, 합계 { $total }원이 있어요. 어떻게 할까요?
signout-keep = 보관하고 로그아웃 (이 계산대에서 다음에 이어서 계산)
signout-cancel = 판매를 취소하고 로그아웃
left-title = 계산하던 판매가 남아 있어요
left-hint = { $name }님이 { $time }에 계산하던 상품 { $count }개예요. 이어서 계산할까요?
left-resume = 이어서 계산하기
left-discard = 취소하고 새로 시작
checkout-resumed = 남아 있던 상품 { $count }개를 다시 불러왔어요.
checkout-scan-held = 창이 열려 있어서 스캔한 상품 { $count }개는 창을 닫으면 담을게요.
checkout-more-keys = 다음 ▶ ({ $page }/{ $pages })
error-cart-not-saved = 계산 중인 상품을 저장하지 못했어요. 화면의 상품은 그대로 있어요. { $reason }
error-sale-not-saved = 판매를 저장하지 못했어요. 담긴 상품은 그대로 있으니 다시 결제해 주세요. { $reason }
error-one-of-a-kind = 하나뿐인 물건이라 수량을 바꿀 수 없어요.
error-quantity = 수량은 1부터 { $max }까지예요.
error-no-line = 그 상품이 이미 빠졌어요.
error-preview = 영수증을 화면에 보여 주지 못했어요.
pay-saving = 판매를 저장하고 있어요…
pay-short-label = 모자라요
pay-keys-cash = Enter 결제 · Esc 돌아가기
login-checking = PIN을 확인하고 있어요…
login-unknown = 이 직원은 더 이상 로그인할 수 없어요. 매니저에게 물어보세요.

## 오늘 판매
today-button = 오늘 판매 (F7)
today-title = 오늘 판매
today-hint = 거래번호나 금액으로 찾고, 누르면 영수증을 재발행해요.
today-placeholder = 거래번호 또는 금액
today-none = 찾는 판매가 없어요.
today-cash = 현금
today-card = 카드
today-mixed = 현금+카드

## 시간
duration-seconds = { $seconds }초
duration-minutes = { $minutes }분
duration-minutes-seconds = { $minutes }분 { $seconds }초

## 저장 오류 (SQLite, 파일)
error-db-missing = { $path }에 매장 데이터베이스가 없어요.
error-db-read-only = { $path }에 쓸 수 없어요. 파일이나 폴더의 권한을 확인해 주세요. 파일은 그대로 두었어요.
error-db-no-wal = { $path }{ JOSA($path, "은") } 이 폴더에서 안전하게 쓸 수 없어요 (WAL 모드를 켤 수 없어요). 다른 폴더로 옮겨 주세요.
error-db-migration = 데이터베이스를 새 버전에 맞게 바꾸지 못했어요. 파일은 바뀌지 않았어요. 본부에 알려 주세요.
error-db-unknown-value = 저장된 { $what } 값 "{ $value }"{ JOSA($value, "을") } 이 버전은 알지 못해요. 본부에 알려 주세요.
error-store-invalid = 저장된 기록에 맞지 않는 내용이 있어서 멈췄어요. 매니저나 본부에 알려 주세요.
error-writer-stopped = 저장을 맡은 부분이 멈췄어요. 나눔을 다시 시작해 주세요. 저장된 판매는 그대로 있어요.
sqlite-disk-full = 저장 공간이 가득 찼어요.
sqlite-read-only = 파일에 쓸 권한이 없어요.
sqlite-cannot-open = 파일을 열 수 없어요. 경로와 폴더를 확인해 주세요.
sqlite-corrupt = 파일이 손상됐어요. 백업에서 복원해야 해요.
sqlite-io = 디스크를 읽거나 쓰지 못했어요.
sqlite-busy = 다른 프로그램이 데이터베이스를 쓰고 있어요.
sqlite-constraint = 저장하려는 내용이 기록 규칙에 맞지 않아요.
sqlite-other = 데이터베이스 오류가 났어요.
cause-not-found = 장치를 찾을 수 없어요. 연결과 경로를 확인해 주세요
cause-permission = 장치를 쓸 권한이 없어요
cause-busy = 다른 프로그램이 장치를 쓰고 있어요
cause-refused = 그 주소에서 응답이 없어요
cause-timed-out = 응답을 기다리다 시간이 지났어요
cause-closed = 연결이 끊겼어요
cause-no-address = 주소를 찾을 수 없어요
cause-other = 장치 오류가 났어요
config-read = 설정 파일 { $path }{ JOSA($path, "을") } 읽지 못했어요: { $reason }
config-parse = 설정 파일 { $path }의 { $line }번째 줄이 잘못됐어요. 기본 설정으로 열었어요.
config-write = 설정 파일 { $path }에 저장하지 못했어요: { $reason }
printer-spec-unknown = "{ $spec }"{ JOSA($spec, "은") } 프린터 설정이 아니에요. serial:경로, usb:경로, tcp:주소 또는 file:경로로 적어 주세요.
printer-spec-no-path = "{ $spec }"에 경로나 주소가 없어요.
printer-spec-option = "{ $spec }"의 "{ $option }"{ JOSA($option, "을") } 알 수 없어요.
cli-output-failed = 결과를 쓰지 못했어요: { $reason }
cli-render-failed = 인쇄할 내용을 만들지 못했어요.
devices-finding-ports = 포트를 찾고 있어요…
devices-dropped-noise = 잡음
devices-dropped-too-long = 너무 긴 코드
devices-dropped-incomplete = 끝나지 않은 코드
devices-dropped-outside = STX/ETX 밖의 바이트

## nanum check (판매와 기록 대조)
check-chain-altered = 기록(저널) { $seq }번이 쓰인 뒤에 바뀌었어요.
check-chain-gap = 기록(저널) { $seq }번이 없어요.
check-sales-ok = 판매 { $sales }건: 모두 기록과 같아요
check-sale-differs = 판매 { $date } #{ $number }의 { $what }{ JOSA($what, "이") } 기록(저널 { $seq }번)과 달라요.
check-sale-unjournaled = 판매 { $date } #{ $number }에 해당하는 기록이 없어요.
check-sale-missing = 기록(저널 { $seq }번)에 있는 판매 { $uuid }{ JOSA($uuid, "이") } 데이터베이스에 없어요.
check-sale-unreadable = 기록(저널 { $seq }번)의 판매를 읽을 수 없어요.
check-part-lines = 상품 줄
check-part-vat = 부가세 내역
check-part-tenders = 결제 내역
check-part-total = 합계
check-part-header = 날짜·번호·계산원
value-role = 직원 역할
value-condition = 물건 상태
value-line-kind = 상품 종류
value-tender-kind = 결제 수단
value-percentage = 비율
value-time = 시각
value-date = 날짜
value-number = 숫자
