#!/bin/sh
# Makes the fixtures of TestMediaGolden from our own synthetic reports
# (testdata/xlsx, written by the template writer; testdata/web, synthetic
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
cp ../xlsx/official-2021.xlsx xlsx-named.xls
cp ../xlsx/official-2021.xlsx xlsx-named.et

# An HTML "Excel export" under a .xls name, in UTF-8 and in GBK.
soffice --convert-to html --outdir "$tmp" ../xlsx/official-2021.xlsx
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
	soffice --convert-to xls:"MS Excel 97" --outdir "$tmp" ../xlsx/$book.xlsx
	cp "$tmp/$book.xls" $book.xls
done
cp official-2021.xls biff8-named.et
