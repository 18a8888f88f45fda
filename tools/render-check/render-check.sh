#!/usr/bin/env bash
# render-check: open the consolidated plan in real programs and check what they show (issue 4).
#
#   tools/render-check/render-check.sh [OUT_DIR]
#
# 1. Consolidates samples/ for 2017 into OUT_DIR (default: .build/render-check).
# 2. Headless Chromium (Debian's) screenshots plan-2017.html and prints it to PDF.
# 3. LibreOffice (headless) converts plan-2017.xml to PDF and every sheet to CSV.
# 4. pdftoppm renders the first page of each PDF to PNG, so a person can look at them.
# 5. The blank form, two lines filled in, converted by LibreOffice: its SUM formulas computed.
# Then it asserts the mechanical parts and exits non-zero on the first failure.
# Installs chromium, LibreOffice Calc and poppler-utils from Debian when they are missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/.build/render-check}
year=2017
bin=$root/.build/debug/khuyencong
failures=0

say() { printf '%s\n' "$*"; }
fail() { say "FAIL: $*"; failures=$((failures + 1)); }
pass() { say "ok:   $*"; }

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-calc-nogui"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
fc-list 2>/dev/null | grep -q DejaVuSans || need="$need fonts-dejavu-core"
if [ -n "$need" ]; then
  say "installing:$need"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi
  $sudo apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $need >/dev/null
fi

[ -x "$bin" ] || (cd "$root" && swift build >/dev/null)
rm -rf "$out"
mkdir -p "$out/plan" "$out/chromium" "$out/libreoffice/csv"

