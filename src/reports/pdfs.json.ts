// /reports/pdfs.json: the report PDFs that exist. The build always ships the empty list (so the
// report page's fetch never 404s); `npm run pdf` rewrites it in dist/ after writing the PDFs
// (scripts/pdf/). The page shows its "PDF" link only when its month is listed.
process.stdout.write("[]\n");
