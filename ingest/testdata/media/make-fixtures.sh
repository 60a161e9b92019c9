#!/bin/sh
# Makes the fixtures of TestMediaGolden from our own synthetic reports
# (ingest/xlsx/testdata, written by the template writer; testdata/web, synthetic
# report pages) with real producers: LibreOffice and Chromium. Run it from this
# folder on a machine with `apt-get install libreoffice-calc libreoffice-writer
# chromium poppler-utils`; `make test` never needs them, it reads the committed
# output. Then run `go test ./ingest -run TestMediaGolden -update` and review
# the golden files against the sources.
set -eu
here=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice() { command soffice --headless -env:UserInstallation=file://$tmp/profile "$@" >/dev/null 2>&1; }

# A real workbook merely named .xls and .et.
cp ../../xlsx/testdata/official-2021.xlsx xlsx-named.xls
cp ../../xlsx/testdata/official-2021.xlsx xlsx-named.et

# An HTML "Excel export" under a .xls name, in UTF-8 and in GBK.
soffice --convert-to html --outdir "$tmp" ../../xlsx/testdata/official-2021.xlsx
cp "$tmp/official-2021.html" excel-export-utf8.xls
sed 's/charset=utf-8/charset=gbk/' "$tmp/official-2021.html" | iconv -f utf-8 -t gbk > excel-export-gbk.xls

# Word documents written by LibreOffice Writer from synthetic report pages:
# tables with merged headers (rowspan/colspan become vMerge/gridSpan), and a
# report whose tables were typed as paragraphs. And the same as Word 97 .doc.
for page in shape6-rowspan html-paragraphs gbk-meta; do
	soffice --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" ../web/$page.html
	cp "$tmp/$page.docx" $page.docx
done
soffice --infilter="HTML (StarWriter)" --convert-to doc:"MS Word 97" --outdir "$tmp" ../web/shape6-rowspan.html
cp "$tmp/shape6-rowspan.doc" shape6-rowspan.doc

# Legacy workbooks (BIFF8) saved by LibreOffice Calc from workbooks of our
# template writer: merged headers, formula totals with their saved results,
# and one whose stated totals break the rules. WPS's .et is the same format.
for book in official-2021 format-2019 violations; do
	soffice --convert-to xls:"MS Excel 97" --outdir "$tmp" ../../xlsx/testdata/$book.xlsx
	cp "$tmp/$book.xls" $book.xls
done
cp official-2021.xls biff8-named.et

# PDFs. LibreOffice Writer prints the synthetic report pages (tables broken
# across pages, labels wrapped in their cells, top-aligned). Chromium prints
# them as a browser does (cells centred, header of a table left on the page
# before), once in portrait and once on landscape pages with narrow tables,
# so that more labels wrap onto two and three lines.
for page in shape6-rowspan gbk-meta html-paragraphs; do
	soffice --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" ../web/$page.html
	cp "$tmp/$page.pdf" $page-writer.pdf
done
# Page text copied out of a PDF (vertical headers one character a line),
# printed again by Writer as plain text: pdftotext joins the applicant header
# into one long line that ends in 法律 and leaves 服务机构其他 one character a
# line, so the header word 其他 comes before table 三's rows.
soffice --convert-to pdf:writer_pdf_Export --outdir "$tmp" ../web/shape7-pdf.txt
cp "$tmp/shape7-pdf.pdf" shape7-pdf-writer.pdf
# A table broken across pages that repeats its header on the next page, as
# Writer does for a table whose header rows are marked <thead> ("repeat
# heading"); its wrapped group labels ("三、本年度办理结果") are cells wrapped
# onto three lines.
sed '37s/<tbody>/<thead>/; 40a </thead><tbody>' ../web/shape6-rowspan.html > "$tmp/repeated-header.html"
soffice --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/repeated-header.html"
cp "$tmp/repeated-header.pdf" repeated-header-writer.pdf
# Rows of a page that disagree on the columns between two figures: a
# quarterly table under 一、总体情况 whose first and last figure columns line
# up with table 二's and that has two narrower columns between (table 二 has
# one), and a row with a figure centred across two of its columns. Read
# from either table, "规章 0 _ 0" would have one blank or two, and
# "财政资金类 _ _ _ 9" two or three: both are left blank with a finding.
sed '15a <table border="1" cellspacing="0" width="600"><colgroup><col width="240"><col width="120"><col width="60"><col width="60"><col width="120"></colgroup><tbody>\
<tr><td>类别</td><td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td></tr>\
<tr><td>机构职能类</td><td>12</td><td>3</td><td>4</td><td>5</td></tr>\
<tr><td>规划计划类</td><td colspan="2" align="center">7</td><td>6</td><td>8</td></tr>\
<tr><td>财政资金类</td><td></td><td></td><td></td><td>9</td></tr>\
</tbody></table>
17s#<table border="1" cellspacing="0">#<table border="1" cellspacing="0" width="600"><colgroup><col width="240"><col width="120"><col width="120"><col width="120"></colgroup>#' ../web/shape6-rowspan.html > "$tmp/columns-disagree.html"
soffice --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/columns-disagree.html"
cp "$tmp/columns-disagree.pdf" columns-disagree-writer.pdf
# The same with a year in the header Writer repeats ("2021年申请人情况"): a
# line with a year may be a title, so the repeated header is not dropped,
# and every figure must read right all the same.
sed '37s/<tbody>/<thead>/; 40a </thead><tbody>' ../web/shape6-rowspan.html | sed '38s/申请人情况/2021年申请人情况/' > "$tmp/repeated-header-year.html"
soffice --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/repeated-header-year.html"
cp "$tmp/repeated-header-year.pdf" repeated-header-year-writer.pdf
chrome() { chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$1" "$2" 2>/dev/null; }
chrome "$here/shape6-rowspan-chromium.pdf" "file://$here/../web/shape6-rowspan.html"
# Chromium embeds a TrueType CJK font as a CID font, as it does the fonts
# Chinese Windows has (SimSun, Microsoft YaHei); the Noto CJK fonts of this
# machine are CFF, which Skia writes as Type 3 fonts, a hundred small fonts
# that take pdftotext twice the CPU. Needs `apt-get install
# fonts-wqy-zenhei` for this one file; remove it after, as it changes the
# fallback font of every page Chromium renders.
sed 's#</head>#<style>body, td, p, h1 { font-family: "WenQuanYi Zen Hei" }</style></head>#' ../web/shape6-rowspan.html > "$tmp/truetype.html"
chrome "$here/shape6-rowspan-chromium-truetype.pdf" "file://$tmp/truetype.html"
iconv -f gbk -t utf-8 ../web/gbk-meta.html | sed 's/charset="gb2312"/charset="utf-8"/; s#</head>#<style>@page { size: A4 landscape } table { width: 45% }</style></head>#' > "$tmp/landscape.html"
chrome "$here/gbk-meta-landscape-chromium.pdf" "file://$tmp/landscape.html"

# Page text printed by Chromium in a column 20.6 characters wide, so that
# section 四's heading ("四、政府信息公开行政复议、行政诉讼情况", 19 characters)
# ends near the right edge, as long as the lines, and the paragraph under it
# starts with a year ("2020年，…"): a heading, not a line that goes on.
{ printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { font-size: 12pt; width: 20.6em; margin: 0 auto } p { margin: 0 0 0.3em 0; white-space: pre-wrap }</style></head><body>\n'; sed '/^$/d; s#.*#<p>&</p>#' ../web/pdf-2020.txt; printf '</body></html>\n'; } > "$tmp/narrow.html"
chrome "$here/pdf-2020-narrow-chromium.pdf" "file://$tmp/narrow.html"

# Copying the text forbidden, as many published reports are (pdftotext reads
# them all the same), and a PDF that needs a password to open (refused).
soffice --infilter="HTML (StarWriter)" --convert-to 'pdf:writer_pdf_Export:{"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"},"EnableCopyingOfContent":{"type":"boolean","value":"false"},"Printing":{"type":"long","value":"0"}}' --outdir "$tmp" ../web/shape6-rowspan.html
cp "$tmp/shape6-rowspan.pdf" copy-restricted-writer.pdf
printf '<html><body><p>示例</p></body></html>' > "$tmp/password.html"
soffice --infilter="HTML (StarWriter)" --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' --outdir "$tmp" "$tmp/password.html"
cp "$tmp/password.pdf" password.pdf

# A scan: the first page of a printed report as a picture, and nothing else.
pdftoppm -r 30 -gray -png -f 1 -l 1 shape6-rowspan-writer.pdf "$tmp/scan"
printf '<html><body style="margin:0"><img src="scan-1.png" style="width:100%%"></body></html>' > "$tmp/scan.html"
chrome "$here/scan.pdf" "file://$tmp/scan.html"

# Spreadsheets in plain XML: Excel 2003 XML under a .xls name (as "导出Excel"
# buttons write it) and OpenDocument, saved by LibreOffice Calc.
soffice --convert-to xml:"MS Excel 2003 XML" --outdir "$tmp" ../../xlsx/testdata/official-2021.xlsx
cp "$tmp/official-2021.xml" spreadsheetml-2003.xls
soffice --convert-to ods --outdir "$tmp" ../../xlsx/testdata/official-2021.xlsx
cp "$tmp/official-2021.ods" official-2021.ods
soffice --convert-to ods --outdir "$tmp" ../../xlsx/testdata/violations.xlsx
cp "$tmp/violations.ods" violations.ods

# Shapes of real published reports, from one synthetic report of ours that
# shapes.py writes with its expected figures (../web/shape8-narrow.html):
# narrow columns whose headers and labels wrap onto two to five lines, table
# 三's applicant header on two rows, merged label cells in header and body,
# blank cells mixed with "0", figures set right, a fee of 12.35 万元, and
# table 三 broken across pages with no repeated header. Writer prints it to
# PDF and saves it as Word (vMerge/gridSpan); the Word file printed again is
# the PDF of a report drafted in Word. Chromium prints it on landscape pages
# with table 四's column headers set in vertical text.
python3 shapes.py
soffice --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" ../web/shape8-narrow.html
cp "$tmp/shape8-narrow.pdf" shape8-narrow-writer.pdf
soffice --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" ../web/shape8-narrow.html
cp "$tmp/shape8-narrow.docx" shape8-narrow.docx
mkdir "$tmp/from-docx"
soffice --convert-to pdf:writer_pdf_Export --outdir "$tmp/from-docx" shape8-narrow.docx
cp "$tmp/from-docx/shape8-narrow.pdf" shape8-narrow-docx-writer.pdf
sed 's#</style>#td.h { writing-mode: vertical-rl } @page { size: A4 landscape }</style>#' ../web/shape8-narrow.html > "$tmp/vertical.html"
chrome "$here/shape8-vertical-landscape-chromium.pdf" "file://$tmp/vertical.html"

# A unit of money stated outside table 二's fees column (a paragraph above
# the table, a caption), as Word documents and PDFs printed by Writer.
for page in fees-para-above-yuan fees-caption-yuan; do
	soffice --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" ../web/$page.html
	cp "$tmp/$page.docx" $page.docx
	soffice --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" ../web/$page.html
	cp "$tmp/$page.pdf" $page-writer.pdf
done
# A legacy workbook with "单位：元" under 表二's title.
soffice --convert-to xls:"MS Excel 97" --outdir "$tmp" ../../xlsx/testdata/unit-row-yuan.xlsx
cp "$tmp/unit-row-yuan.xls" unit-row-yuan.xls