# Exit 1 is expected: the samples include rejected submissions (SPEC §6).
set +e
(cd "$root" && "$bin" consolidate --lang vi --year $year --out "$out/plan" \
  samples/*.csv samples/*.xml samples/*.xlsx samples/*.txt >"$out/consolidate.log" 2>&1)
status=$?
set -e
[ "$status" -le 1 ] || { cat "$out/consolidate.log"; fail "consolidate exited $status"; exit 1; }
html=$out/plan/plan-$year.html
xml=$out/plan/plan-$year.xml

# --- Chromium -------------------------------------------------------------------------------
# A private profile, no network: --host-resolver-rules makes any fetch fail, so a page that
# needed one would show it.
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
  --user-data-dir="$out/chromium/profile" --host-resolver-rules="MAP * ~NOTFOUND")
"${chrome[@]}" --window-size=1280,5200 --screenshot="$out/chromium/plan.png" "file://$html" \
  >"$out/chromium/screenshot.log" 2>&1 || true
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/chromium/plan.pdf" "file://$html" \
  >"$out/chromium/pdf.log" 2>&1 || true

size=$(stat -c %s "$out/chromium/plan.png" 2>/dev/null || echo 0)
if [ "$size" -gt 20000 ]; then pass "Chromium screenshot $out/chromium/plan.png ($size bytes)"
else fail "Chromium screenshot missing or blank ($size bytes)"; fi

pages=$(pdfinfo "$out/chromium/plan.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
if [ "${pages:-0}" -ge 3 ]; then pass "Chromium PDF has $pages pages"
else fail "Chromium PDF has ${pages:-no} pages (expected >= 3)"; fi
pdftoppm -r 60 -png -f 1 -l 1 "$out/chromium/plan.pdf" "$out/chromium/page" 2>/dev/null || true

# The PDF's text is what the browser laid out: diacritics survived, totals are there.
pdftotext -layout "$out/chromium/plan.pdf" "$out/chromium/plan.txt" 2>/dev/null || true
for text in "Kế hoạch khuyến công năm $year" "Kinh phí theo nội dung" "Huyện Lâm Bình (ưu tiên)" \
            "Tiến độ so với mục tiêu" "14.121,5" "Bị từ chối"; do
  if grep -qF "$text" "$out/chromium/plan.txt"; then pass "Chromium PDF shows \"$text\""
  else fail "Chromium PDF lacks \"$text\""; fi
done

# No resource from the network: no URL in src/href/url(), no script, no external stylesheet.
if grep -qE '(src|href)="?https?://|url\(|https?://|<script|<link' "$html"; then
  fail "the HTML refers to something outside the page: $(grep -oE '(src|href)=.{0,40}|https?://[^" ]*|<script|<link|url\(' "$html" | head -3 | tr '\n' ' ')"
else pass "the HTML refers to no http(s) resource, script or stylesheet"; fi
charts=$(grep -o '<svg class="chart"' "$html" | wc -l)
if [ "$charts" -eq 4 ]; then pass "the HTML has 4 inline SVG charts"
else fail "the HTML has $charts inline SVG charts (expected 4)"; fi

# --- LibreOffice ----------------------------------------------------------------------------
profile="-env:UserInstallation=file://$out/libreoffice/profile"
soffice "$profile" --headless --convert-to pdf --outdir "$out/libreoffice" "$xml" \
  >"$out/libreoffice/pdf.log" 2>&1 || true
soffice "$profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$out/libreoffice/csv" "$xml" >"$out/libreoffice/csv.log" 2>&1 || true

pages=$(pdfinfo "$out/libreoffice/plan-$year.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
if [ "${pages:-0}" -ge 5 ]; then pass "LibreOffice PDF has $pages pages"
else fail "LibreOffice PDF has ${pages:-no} pages (expected >= 5, one sheet at least each)"; fi
pdftoppm -r 60 -png -f 1 -l 1 "$out/libreoffice/plan-$year.pdf" "$out/libreoffice/page" \
  2>/dev/null || true

# sheet name | texts its CSV must hold (one per line)
check_sheet() {
  local sheet=$1; shift
  local csv="$out/libreoffice/csv/plan-$year-$sheet.csv"
  if [ ! -s "$csv" ]; then fail "LibreOffice wrote no CSV for sheet \"$sheet\""; return; fi
  local text
  for text in "$@"; do
    if grep -qF -- "$text" "$csv"; then pass "sheet \"$sheet\" shows \"$text\""
    else fail "sheet \"$sheet\" lacks \"$text\""; fi
  done
}
check_sheet "Tổng hợp" "KẾ HOẠCH KHUYẾN CÔNG NĂM $year - TỔNG HỢP THEO NỘI DUNG" \
  "Nội dung, chỉ tiêu" "Tổ chức đào tạo nghề, truyền nghề" ",Tổng cộng,,,14121.5,5459,1219.45,5143.05,2300"
check_sheet "Theo huyện" "Huyện, thành phố" "Huyện Lâm Bình,Ưu tiên,Đã tiếp nhận" \
  "Huyện Hàm Yên" "Huyện Sơn Dương" ",Tổng cộng,,,,37,14121.5,"
check_sheet "Chi tiết" "Tên đề án, hoạt động" "Nguồn (tệp:trang:dòng)" "Chiêm Hóa" \
  "2017-071-lam-binh-form.xlsx:KH2017:11" ",Tổng cộng,,,,,,,,,,14121.5,"
check_sheet "Tiến độ" "TIẾN ĐỘ THỰC HIỆN MỤC TIÊU CHƯƠNG TRÌNH" "Mục tiêu 5 năm" \
  "1.1,lao động được đào tạo nghề,lao động,500,265,85,350,70"
check_sheet "Chưa nộp - Bị từ chối" "CÁC HUYỆN CHƯA NỘP HOẶC BỊ TỪ CHỐI" "Nội dung lỗi" \
  "076,Huyện Sơn Dương,,Bị từ chối" "deadline.late"

# STT as LibreOffice shows it: "1", not "1.0" (a number format leaking from another style).
shown="$out/libreoffice/shown"
mkdir -p "$shown"
soffice "$profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$shown" "$xml" >/dev/null 2>&1 || true
if grep -q '^1,071,' "$shown/plan-$year-Theo huyện.csv" 2>/dev/null &&
   grep -qF '"14,121.5"' "$shown/plan-$year-Theo huyện.csv"; then
  pass "as shown: STT 1 and total 14,121.5 with thousands grouping"
else fail "as shown: expected STT '1,071,' and '\"14,121.5\"' in Theo huyện"; fi

# --- The blank form: LibreOffice computes its SUM formulas (issue 8) -----------------------
# Two lines are filled in (Tổng 120 under section I, 80 under section II) with no cached value
# in the formula cells; LibreOffice must compute the subtotals and the total itself.
form="$out/form"
mkdir -p "$form"
"$bin" template --year $year --district 071 --out "$form/lam-binh-$year.xml" >/dev/null
python3 - "$form/lam-binh-$year.xml" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
empty = '<Row>\n    <Cell ss:StyleID="code"/>'
def line(total):
    return ('<Row>\n    <Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">1.1</Data></Cell>'
            '<Cell ss:Index="12"><Data ss:Type="Number">%s</Data></Cell>' % total)
first = text.index(empty)
end = text.index('</Row>', first)
text = text[:first] + line(120) + text[end:]
second = text.index(empty, text.index('<Data ss:Type="String">II</Data>'))
end = text.index('</Row>', second)
text = text[:second] + line(80) + text[end:]
open(path, "w", encoding="utf-8").write(text)
PY
soffice "$profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$form" "$form/lam-binh-$year.xml" >"$form/csv.log" 2>&1 || true
sheet="$form/lam-binh-$year-Kế hoạch.csv"
if [ -s "$sheet" ]; then
  if grep -q '^I,1,.*,120,' "$sheet"; then pass "LibreOffice computes section I's subtotal: 120"
  else fail "section I's subtotal is not 120 in $sheet: $(grep '^I,1,' "$sheet" | head -1)"; fi
  if grep -q '^II,2,.*,80,' "$sheet"; then pass "LibreOffice computes section II's subtotal: 80"
  else fail "section II's subtotal is not 80: $(grep '^II,2,' "$sheet" | head -1)"; fi
  if grep -q 'Tổng cộng,.*,200,' "$sheet"; then pass "LibreOffice computes the total: 200"
  else fail "the total is not 200: $(grep 'Tổng cộng' "$sheet" | head -1)"; fi
else
  fail "LibreOffice wrote no CSV for the form's sheet ($(ls "$form" | tr '\n' ' '))"
fi
if [ -s "$form/lam-binh-$year-Danh mục.csv" ] && grep -qF "lượt cơ sở" "$form/lam-binh-$year-Danh mục.csv"; then
  pass "the form's \"Danh mục\" sheet lists the measures (lượt cơ sở)"
else fail "the form's \"Danh mục\" sheet is missing or lacks the measures"; fi

say ""
say "pictures to look at: $out/chromium/plan.png, $out/chromium/page-*.png, $out/libreoffice/page-*.png"
if [ "$failures" -gt 0 ]; then say "$failures check(s) failed"; exit 1; fi
say "render-check: all checks passed"
