# Headless Chromium prints the HTML reports to PDF in the print test (tests/e2e/print.rs);
# poppler-utils' pdftotext and pdfinfo read the PDF's text layer and page count.
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
command -v pdfinfo >/dev/null 2>&1 || case "$need" in *poppler-utils*) ;; *) need="$need poppler-utils" ;; esac
if [ -n "$need" ]; then
    apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need
fi
